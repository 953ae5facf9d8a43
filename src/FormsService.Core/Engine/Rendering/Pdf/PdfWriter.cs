using System.Security.Cryptography;
using System.Security;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;

namespace FormsService.Core.Engine.Rendering.Pdf;

/// <summary>
/// Writes laid-out documents as one PDF file of our own making: real text in subsets of the shipped fonts (each
/// subset's compressed program cached with it, so a render compresses only its page contents), rules and boxes as
/// vector paths, and — on request — the PDF/A-2b parts (XMP metadata, an sRGB output intent). The file id is a hash
/// of the file's content: the same documents give the same bytes in every process.
/// </summary>
internal sealed class PdfWriter(FontLibrary fonts, FontSubsetCache subsets)
{
    /// <summary>
    /// Page contents are compressed on every render. zlib-ng's level 1 is its quick mode (about half the saving); level 2
    /// is its fast one, within a tenth of level 6 in size at a third of its time.
    /// </summary>
    private const int ContentLevel = 2;

    private static readonly Lazy<(byte[] Deflated, int Length)> SrgbProfile = new(() =>
    {
        using var stream = typeof(PdfWriter).Assembly.GetManifestResourceStream("FormsService.Core.Engine.Rendering.Pdf.sRGB.icc")
            ?? throw new InvalidOperationException("The sRGB colour profile is not embedded in the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return (PdfFile.Deflate(memory.ToArray(), 6), (int)memory.Length);
    });

    public byte[] Write(IReadOnlyList<LaidOutDocument> documents, PdfBookOptions options, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
            throw new ArgumentException("A PDF needs at least one document.", nameof(documents));
        var usage = documents.Count == 1 ? GlyphUsage.Collect(documents[0], fonts) : Union(documents);

        using var file = new PdfFile(16384);
        var catalog = file.Reserve();
        var pages = file.Reserve();
        var resources = file.Reserve();
        var info = file.Reserve();

        var fontResources = new Dictionary<FontFace, PdfFontResource>(usage.Count);
        foreach (var (face, codepoints) in usage)
        {
            var subset = subsets.Get(face, codepoints);
            fontResources[face] = new PdfFontResource($"F{fontResources.Count + 1}", subset, PdfFontProgram.Of(subset), file.Reserve());
            for (var i = 0; i < 4; i++) file.Reserve(); // CIDFont, descriptor, font program, ToUnicode follow the Type0 font
        }

        var states = new PdfGraphicStates();
        var painter = new PdfPageContent(fonts, fontResources, states);
        var pageObjects = new List<int>();
        using var content = new PdfBuffer(8192);
        foreach (var document in documents)
        {
            var geometry = document.Source.Page;
            for (var i = 0; i < document.PageCount; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                content.Clear();
                painter.Write(content, document, i);
                var pageObject = file.Reserve();
                var contentObject = file.Reserve();
                pageObjects.Add(pageObject);
                file.Begin(pageObject).Raw("<< /Type /Page /Parent "u8).Int(pages).Raw(" 0 R /MediaBox [0 0 "u8)
                    .Number(geometry.Width).Byte((byte)' ').Number(geometry.Height).Raw("] /Resources "u8).Int(resources)
                    .Raw(" 0 R /Contents "u8).Int(contentObject).Raw(" 0 R >>"u8);
                file.End();
                file.Stream(contentObject, ""u8, PdfFile.Deflate(content.Written, ContentLevel), deflated: true);
            }
        }

        foreach (var font in fontResources.Values)
            WriteFont(file, font);

        var b = file.Begin(resources).Raw("<< /Font <<"u8);
        foreach (var font in fontResources.Values)
            b.Raw(" /"u8).Ascii(font.Name).Byte((byte)' ').Int(font.Type0Object).Raw(" 0 R"u8);
        b.Raw(" >>"u8);
        if (states.Any)
        {
            b.Raw(" /ExtGState <<"u8);
            states.Write(b);
            b.Raw(" >>"u8);
        }
        b.Raw(" >>"u8);
        file.End();

        b = file.Begin(pages).Raw("<< /Type /Pages /Count "u8).Int(pageObjects.Count).Raw(" /Kids ["u8);
        foreach (var p in pageObjects)
            b.Int(p).Raw(" 0 R "u8);
        b.Raw("] >>"u8);
        file.End();

        var source = documents[0].Source.Info;
        file.Begin(info).Raw("<< /Title "u8).TextString(source.Title).Raw(" /Subject "u8).TextString(source.Subject)
            .Raw(" /Creator (FormsService) /Producer (FormsService) >>"u8);
        file.End();

        int metadata = 0, profile = 0;
        if (options.PdfA)
        {
            metadata = file.Reserve();
            profile = file.Reserve();
            var (deflated, _) = SrgbProfile.Value;
            using var entries = new PdfBuffer(64);
            entries.Raw(" /N 3"u8);
            file.Stream(profile, entries.Written, deflated, deflated: true);
        }
        b = file.Begin(catalog).Raw("<< /Type /Catalog /Pages "u8).Int(pages).Raw(" 0 R /Lang "u8).TextString(options.Language)
            .Raw(" /ViewerPreferences << /DisplayDocTitle true >>"u8);
        if (options.PdfA)
            b.Raw(" /Metadata "u8).Int(metadata).Raw(" 0 R /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (Custom) /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile "u8)
                .Int(profile).Raw(" 0 R >>]"u8);
        b.Raw(" >>"u8);
        file.End();

        // The id hashes everything written so far; the metadata that repeats it comes after.
        var id = SHA256.HashData(file.Bytes.Written)[..16];
        if (options.PdfA)
        {
            id[6] = (byte)((id[6] & 0x0F) | 0x50); // a name-based (version 5 style) UUID
            id[8] = (byte)((id[8] & 0x3F) | 0x80);
            var xmp = System.Text.Encoding.UTF8.GetBytes(Xmp(source.Title, source.Subject, options.Language, Uuid(id)));
            file.Stream(metadata, " /Type /Metadata /Subtype /XML"u8, xmp, deflated: false);
        }
        return file.Finish(catalog, info, id);
    }

    private void WriteFont(PdfFile file, PdfFontResource font)
    {
        var n = font.Type0Object;
        var program = font.Program;
        file.Begin(n).Raw("<< /Type /Font /Subtype /Type0 /BaseFont /"u8).Ascii(program.BaseFont)
            .Raw(" /Encoding /Identity-H /DescendantFonts ["u8).Int(n + 1).Raw(" 0 R] /ToUnicode "u8).Int(n + 4).Raw(" 0 R >>"u8);
        file.End();
        file.Begin(n + 1).Raw("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /"u8).Ascii(program.BaseFont)
            .Raw(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "u8).Int(n + 2)
            .Raw(" 0 R /CIDToGIDMap /Identity /W ["u8).Raw(program.Widths).Raw("] >>"u8);
        file.End();
        file.Begin(n + 2).Raw("<< "u8).Raw(program.Descriptor).Raw(" /FontFile2 "u8).Int(n + 3).Raw(" 0 R >>"u8);
        file.End();
        using var entries = new PdfBuffer(32);
        entries.Raw(" /Length1 "u8).Int(program.FontFileLength);
        file.Stream(n + 3, entries.Written, program.FontFile, deflated: true);
        file.Stream(n + 4, ""u8, program.ToUnicode, deflated: true);
    }

    private Dictionary<FontFace, int[]> Union(IReadOnlyList<LaidOutDocument> documents)
    {
        var union = new Dictionary<FontFace, SortedSet<int>>();
        foreach (var document in documents)
            foreach (var (face, codepoints) in GlyphUsage.Collect(document, fonts))
            {
                if (!union.TryGetValue(face, out var set))
                    union[face] = set = [];
                set.UnionWith(codepoints);
            }
        return union.ToDictionary(u => u.Key, u => u.Value.ToArray());
    }

    private static string Uuid(ReadOnlySpan<byte> id)
    {
        var hex = Convert.ToHexStringLower(id);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static string Xmp(string title, string subject, string language, string uuid)
    {
        string E(string s) => SecurityElement.Escape(s);
        const char Bom = '\uFEFF';
        return $"""
            <?xpacket begin="{Bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about=""
             xmlns:xmp="http://ns.adobe.com/xap/1.0/"
             xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
             xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
             xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            <pdfaid:part>2</pdfaid:part>
            <pdfaid:conformance>B</pdfaid:conformance>
            <xmp:CreatorTool>FormsService</xmp:CreatorTool>
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{E(title)}</rdf:li></rdf:Alt></dc:title>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{E(subject)}</rdf:li></rdf:Alt></dc:description>
            <dc:language><rdf:Bag><rdf:li>{E(language)}</rdf:li></rdf:Bag></dc:language>
            <xmpMM:DocumentID>uuid:{uuid}</xmpMM:DocumentID>
            <xmpMM:InstanceID>uuid:{uuid}</xmpMM:InstanceID>
            <pdf:Producer>FormsService</pdf:Producer>
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
    }
}
