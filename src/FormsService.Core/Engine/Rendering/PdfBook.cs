using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using SkiaSharp;

namespace FormsService.Core.Engine.Rendering;

/// <summary>What a PDF of one or many documents says about itself; the title and subject are the first document's.</summary>
/// <param name="Language">BCP 47 language of the text ("kk"), written as the catalogue's /Lang and XMP dc:language under PDF/A.</param>
/// <param name="PdfA">PDF/A-2b: XMP metadata, an sRGB output intent, ids derived from the content.</param>
internal sealed record PdfBookOptions(string Language, bool PdfA);

/// <summary>
/// Writes several laid-out documents into one PDF, each from a new page, with the fonts subset once for the whole
/// file (the union of the glyphs every document draws) — or one document as archival PDF/A-2b. The same writer as
/// <see cref="PdfRenderer"/>.
/// </summary>
internal sealed class PdfBook(FontLibrary fonts)
{
    private readonly Pdf.PdfWriter _writer = new(fonts, new FontSubsetCache(64));

    public byte[] Render(IReadOnlyList<LaidOutDocument> documents, PdfBookOptions options, CancellationToken cancellationToken = default) =>
        _writer.Write(documents, options, cancellationToken);
}
