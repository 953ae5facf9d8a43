using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using SkiaSharp;

namespace FormsService.Core.Engine.Rendering;

/// <summary>Chooses the typeface a face is drawn with: the whole font (raster) or a subset (PDF).</summary>
internal delegate SKTypeface TypefaceFor(FontFace face);

/// <summary>
/// Draws one page of a laid-out document on any Skia canvas, in points. The PDF, the PNG preview and any other
/// Skia target share it, so they cannot disagree.
/// </summary>
internal sealed class PagePainter(FontLibrary fonts)
{
    private const float UnderlineThickness = 0.6f;

    public void Paint(SKCanvas canvas, LaidOutDocument document, int page, TypefaceFor typefaceFor)
    {
        var geometry = document.Source.Page;
        var family = document.Source.Styles.Font == "sans" ? FontFamilyKind.Sans : FontFamilyKind.Serif;
        canvas.Save();
        canvas.Translate(geometry.MarginLeft, 0);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var rule = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = UnderlineThickness };
        using var fontCache = new FontCache(typefaceFor);

        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case LaidOutParagraph p:
                    foreach (var line in p.Lines)
                        if (line.Page == page)
                            PaintLine(canvas, line, p.Source.Style.Bold, family, fontCache, ink, rule);
                    break;
                case LaidOutCutLine c when c.Page == page:
                    PaintCutLine(canvas, c, geometry, family, fontCache, ink);
                    break;
                case LaidOutFigure f when f.Page == page:
                    canvas.Save();
                    canvas.Translate(f.X, f.Top);
                    f.Source.Art.Draw(canvas, f.Source.WidthPt, f.Source.HeightPt, face => typefaceFor(face));
                    canvas.Restore();
                    break;
            }
        }
        canvas.Restore();
    }

    private void PaintLine(SKCanvas canvas, Line line, bool paragraphBold, FontFamilyKind family, FontCache fontCache, SKPaint ink, SKPaint rule)
    {
        var captionSize = line.Captions.Count > 0 ? line.Captions[0].SizePt : 0;
        foreach (var segment in line.Segments)
        {
            var face = fonts.Get(family, segment.Style.Bold || paragraphBold, segment.Style.Italic);
            var size = segment.Style.Small ? SmallSize(line, captionSize) : line.SizePt;
            var font = fontCache.Get(face, size);
            var underlineY = line.Baseline + size * 0.14f;
            switch (segment)
            {
                case TextSegment t:
                    canvas.DrawText(t.Text, t.X, line.Baseline, SKTextAlign.Left, font, ink);
                    if (t.Style.Underline)
                        canvas.DrawLine(t.X, underlineY, t.X + t.Width, underlineY, rule);
                    break;
                case FieldSegment f:
                    if (f.Text.Length > 0)
                        canvas.DrawText(f.Text, f.TextX, line.Baseline, SKTextAlign.Left, font, ink);
                    canvas.DrawLine(f.X, underlineY, f.X + f.Width, underlineY, rule);
                    break;
            }
        }
        if (line.Captions.Count == 0)
            return;
        var captionFace = fonts.Get(family, false, false);
        var captionFont = fontCache.Get(captionFace, captionSize);
        foreach (var c in line.Captions)
            canvas.DrawText(c.Text, c.CenterX - c.Width / 2f, c.Baseline, SKTextAlign.Left, captionFont, ink);
    }

    private static float SmallSize(Line line, float captionSize) => captionSize > 0 ? captionSize : line.SizePt * 0.7f;

    private void PaintCutLine(SKCanvas canvas, LaidOutCutLine c, PageGeometry geometry, FontFamilyKind family, FontCache fontCache, SKPaint ink)
    {
        var face = fonts.Get(family, false, true);
        var size = c.Height / 1.6f;
        var font = fontCache.Get(face, size);
        using var dash = SKPathEffect.CreateDash([4f, 3f], 0);
        using var dashed = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, PathEffect = dash };
        var y = c.Baseline - size * 0.3f;
        canvas.DrawLine(0, y, c.LabelX - 4, y, dashed);
        canvas.DrawLine(c.LabelX + c.LabelWidth + 4, y, geometry.ContentWidth, y, dashed);
        canvas.DrawText(c.Source.Label, c.LabelX, c.Baseline, SKTextAlign.Left, font, ink);
    }

    /// <summary>
    /// The SKFonts of one paint call, by face and size: a page uses a handful, and a native SKFont per segment was a
    /// measurable share of a render. Disposed with the call (the typefaces belong to their caches).
    /// </summary>
    private sealed class FontCache(TypefaceFor typefaceFor) : IDisposable
    {
        private readonly List<(FontFace Face, float Size, SKFont Font)> _fonts = new(8);

        public SKFont Get(FontFace face, float size)
        {
            foreach (var (f, s, font) in _fonts)
                if (ReferenceEquals(f, face) && s == size)
                    return font;
            var created = face.CreateFont(size, typefaceFor(face));
            _fonts.Add((face, size, created));
            return created;
        }

        public void Dispose()
        {
            foreach (var (_, _, font) in _fonts)
                font.Dispose();
            _fonts.Clear();
        }
    }
}
