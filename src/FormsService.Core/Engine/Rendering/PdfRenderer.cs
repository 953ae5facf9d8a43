using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using SkiaSharp;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// Draws a laid-out document to PDF with Skia's PDF backend: real text, fonts embedded as subsets of the glyphs the
/// document uses (Skia would embed them whole), no dates or IDs that change between runs.
/// </summary>
public sealed class PdfRenderer(FontLibrary fonts, FontSubsetCache subsets)
{
    private readonly PagePainter _painter = new(fonts);
    private readonly Pdf.PdfWriter _writer = new(fonts, subsets);

    public byte[] Render(LaidOutDocument document, CancellationToken cancellationToken = default)
    {
        if (!HasFigures(document))
            return _writer.Write([document], new PdfBookOptions(document.Source.Info.Language, PdfA: false), cancellationToken);
        var usage = GlyphUsage.Collect(document, fonts);
        var typefaces = new Dictionary<FontFace, SKTypeface>();
        foreach (var (face, codepoints) in usage)
            typefaces[face] = subsets.Get(face, codepoints).Typeface;
        SKTypeface For(FontFace face) => typefaces.TryGetValue(face, out var t) ? t : face.Typeface;

        var info = document.Source.Info;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Subject = info.Subject,
            Creator = "FormsService",
            Producer = "FormsService",
            RasterDpi = 300,
            PdfA = false, // PDF/A makes Skia write a time-based document ID: the bytes would change on every run.
        };
        var page = document.Source.Page;
        using var stream = new SKDynamicMemoryWStream();
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < document.PageCount; i++)
            {
                var canvas = pdf.BeginPage(page.Width, page.Height);
                _painter.Paint(canvas, document, i, For, cancellationToken);
                pdf.EndPage();
            }
            pdf.Close();
        }
        using var data = stream.DetachAsData();
        return data.ToArray();
    }

    /// <summary>Figure art draws on a Skia canvas (clips, paths, dashes): a document with one goes through Skia's PDF writer.</summary>
    internal static bool HasFigures(LaidOutDocument document) => document.AllPieces().Any(p => p is FigurePiece);
}

/// <summary>Draws page images (the clerks' preview) from the same painter as the PDF.</summary>
public sealed class PageImageRenderer(FontLibrary fonts)
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
        _painter.Paint(canvas, document, Math.Clamp(page, 0, document.PageCount - 1), f => f.Typeface, cancellationToken);
        canvas.Flush();
        return PngEncoding.Encode(surface, cancellationToken);
    }
}
