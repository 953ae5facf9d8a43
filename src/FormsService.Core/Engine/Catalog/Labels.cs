using System.Text.Json;
using System.Text.Json.Serialization;

namespace FormsService.Core.Engine.Catalog;

/// <summary>
/// A version's Kazakh and Russian words for payload fields, from <c>labels.json</c> beside its definition: each
/// field's label, the help text under it, and for a field with a fixed set of values each value's name
/// (<c>{ "issuer.position": { "label": […], "help": […], "options": { "бастығы": […] } } }</c>; a plain
/// <c>["Тегі", "Фамилия"]</c> is a label alone). The schema's titles and <c>x-labels</c>, the clerks' page's words.
/// </summary>
internal sealed class Labels
{
    public const string FileName = "labels.json";

    public static readonly Labels None = new(new Dictionary<string, FieldWords>());

    private Labels(IReadOnlyDictionary<string, FieldWords> byPath) => Words = byPath;

    /// <summary>Field path → its words, in the file's order.</summary>
    public IReadOnlyDictionary<string, FieldWords> Words { get; }

    /// <summary>The labels of a version folder (none when it has no file); every label names a field of the payload.</summary>
    public static Labels Load(string directory, IReadOnlySet<string> paths)
    {
        var file = Path.Combine(directory, FileName);
        if (!File.Exists(file))
            return None;
        var labels = DataFile.Read<Dictionary<string, FieldWords>>(file, labels => Faults(labels, paths));
        return new Labels(labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal));
    }

    private static IEnumerable<DataFault> Faults(Dictionary<string, FieldWords> labels, IReadOnlySet<string> paths)
    {
        foreach (var (path, words) in labels)
        {
            if (!paths.Contains(path))
                yield return new DataFault("$." + path, $"'{path}' is not a field of the payload.");
            else if (!Pair(words.Label))
                yield return new DataFault("$." + path, "a label is [\"Kazakh\", \"Russian\"].");
            else if (words.Help is not null && !Pair(words.Help))
                yield return new DataFault("$." + path + ".help", "a help text is [\"Kazakh\", \"Russian\"].");
            else if (words.Options?.FirstOrDefault(o => !Pair(o.Value)) is { Key: not null } option)
                yield return new DataFault("$." + path + ".options." + option.Key, "a value's name is [\"Kazakh\", \"Russian\"].");
        }
    }

    private static bool Pair(string?[]? pair) => pair is { Length: 2 } && pair.All(p => !string.IsNullOrWhiteSpace(p));
}

/// <summary>A field's words: label, help text, and the names of its fixed values, each [Kazakh, Russian].</summary>
[JsonConverter(typeof(FieldWordsConverter))]
internal sealed record FieldWords(string[] Label, string[]? Help = null, IReadOnlyDictionary<string, string[]>? Options = null);

/// <summary>Reads a field's words from the long form (an object) or the short one (the label's pair alone).</summary>
internal sealed class FieldWordsConverter : JsonConverter<FieldWords>
{
    private sealed record LongForm(string[] Label, string[]? Help = null, Dictionary<string, string[]>? Options = null);

    public override FieldWords Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
            return new FieldWords(JsonSerializer.Deserialize<string[]>(ref reader, options)!);
        var full = JsonSerializer.Deserialize<LongForm>(ref reader, options) ?? throw new JsonException("a field's words are an object or a pair.");
        return new FieldWords(full.Label, full.Help, full.Options);
    }

    public override void Write(Utf8JsonWriter writer, FieldWords value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new LongForm(value.Label, value.Help, value.Options?.ToDictionary(o => o.Key, o => o.Value)), options);
}
