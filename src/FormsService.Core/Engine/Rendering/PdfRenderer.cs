using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using SkiaSharp;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// Draws a laid-out document to PDF with the service's own writer (<see cref="Pdf.PdfWriter"/>): real text in font
/// subsets of the glyphs the document uses, vector rules, boxes and figures, nothing that changes between runs.
/// </summary>
internal sealed class PdfRenderer(FontLibrary fonts, FontSubsetCache subsets)
{
    private readonly Pdf.PdfWriter _writer = new(fonts, subsets);

    public byte[] Render(LaidOutDocument document, CancellationToken cancellationToken = default) =>
        _writer.Write([document], new PdfBookOptions(document.Source.Info.Language, PdfA: false), cancellationToken);
}

/// <summary>Draws page images (the clerks' preview) from the same painter as the PDF.</summary>
internal sealed class PageImageRenderer(FontLibrary fonts)
{
    private readonly PagePainter _painter = new(fonts);

    /// <summary>A cancelled preview stops after allocating its surface, while painting, or before encoding.</summary>
    public byte[] RenderPng(LaidOutDocument document, int page, int dpi, CancellationToken cancellationToken = default)
    {
        var geometry = document.Source.Page;
        var scale = dpi / 72f;
        var info = new SKImageInfo((int)MathF.Ceiling(geometry.Width * scale), (int)MathF.Ceiling(geometry.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        cancellationToken.ThrowIfCancellationRequested();
        canvas.Scale(scale);
        _painter.Paint(canvas, document, Math.Clamp(page, 0, document.PageCount - 1), cancellationToken);
        canvas.Flush();
        return PngEncoding.Encode(surface, cancellationToken);
    }
}
