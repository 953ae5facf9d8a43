using System.Buffers.Binary;
using FormsService.Core.Engine.Fonts;
using SkiaSharp;

namespace FormsService.Core.Engine.Rendering.Pdf;

/// <summary>
/// What a PDF embeds of one font subset, made once per subset and cached with it: the compressed TrueType program,
/// the glyph widths, the map from glyphs back to text (for copy, search and screen readers) and the descriptor's
/// metrics. The text is drawn as two-byte glyph ids of the subset (Identity-H), so no encoding can lose a letter.
/// </summary>
internal sealed class PdfFontProgram
{
    private PdfFontProgram(string baseFont, byte[] fontFile, int fontFileLength, byte[] widths, byte[] toUnicode, byte[] descriptor)
    {
        BaseFont = baseFont;
        FontFile = fontFile;
        FontFileLength = fontFileLength;
        Widths = widths;
        ToUnicode = toUnicode;
        Descriptor = descriptor;
    }

    /// <summary>The subset's PostScript name with its six-letter tag, as PDF readers expect of a subset.</summary>
    public string BaseFont { get; }
    public byte[] FontFile { get; }
    public int FontFileLength { get; }
    /// <summary>The body of the CIDFont's /W array.</summary>
    public byte[] Widths { get; }
    /// <summary>The deflated ToUnicode CMap.</summary>
    public byte[] ToUnicode { get; }
    /// <summary>The FontDescriptor's entries, without /FontFile2 (its object number belongs to each file).</summary>
    public byte[] Descriptor { get; }

    public static PdfFontProgram Of(FontSubset subset) => subset.Attached(Create);

    private static PdfFontProgram Create(FontSubset subset)
    {
        var face = subset.Face;
        var baseFont = $"{Tag(face.Key, subset.Codepoints)}+{face.Key}";

        using var font = face.CreateFont(1000f, subset.Typeface);
        // Widths in the subset's own glyph order; the first code point wins when two share a glyph.
        var byGlyph = new SortedDictionary<ushort, int>();
        for (var i = 0; i < subset.Codepoints.Length; i++)
            if (subset.Glyphs[i] != 0)
                byGlyph.TryAdd(subset.Glyphs[i], subset.Codepoints[i]);
        var glyphs = byGlyph.Keys.ToArray();
        var advances = font.GetGlyphWidths(glyphs);

        using var w = new PdfBuffer(glyphs.Length * 8 + 16);
        for (var i = 0; i < glyphs.Length;)
        {
            var start = i;
            while (i + 1 < glyphs.Length && glyphs[i + 1] == glyphs[i] + 1) i++;
            w.Int(glyphs[start]).Raw(" ["u8);
            for (var j = start; j <= i; j++)
            {
                if (j > start) w.Byte((byte)' ');
                w.Number(advances[j]);
            }
            w.Raw("] "u8);
            i++;
        }

        using var cmap = new PdfBuffer(256 + glyphs.Length * 16);
        cmap.Raw("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"u8);
        var pairs = byGlyph.ToArray();
        for (var start = 0; start < pairs.Length; start += 100)
        {
            var n = Math.Min(100, pairs.Length - start);
            cmap.Int(n).Raw(" beginbfchar\n"u8);
            for (var k = start; k < start + n; k++)
            {
                cmap.Byte((byte)'<').Hex4(pairs[k].Key).Raw("> <"u8);
                var text = char.ConvertFromUtf32(pairs[k].Value);
                foreach (var c in text) cmap.Hex4(c);
                cmap.Raw(">\n"u8);
            }
            cmap.Raw("endbfchar\n"u8);
        }
        cmap.Raw("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"u8);

        var m = font.Metrics;
        var italic = ItalicAngle(face.Typeface);
        var flags = 32 | (face.Family == FontFamilyKind.Serif ? 2 : 0) | (face.Italic ? 64 : 0);
        using var d = new PdfBuffer(256);
        d.Raw("/Type /FontDescriptor /FontName /"u8).Ascii(baseFont).Raw(" /Flags "u8).Int(flags)
            .Raw(" /FontBBox ["u8).Number(m.XMin).Byte((byte)' ').Number(-m.Bottom).Byte((byte)' ').Number(m.XMax).Byte((byte)' ').Number(-m.Top)
            .Raw("] /ItalicAngle "u8).Number(italic).Raw(" /Ascent "u8).Number(-m.Ascent).Raw(" /Descent "u8).Number(-m.Descent)
            .Raw(" /CapHeight "u8).Number(m.CapHeight).Raw(" /StemV "u8).Int(face.Bold ? 120 : 80);

        return new PdfFontProgram(baseFont, PdfFile.Deflate(subset.Data, 6), subset.Data.Length, w.ToArray(), PdfFile.Deflate(cmap.Written, 6), d.ToArray());
    }

    /// <summary>The 'post' table's italic angle (16.16 fixed, degrees; negative leans right).</summary>
    private static float ItalicAngle(SKTypeface typeface)
    {
        var post = typeface.GetTableData(0x706F7374) /* 'post' */;
        return post is { Length: >= 8 } ? BinaryPrimitives.ReadInt32BigEndian(post.AsSpan(4)) / 65536f : 0f;
    }

    /// <summary>Six capital letters from the face and its glyph set: the same subset has the same tag in every process.</summary>
    private static string Tag(string key, int[] codepoints)
    {
        var h = 14695981039346656037UL;
        foreach (var c in key) h = (h ^ c) * 1099511628211UL;
        foreach (var cp in codepoints) h = (h ^ (uint)cp) * 1099511628211UL;
        Span<char> tag = stackalloc char[6];
        for (var i = 0; i < 6; i++)
        {
            tag[i] = (char)('A' + (int)(h % 26));
            h /= 26;
        }
        return new string(tag);
    }
}
