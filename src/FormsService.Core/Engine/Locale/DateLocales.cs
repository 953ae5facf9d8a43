using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Engine.Locale;

/// <summary>
/// The date words of every language the service ships (<c>forms/_locale/*.json</c>), loaded and checked once: a broken
/// file, or a definition in a language without one, stops start-up with the file and JSON path.
/// </summary>
internal sealed class DateLocales
{
    private readonly Dictionary<string, DateLocale> _byLanguage;

    private DateLocales(Dictionary<string, DateLocale> byLanguage) => _byLanguage = byLanguage;

    public IReadOnlyCollection<string> Languages => _byLanguage.Keys;

    public static DateLocales Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DefinitionException(directory, "$", "the locale folder does not exist.");
        var locales = new Dictionary<string, DateLocale>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var locale = Read(file);
            if (locale.Language != Path.GetFileNameWithoutExtension(file))
                throw new DefinitionException(file, "$.language", $"'{locale.Language}' does not match the file name.");
            locales[locale.Language] = locale;
        }
        return new DateLocales(locales);
    }

    /// <summary>The locale of <paramref name="language"/>; a definition naming a language without one cannot be served.</summary>
    public DateLocale For(string language, string definitionFile) =>
        _byLanguage.TryGetValue(language, out var locale)
            ? locale
            : throw new DefinitionException(definitionFile, "$.language", $"no date words for '{language}'; known: {string.Join(", ", _byLanguage.Keys)}.");

    /// <summary>Every version of the catalogue is in a language this service has date words for.</summary>
    public void CheckCovers(FormCatalog catalog)
    {
        foreach (var version in catalog.Forms.SelectMany(f => f.Versions).SelectMany(v => v.Languages.Select(l => v.In(l)!)))
            For(version.Definition.Language, version.Definition.File);
    }

    public DateLocale? Find(string language) => _byLanguage.GetValueOrDefault(language);

    private static DateLocale Read(string file)
    {
        var data = DataFile.Read<LocaleFile>(file);
        if (data.Months.Count != 12 || data.Months.Any(string.IsNullOrWhiteSpace))
            throw new DefinitionException(file, "$.months", "must list the twelve month names.");

        var suffixes = data.Suffixes is { } s
            ? new MonthSuffixes(s.BackVowels, s.FrontVowels, s.VoicelessEndings, s.Locative.Back, s.Locative.Front,
                s.Locative.BackVoiceless, s.Locative.FrontVoiceless, s.Attributive.Back, s.Attributive.Front)
            : null;
        var patterns = new Dictionary<DateStyle, IReadOnlyList<DatePiece>>
        {
            [DateStyle.Blank] = Parse(file, "$.dates.blank", data.Dates.Blank, suffixes, inflects: false),
            [DateStyle.Plain] = Parse(file, "$.dates.plain", data.Dates.Plain, suffixes, inflects: true),
            [DateStyle.Attributive] = Parse(file, "$.dates.attributive", data.Dates.Attributive, suffixes, inflects: true),
            [DateStyle.Locative] = Parse(file, "$.dates.locative", data.Dates.Locative, suffixes, inflects: true),
        };
        return new DateLocale(data.Language, data.Months, patterns, data.BlankYearPrefix, suffixes);
    }

    /// <summary>"{year} жылғы {day} {month.attributive}" → pieces; each of year, day and month exactly once.</summary>
    private static List<DatePiece> Parse(string file, string at, string pattern, MonthSuffixes? suffixes, bool inflects)
    {
        var pieces = new List<DatePiece>();
        var seen = new HashSet<DatePart>();
        var pos = 0;
        while (pos < pattern.Length)
        {
            var open = pattern.IndexOf('{', pos);
            if (open < 0) { pieces.Add(new DateText(pattern[pos..])); break; }
            if (open > pos) pieces.Add(new DateText(pattern[pos..open]));
            var close = pattern.IndexOf('}', open);
            if (close < 0) throw new DefinitionException(file, at, $"'{{' at {open} is not closed.");
            DateSlot slot = pattern[(open + 1)..close] switch
            {
                "year" => new(DatePart.Year),
                "day" => new(DatePart.Day),
                "month" => new(DatePart.Month),
                "month.locative" when inflects => new(DatePart.Month, MonthForm.Locative),
                "month.attributive" when inflects => new(DatePart.Month, MonthForm.Attributive),
                var other => throw new DefinitionException(file, at,
                    $"unknown part '{{{other}}}'; known: {{year}}, {{day}}, {{month}}" + (inflects ? ", {month.locative}, {month.attributive}." : ".")),
            };
            if (slot.Form != MonthForm.Name && suffixes is null)
                throw new DefinitionException(file, at, $"'{{{pattern[(open + 1)..close]}}}' needs 'suffixes'.");
            if (!seen.Add(slot.Part))
                throw new DefinitionException(file, at, $"the {slot.Part.ToString().ToLowerInvariant()} appears twice.");
            pieces.Add(slot);
            pos = close + 1;
        }
        if (seen.Count != 3)
            throw new DefinitionException(file, at, "a date pattern needs {year}, {day} and a {month}.");
        return pieces;
    }

    private sealed record LocaleFile
    {
        public required string Language { get; init; }
        public required IReadOnlyList<string> Months { get; init; }
        public required LocaleDates Dates { get; init; }
        public string BlankYearPrefix { get; init; } = "";
        public LocaleSuffixes? Suffixes { get; init; }
        /// <summary>Where the words come from: read by people, not by the service.</summary>
        public string? Source { get; init; }
    }

    private sealed record LocaleDates(string Blank, string Plain, string Attributive, string Locative);

    private sealed record LocaleSuffixes(string BackVowels, string FrontVowels, string VoicelessEndings, LocativeSuffixes Locative, AttributiveSuffixes Attributive);

    private sealed record LocativeSuffixes(string Back, string Front, string BackVoiceless, string FrontVoiceless);

    private sealed record AttributiveSuffixes(string Back, string Front);
}
