using System.Globalization;
using System.Text;

namespace FormsService.Api.Http.Unicode;

/// <summary>
/// Composes a letter typed as a base and combining diacritics (<c>И</c> + U+0306) into the one letter it is
/// (<c>Й</c>), as Unicode's NFC does for Latin, Greek and Cyrillic: marks reordered by combining class, then each
/// composed with its base unless a mark of the same class stands between them. The service runs with invariant
/// globalization, where <see cref="string.Normalize()"/> leaves text as it is; the table comes from Unicode's data.
/// </summary>
internal static class Composer
{
    private const char FirstMark = '\u0300', LastMark = '\u036F';
    private static readonly Dictionary<int, char> Compositions = Load();

    private static Dictionary<int, char> Load()
    {
        var table = new Dictionary<int, char>(CompositionTable.Triples.Length / 3);
        for (var i = 0; i < CompositionTable.Triples.Length; i += 3)
            table[Key(CompositionTable.Triples[i], CompositionTable.Triples[i + 1])] = CompositionTable.Triples[i + 2];
        return table;
    }

    private static int Key(char letter, char mark) => (letter << 16) | mark;

    /// <summary>True when the text holds nothing to compose.</summary>
    public static bool IsComposed(string text)
    {
        foreach (var c in text)
            if (c is >= FirstMark and <= LastMark) return false;
        return true;
    }

    public static string Compose(string text)
    {
        if (IsComposed(text)) return text;
        var chars = text.ToCharArray();
        Reorder(chars);
        var sb = new StringBuilder(chars.Length);
        var starter = -1;
        var lastClass = -1;
        foreach (var c in chars)
        {
            var cls = Class(c);
            if (cls > 0 && starter >= 0 && c is >= FirstMark and <= LastMark && (lastClass < 0 || lastClass < cls)
                && Compositions.TryGetValue(Key(sb[starter], c), out var composed))
            {
                sb[starter] = composed;
                continue;
            }
            if (cls == 0)
            {
                starter = sb.Length;
                lastClass = -1;
            }
            else
            {
                lastClass = cls;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Canonical order: each run of marks sorted, stably, by combining class.</summary>
    private static void Reorder(char[] chars)
    {
        for (var i = 0; i < chars.Length; i++)
        {
            if (Class(chars[i]) == 0) continue;
            var end = i;
            while (end < chars.Length && Class(chars[end]) > 0) end++;
            if (end - i > 1)
            {
                var run = chars[i..end].Select((c, k) => (c, k)).OrderBy(x => Class(x.c)).ThenBy(x => x.k).Select(x => x.c).ToArray();
                run.CopyTo(chars, i);
            }
            i = end;
        }
    }

    /// <summary>The diacritics' own classes; any other combining mark counts as above (230), everything else a starter.</summary>
    private static int Class(char c)
    {
        if (c is >= FirstMark and <= LastMark) return CompositionTable.Classes[c - FirstMark];
        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark ? 230 : 0;
    }
}
