using System.Globalization;
using System.Text;

namespace FormsService.Core.Engine.Locale;

/// <summary>
/// The date words of one language: month names, one pattern per <see cref="DateStyle"/> and, where the language
/// inflects the month (Kazakh), the suffix rule. Knows no form; read from <c>forms/_locale/&lt;language&gt;.json</c>.
/// </summary>
internal sealed class DateLocale
{
    private readonly IReadOnlyList<string> _months;
    private readonly IReadOnlyDictionary<DateStyle, IReadOnlyList<DatePiece>> _patterns;
    private readonly MonthSuffixes? _suffixes;

    internal DateLocale(string language, IReadOnlyList<string> months, IReadOnlyDictionary<DateStyle, IReadOnlyList<DatePiece>> patterns,
        string blankYearPrefix, MonthSuffixes? suffixes)
    {
        Language = language;
        _months = months;
        _patterns = patterns;
        BlankYearPrefix = blankYearPrefix;
        _suffixes = suffixes;
    }

    public string Language { get; }

    /// <summary>What the form prints before an empty year blank ("20" of <c>20__</c>).</summary>
    public string BlankYearPrefix { get; }

    public IReadOnlyList<DatePiece> Pattern(DateStyle style) => _patterns[style];

    /// <summary>A date as running text in a style other than <see cref="DateStyle.Blank"/>.</summary>
    public string Format(DateOnly date, DateStyle style)
    {
        var sb = new StringBuilder();
        foreach (var piece in _patterns[style])
            sb.Append(piece switch
            {
                DateText t => t.Text,
                DateSlot slot => Value(date, slot, style),
                _ => "",
            });
        return sb.ToString();
    }

    /// <summary>One part of a date as it prints: the day without a leading zero, except in the form's blank ("05").</summary>
    public string Value(DateOnly date, DateSlot slot, DateStyle style) => slot.Part switch
    {
        DatePart.Year => date.Year.ToString(CultureInfo.InvariantCulture),
        DatePart.Day => date.Day.ToString(style == DateStyle.Blank ? "00" : "0", CultureInfo.InvariantCulture),
        _ => Month(date.Month, slot.Form),
    };

    /// <summary>The month a word names in any form this language prints it in (ignoring case); null when none.</summary>
    public int? MonthOf(string word)
    {
        for (var month = 1; month <= 12; month++)
        {
            var name = _months[month - 1];
            if (string.Equals(name, word, StringComparison.OrdinalIgnoreCase)
                || (_suffixes is { } s && (string.Equals(s.Locative(name), word, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(s.Attributive(name), word, StringComparison.OrdinalIgnoreCase))))
                return month;
        }
        return null;
    }

    public string Month(int month, MonthForm form)
    {
        var name = _months[month - 1];
        return form switch
        {
            MonthForm.Name => name,
            MonthForm.Locative => _suffixes!.Locative(name),
            _ => _suffixes!.Attributive(name),
        };
    }
}

/// <summary>
/// Vowel harmony and the last sound choose the suffix: the last back or front vowel of the word decides back/front,
/// a voiceless last sound takes the voiceless variant (қыркүйек → қыркүйекте → қыркүйектегі).
/// </summary>
internal sealed record MonthSuffixes(string BackVowels, string FrontVowels, string VoicelessEndings,
    string Back, string Front, string BackVoiceless, string FrontVoiceless, string AttributiveBack, string AttributiveFront)
{
    public string Locative(string word)
    {
        var front = IsFront(word);
        var voiceless = VoicelessEndings.Contains(char.ToLowerInvariant(word[^1]), StringComparison.Ordinal);
        return word + (front, voiceless) switch
        {
            (false, false) => Back,
            (false, true) => BackVoiceless,
            (true, false) => Front,
            (true, true) => FrontVoiceless,
        };
    }

    public string Attributive(string word) => Locative(word) + (IsFront(word) ? AttributiveFront : AttributiveBack);

    private bool IsFront(string word)
    {
        for (var i = word.Length - 1; i >= 0; i--)
        {
            var c = char.ToLowerInvariant(word[i]);
            if (FrontVowels.Contains(c, StringComparison.Ordinal)) return true;
            if (BackVowels.Contains(c, StringComparison.Ordinal)) return false;
        }
        return false;
    }
}
