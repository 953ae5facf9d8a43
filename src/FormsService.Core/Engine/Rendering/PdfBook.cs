using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using SkiaSharp;

namespace FormsService.Core.Engine.Rendering;

/// <summary>What a PDF of one or many documents says about itself; the title and subject are the first document's.</summary>
/// <param name="Language">BCP 47 language of the text ("kk"), written as the catalogue's /Lang and XMP dc:language under PDF/A.</param>
/// <param name="PdfA">PDF/A-2b: XMP metadata, an sRGB output intent, ids derived from the content.</param>
public sealed record PdfBookOptions(string Language, bool PdfA);

/// <summary>
/// Writes several laid-out documents into one PDF, each from a new page, with the fonts subset once for the whole
/// file (the union of the glyphs every document draws) — or one document as archival PDF/A-2b. The same painter as
/// <see cref="PdfRenderer"/>.
/// </summary>
public sealed class PdfBook
{
    private readonly FontLibrary fonts;
    private readonly PagePainter _painter;
    private readonly FontSubsetCache _subsets = new(64);
    private readonly Pdf.PdfWriter _writer;

    public PdfBook(FontLibrary fonts)
    {
        this.fonts = fonts;
        _painter = new PagePainter(fonts);
        _writer = new Pdf.PdfWriter(fonts, _subsets);
    }

    public byte[] Render(IReadOnlyList<LaidOutDocument> documents, PdfBookOptions options, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
            throw new ArgumentException("A PDF needs at least one document.", nameof(documents));
        if (!documents.Any(PdfRenderer.HasFigures))
            return _writer.Write(documents, options, cancellationToken);
        var union = new Dictionary<FontFace, HashSet<int>>();
        foreach (var document in documents)
            foreach (var (face, codepoints) in GlyphUsage.Collect(document, fonts))
            {
                if (!union.TryGetValue(face, out var set))
                    union[face] = set = [];
                set.UnionWith(codepoints);
            }
        var typefaces = union.ToDictionary(u => u.Key, u => _subsets.Get(u.Key, u.Value).Typeface);
        SKTypeface For(FontFace face) => typefaces.TryGetValue(face, out var t) ? t : face.Typeface;

        var metadata = new SKDocumentPdfMetadata
        {
            Title = documents[0].Source.Info.Title,
            Subject = documents[0].Source.Info.Subject,
            Creator = "FormsService",
            Producer = "FormsService",
            RasterDpi = 300,
            PdfA = options.PdfA, // its time-based ids are replaced by PdfArchive below
        };
        using var stream = new SKDynamicMemoryWStream();
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = document.Source.Page;
                for (var i = 0; i < document.PageCount; i++)
                {
                    var canvas = pdf.BeginPage(page.Width, page.Height);
                    _painter.Paint(canvas, document, i, For);
                    pdf.EndPage();
                }
            }
            pdf.Close();
        }
        using var data = stream.DetachAsData();
        var bytes = data.ToArray();
        return options.PdfA ? PdfArchive.Finish(bytes, options.Language) : bytes;
    }
}
