using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Engine.Payloads;

/// <summary>One language's messages: code → text with <c>{name}</c> parameters.</summary>
internal sealed record MessageFile(string Language, Dictionary<string, string> Messages);

/// <summary>
/// The problem messages in every language the service speaks (<c>forms/_messages/{kk,ru,en}.json</c>): Kazakh for
/// clerks (the default), Russian, English for integrators. Every code is in every language with the same
/// parameters, or start-up stops at the file and code that lack it.
/// </summary>
internal sealed class MessageTable
{
    public const string Folder = "_messages";
    public const string Default = "kk";

    /// <summary>The languages, in the order a reader's preference is matched against.</summary>
    public static readonly IReadOnlyList<string> Languages = ["kk", "ru", "en"];

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _byLanguage;

    private MessageTable(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byLanguage) => _byLanguage = byLanguage;

    public IEnumerable<string> Codes => _byLanguage[Default].Keys;

    public static MessageTable Load(string formsDirectory)
    {
        var folder = Path.Combine(formsDirectory, Folder);
        var files = Languages.ToDictionary(l => l, l => Path.Combine(folder, l + ".json"));
        var read = files.ToDictionary(f => f.Key, f => DataFile.Read<MessageFile>(f.Value, m => LanguageFaults(m, f.Key)));
        var all = read.Values.SelectMany(m => m.Messages.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var (language, file) in read)
            foreach (var code in all)
            {
                if (!file.Messages.TryGetValue(code, out var text))
                    throw new DefinitionException(files[language], $"$.messages['{code}']", $"the code '{code}' has no {language} text.");
                var other = read[Default].Messages.GetValueOrDefault(code) ?? read.Values.First(m => m.Messages.ContainsKey(code)).Messages[code];
                if (!Parameters(text).SetEquals(Parameters(other)))
                    throw new DefinitionException(files[language], $"$.messages['{code}']",
                        $"names the parameters {{{string.Join("}, {", Parameters(text).Order())}}}, the Kazakh text {{{string.Join("}, {", Parameters(other).Order())}}}.");
            }
        return new MessageTable(read.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, string>)r.Value.Messages));
    }

    private static IEnumerable<DataFault> LanguageFaults(MessageFile file, string expected)
    {
        if (file.Language != expected)
            yield return new DataFault("$.language", $"the file of '{expected}' says '{file.Language}'.");
        foreach (var (code, text) in file.Messages)
            if (string.IsNullOrWhiteSpace(text))
                yield return new DataFault($"$.messages['{code}']", "a message is not blank.");
    }

    public bool Knows(string code) => _byLanguage[Default].ContainsKey(code);

    /// <summary>A message in <paramref name="language"/> (Kazakh for a language the tables lack); literal text as it is.</summary>
    public string Text(Message message, string language)
    {
        if (message.Code is not { } code)
            return message.Literal!;
        var known = _byLanguage.ContainsKey(language) ? language : Default;
        if (!_byLanguage[known].TryGetValue(code, out var text))
            throw new InvalidOperationException($"The message code '{code}' is in no table of forms/{Folder}.");
        return MessageTemplate.Fill(text, known, message.Args);
    }

    /// <summary>The text every reader gets when no language was asked for in a file (manifests, spreadsheets): Kazakh, then English.</summary>
    public string Bilingual(Message message)
    {
        var kk = Text(message, "kk");
        var en = Text(message, "en");
        return kk == en ? kk : $"{kk} / {en}";
    }

    private static HashSet<string> Parameters(string text) => MessageTemplate.Parameters(text);
}
