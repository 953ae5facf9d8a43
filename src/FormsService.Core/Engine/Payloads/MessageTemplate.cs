using System.Globalization;
using System.Text.RegularExpressions;

namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// Fills one message's parameters in its language. Besides <c>{name}</c> (the value as given) a message may write
/// <c>{name:date}</c>, an ISO date as the language writes it in running text (Kazakh and Russian 28.11.2025, English
/// as given), and <c>{name|word|words|...}</c>, the noun form that agrees with the number <c>name</c> (Russian one /
/// few / many: 1 час, 2 часа, 5 часов, 11 часов, 21 час; English one / other). The forms are the message's own words,
/// so every count in every message agrees without code knowing the nouns.
/// </summary>
internal static partial class MessageTemplate
{
    public static string Fill(string text, string language, IReadOnlyDictionary<string, string> args) =>
        Placeholder().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            if (!args.TryGetValue(name, out var value))
                return m.Value;
            if (m.Groups["date"].Success)
                return Date(value, language);
            if (m.Groups["forms"].Success)
                return Agree(value, m.Groups["forms"].Value.Split('|'), language);
            return value;
        });

    /// <summary>The parameter names a text refers to, in any of the three shapes.</summary>
    public static HashSet<string> Parameters(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    private static string Date(string value, string language) =>
        language != "en" && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
            : value;

    /// <summary>The noun form for a count: the CLDR plural categories of Russian and English; one form for Kazakh.</summary>
    internal static string Agree(string value, IReadOnlyList<string> forms, string language)
    {
        if (forms.Count == 1)
            return forms[0];
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            return forms[^1];
        var whole = decimal.Truncate(number) == number;
        // The rules read the last two digits only (and English the number itself), whatever the number's size.
        var n = (int)(Math.Abs(decimal.Truncate(number)) % 100);
        var index = language switch
        {
            // Russian: a fraction takes the genitive singular (3,5 часа), the "few" form.
            "ru" when !whole => 1,
            "ru" when n % 10 == 1 && n != 11 => 0,
            "ru" when n % 10 is >= 2 and <= 4 && n is < 12 or > 14 => 1,
            "ru" => 2,
            _ => whole && Math.Abs(number) == 1 ? 0 : 1,
        };
        return forms[Math.Min(index, forms.Count - 1)];
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)(?::(?<date>date)|\|(?<forms>[^{}]+))?\}")]
    private static partial Regex Placeholder();
}
