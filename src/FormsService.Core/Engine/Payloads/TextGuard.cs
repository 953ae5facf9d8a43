using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// Checks every string of a payload, whatever the form: no control or bidi-override characters, no broken
/// surrogates, nothing the shipped fonts cannot print (an official document must not print empty boxes), and nothing
/// they would print wrongly: right-to-left scripts and scripts that need shaping (the layout draws glyphs left to
/// right, one by one), invisible characters, combining marks with no letter to sit on, text with nothing visible.
/// Each message names the character; the error's key names the field. Text a spreadsheet program would run as a
/// formula is refused too (<see cref="FormulaLike"/>): payloads come back in spreadsheets and in reports that
/// clients open in one.
/// </summary>
internal sealed class TextGuard(Func<int, bool> canDraw)
{
    public void Check(JsonElement element, string path, IDictionary<string, List<Message>> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                    Check(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", errors);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    Check(item, $"{path}[{i++}]", errors);
                break;
            case JsonValueKind.String:
                var problem = Problem(element);
                if (problem is not null)
                    Add(errors, path, problem);
                break;
        }
    }

    private Message? Problem(JsonElement element)
    {
        string s;
        try { s = element.GetString()!; }
        catch (InvalidOperationException) { return Say.ControlCharacter; }
        var baseLetter = Base.None;
        var visible = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                cp = char.ConvertToUtf32(c, s[++i]);
            else if (char.IsSurrogate(c))
                return Say.ControlCharacter;
            var category = CharUnicodeInfo.GetUnicodeCategory(cp);
            // Format characters include the right-to-left overrides that can make printed text lie.
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                return Say.ControlCharacter;
            if (Invisible(cp))
                return Say.Of("invisible-character", ("char", Describe(cp)));
            if (RightToLeft(cp))
                return Say.Of("right-to-left", ("char", Describe(cp)));
            if (NeedsShaping(cp))
                return Say.Of("needs-shaping", ("char", Describe(cp)));
            if (!canDraw(cp))
                return Say.Unprintable(Describe(cp));
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // Payloads reach here composed (NFC); a mark still apart from its letter is drawn by the fonts' own
                // placement, which is right only for the basic diacritics over a Latin, Cyrillic or Greek letter.
                if (baseLetter == Base.None || !(cp is >= 0x0300 and <= 0x036F) || baseLetter == Base.Other)
                    return Say.Of("lone-mark", ("char", Describe(cp)));
                continue;
            }
            baseLetter = char.IsLetter(s, cp > 0xFFFF ? i - 1 : i) ? (Alphabetic(cp) ? Base.Alphabet : Base.Other) : Base.None;
            visible |= !char.IsWhiteSpace(s, cp > 0xFFFF ? i - 1 : i);
        }
        if (s.Length > 0 && !visible && s.Any(ch => !char.IsWhiteSpace(ch)))
            return Say.Of("nothing-visible");
        return FormulaLike(s) ? Say.Of("formula-like", ("char", Describe(s[0]))) : null;
    }

    /// <summary>
    /// Text that Excel, LibreOffice or Google Sheets would run as a formula when it is typed or opened from a CSV:
    /// it starts with '=', '@', '+' or '-' (a tab or a carriage return, the other two, are control characters and
    /// refused anywhere). A '+' or '-' followed only by digits, spaces, brackets, dots, commas and dashes is let
    /// through: a telephone (+7 727 …), a signed number, a lone dash for "none" compute nothing a sheet could misuse.
    /// </summary>
    public static bool FormulaLike(string s)
    {
        if (s.Length == 0) return false;
        if (s[0] is '=' or '@' or '\t' or '\r') return true;
        if (s[0] is not ('+' or '-')) return false;
        for (var i = 1; i < s.Length; i++)
            if (s[i] is not ((>= '0' and <= '9') or ' ' or '(' or ')' or '.' or ',' or '-'))
                return true;
        return false;
    }

    private enum Base { None, Alphabet, Other }

    /// <summary>Latin, Greek and Cyrillic letters: the scripts whose basic diacritics the fonts place by themselves.</summary>
    private static bool Alphabetic(int cp) => cp is <= 0x024F or (>= 0x0370 and <= 0x052F) or (>= 0x1E00 and <= 0x1FFF);

    /// <summary>Default-ignorable characters that are not format controls: they print as nothing, or as a box.</summary>
    private static bool Invisible(int cp) => cp is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F)
        or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0 or (>= 0xE0100 and <= 0xE01EF);

    /// <summary>Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left blocks: the layout prints left to right only.</summary>
    private static bool RightToLeft(int cp) => cp is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF)
        or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF);

    /// <summary>Scripts whose letters change shape or order with their neighbours (Indic, Thai, Tibetan, Myanmar, Khmer, Mongolian, Hangul jamo…).</summary>
    private static bool NeedsShaping(int cp) => cp is (>= 0x0900 and <= 0x0FFF) or (>= 0x1000 and <= 0x109F) or (>= 0x1100 and <= 0x11FF)
        or (>= 0x1780 and <= 0x18AF) or (>= 0x1A00 and <= 0x1C7F) or (>= 0xA800 and <= 0xAB2F) or (>= 0xABC0 and <= 0xABFF) or (>= 0x11000 and <= 0x11FFF);

    private static string Describe(int cp) =>
        $"'{char.ConvertFromUtf32(cp)}' (U+{cp.ToString("X4", CultureInfo.InvariantCulture)})";

    internal static void Add(IDictionary<string, List<Message>> errors, string path, Message message)
    {
        // Every error names a path: the body itself (or a key that is empty) is "$".
        if (path.Length == 0) path = "$";
        if (!errors.TryGetValue(path, out var list))
            errors[path] = list = [];
        if (!list.Contains(message))
            list.Add(message);
    }
}
