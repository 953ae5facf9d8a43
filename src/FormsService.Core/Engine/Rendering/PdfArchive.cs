using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// Finishes the PDF/A-2b file Skia writes: adds the language (catalogue /Lang, XMP dc:language), and replaces the
/// time-based document id (trailer /ID, XMP DocumentID and InstanceID) by one derived from the content, so the same
/// input gives the same bytes in every process. Objects move by the inserted bytes: the cross-reference table is
/// rewritten from Skia's own, so every offset stays exact.
/// </summary>
internal static partial class PdfArchive
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static byte[] Finish(byte[] pdf, string language)
    {
        var text = Latin1.GetString(pdf); // one char per byte: offsets in the string are offsets in the file
        var lang = Escape(language);
        var startXref = int.Parse(StartXref().Match(text, text.LastIndexOf("startxref", StringComparison.Ordinal)).Groups[1].Value, CultureInfo.InvariantCulture);
        var table = XrefHeader().Match(text, startXref);
        if (!table.Success || table.Index != startXref)
            throw new InvalidOperationException("Skia's PDF has no classic cross-reference table where startxref points.");
        var count = int.Parse(table.Groups[2].Value, CultureInfo.InvariantCulture);
        var entriesAt = table.Index + table.Length;
        var offsets = new long[count];
        for (var i = 0; i < count; i++)
            offsets[i] = long.Parse(text.AsSpan(entriesAt + i * 20, 10), CultureInfo.InvariantCulture);
        var trailerAt = entriesAt + count * 20;

        var edits = new List<(int At, int Remove, string Insert)>();
        var catalog = text.IndexOf("/Type /Catalog", StringComparison.Ordinal);
        if (catalog < 0) throw new InvalidOperationException("Skia's PDF has no catalogue.");
        edits.Add((catalog + "/Type /Catalog".Length, 0, $"\n/Lang ({lang})"));

        var format = text.IndexOf("</dc:format>\n", StringComparison.Ordinal);
        if (format < 0) throw new InvalidOperationException("Skia's PDF/A has no XMP dc:format.");
        var dcLanguage = $"<dc:language><rdf:Bag><rdf:li>{System.Security.SecurityElement.Escape(language)}</rdf:li></rdf:Bag></dc:language>\n";
        edits.Add((format + "</dc:format>\n".Length, 0, dcLanguage));
        // The XMP stream's /Length grows by what was inserted into it.
        var metadata = text.LastIndexOf("/Subtype /XML", format, StringComparison.Ordinal);
        var length = StreamLength().Match(text, metadata);
        if (metadata < 0 || !length.Success) throw new InvalidOperationException("Skia's PDF/A has no XMP stream length.");
        var oldLength = int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
        edits.Add((length.Groups[1].Index, length.Groups[1].Length, (oldLength + Latin1.GetByteCount(dcLanguage)).ToString(CultureInfo.InvariantCulture)));
        edits.Sort((a, b) => a.At.CompareTo(b.At));

        long Moved(long offset) => offset + edits.Where(e => e.At < offset).Sum(e => e.Insert.Length - e.Remove);

        var output = new StringBuilder(text.Length + 256);
        var position = 0;
        foreach (var (at, remove, insert) in edits)
        {
            output.Append(text, position, at - position).Append(insert);
            position = at + remove;
        }
        output.Append(text, position, startXref - position);
        var newXref = output.Length;
        output.Append(table.Value);
        for (var i = 0; i < count; i++)
        {
            var entry = text.AsSpan(entriesAt + i * 20, 20);
            var inUse = entry[17] == 'n';
            output.Append((inUse ? Moved(offsets[i]) : offsets[i]).ToString("D10", CultureInfo.InvariantCulture)).Append(entry[10..]);
        }
        var trailer = text[trailerAt..];
        var tail = StartXrefValue().Replace(trailer, $"startxref\n{newXref}\n", 1);
        output.Append(tail);
        return DeriveIds(Latin1.GetBytes(output.ToString()));
    }

    /// <summary>The document id from the content: a hash of the file with its id places blanked, written where Skia wrote its own.</summary>
    private static byte[] DeriveIds(byte[] pdf)
    {
        var text = Latin1.GetString(pdf);
        // Skia writes each id as the shorter of a hex and a literal string: now and then its random bytes make the
        // literal shorter. The trailer follows the cross-reference table, so rewriting it there moves no offset.
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var anyIds = trailer < 0 ? Match.Empty : TrailerIdAnyForm().Match(text, trailer);
        if (anyIds.Success)
        {
            var zeros = new string('0', 32);
            text = string.Concat(text.AsSpan(0, anyIds.Index), $"/ID [<{zeros}> <{zeros}>]", text.AsSpan(anyIds.Index + anyIds.Length));
            pdf = Latin1.GetBytes(text);
        }
        var uuids = Uuid().Matches(text).Select(m => m.Groups[1]).ToList();
        var ids = TrailerId().Match(text);
        if (uuids.Count == 0 || !ids.Success)
            throw new InvalidOperationException("Skia's PDF/A has no document id to replace.");
        var places = uuids.Select(g => (g.Index, g.Length)).Concat([(ids.Groups[1].Index, ids.Groups[1].Length), (ids.Groups[2].Index, ids.Groups[2].Length)]).ToList();
        foreach (var (at, length) in places)
            pdf.AsSpan(at, length).Fill((byte)'0');
        var hash = SHA256.HashData(pdf).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // a name-based (version 5 style) UUID
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash);
        var uuid = $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
        foreach (var g in uuids)
            Latin1.GetBytes(uuid).CopyTo(pdf, g.Index);
        var upper = Latin1.GetBytes(hex.ToUpperInvariant());
        upper.CopyTo(pdf, ids.Groups[1].Index);
        upper.CopyTo(pdf, ids.Groups[2].Index);
        return pdf;
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"startxref\s+\d+\s*\n")]
    private static partial Regex StartXrefValue();

    [GeneratedRegex(@"xref\n(\d+) (\d+)\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex(@"/Length (\d+)")]
    private static partial Regex StreamLength();

    [GeneratedRegex(@"uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"/ID \[<([0-9A-Fa-f]{32})> <([0-9A-Fa-f]{32})>\]")]
    private static partial Regex TrailerId();

    [GeneratedRegex(@"/ID \[(?:<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\)) ?(?:<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\))\]")]
    private static partial Regex TrailerIdAnyForm();
}
