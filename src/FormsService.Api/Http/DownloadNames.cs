using System.Globalization;
using System.Text;
using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;

namespace FormsService.Api.Http;

/// <summary>
/// File names clerks can read: <c>Анықтама-жолдама_Сейтқалиев_2025-10-20.pdf</c>, with an ASCII transliteration for
/// clients that ignore <c>filename*</c> (RFC 6266 / RFC 5987).
/// </summary>
internal static class DownloadNames
{
    private static readonly Dictionary<char, string> Latin = new()
    {
        ['а'] = "a", ['ә'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['ғ'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo",
        ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['й'] = "i", ['к'] = "k", ['қ'] = "q", ['л'] = "l", ['м'] = "m", ['н'] = "n",
        ['ң'] = "n", ['о'] = "o", ['ө'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ұ'] = "u",
        ['ү'] = "u", ['ф'] = "f", ['х'] = "kh", ['һ'] = "h", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch",
        ['ъ'] = "", ['ы'] = "y", ['і'] = "i", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    /// <param name="view">The checked payload's view (what the document prints from), or null for a blank form.</param>
    /// <remarks>
    /// A language variant's short title is its own (Russian); where it is the same as the default language's, the
    /// name carries the language (<c>-ru</c>) so that the two documents of one payload never share a name.
    /// </remarks>
    public static string FileName(FormVersion version, object? view, string extension)
    {
        var definition = version.Definition;
        var title = definition.ShortTitle;
        if (version != version.Default && string.Equals(title, version.Default.Definition.ShortTitle, StringComparison.OrdinalIgnoreCase))
            title += "-" + version.Language;
        var parts = new List<string> { title };
        if (ViewNode.Of(view) is { Kind: JsonValueKind.Object } node)
        {
            var values = new PayloadValues(node);
            foreach (var path in definition.FileNameFields)
            {
                var value = values.Get(path);
                if (!string.IsNullOrWhiteSpace(value))
                    parts.Add(Clean(value));
            }
        }
        else
        {
            parts.Add("бланк");
        }
        return string.Join('_', parts.Where(p => p.Length > 0)) + "." + extension;
    }

    /// <param name="inline">Shown in place (an &lt;img src&gt; preview) rather than saved.</param>
    /// <remarks>
    /// Written directly — the ASCII name (quoted; it holds only letters, digits, '-', '_' and '.') and the UTF-8 name,
    /// percent-encoded (RFC 8187) — instead of through the framework's header value, which sanitised, encoded and
    /// re-parsed the name for every document.
    /// </remarks>
    public static string ContentDisposition(string fileName, bool inline = false)
    {
        var sb = new StringBuilder(fileName.Length * 7 + 48);
        sb.Append(inline ? "inline" : "attachment").Append("; filename=\"").Append(Ascii(fileName)).Append("\"; filename*=UTF-8''");
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in fileName.EnumerateRunes())
        {
            if (rune.IsAscii && IsAttrChar((char)rune.Value))
            {
                sb.Append((char)rune.Value);
                continue;
            }
            var n = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..n])
                sb.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
        }
        return sb.ToString();
    }

    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>RFC 8187's attr-char: what a value may hold unencoded.</summary>
    private static bool IsAttrChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '&' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    public static string Ascii(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var lower = char.ToLowerInvariant(c);
            if (Latin.TryGetValue(lower, out var latin))
                sb.Append(char.IsUpper(c) && latin.Length > 0 ? char.ToUpperInvariant(latin[0]) + latin[1..] : latin);
            else if (c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
                sb.Append(c);
            else
                sb.Append('_');
        }
        return sb.ToString();
    }

    private static string Clean(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in value.Trim())
        {
            if (char.IsLetterOrDigit(c) || c == '-') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= 40) break;
        }
        return sb.ToString().Trim('-');
    }

}
