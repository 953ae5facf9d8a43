using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using SkiaSharp;

namespace FormsService.Core.Engine.Rendering;

/// <summary>Chooses the typeface a face is drawn with: the whole font (raster) or a subset (PDF).</summary>
internal delegate SKTypeface TypefaceFor(FontFace face);

/// <summary>
/// Draws one page of a laid-out document on any Skia canvas, in points: one mapping per piece (text, rule, fill,
/// figure), each drawn with the typography the model carries. The PDF, the PNG preview and any other Skia target
/// share it, so they cannot disagree.
/// </summary>
internal sealed class PagePainter(FontLibrary fonts)
{
    public void Paint(SKCanvas canvas, LaidOutDocument document, int page, TypefaceFor typefaceFor, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var geometry = document.Source.Page;
        canvas.Save();
        canvas.Translate(geometry.MarginLeft, 0);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var paints = new RulePaints();
        using var fontCache = new FontCache(typefaceFor);

        var painted = 0;
        foreach (var piece in document.PiecesOn(page))
        {
            // A 600 dpi preview spends a good part of its time here: a cancelled one stops within a few dozen pieces.
            if ((++painted & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
            switch (piece)
            {
                case TextPiece t:
                    var color = ToSk(t.Type.Color);
                    if (ink.Color != color) ink.Color = color;
                    canvas.DrawText(t.Text, t.X, t.Baseline, SKTextAlign.Left, fontCache.Get(fonts.Get(t.Type.Face), t.Type.SizePt), ink);
                    break;
                case RulePiece r:
                    canvas.DrawLine(r.X1, r.Y1, r.X2, r.Y2, paints.Get(r.WidthPt, r.Color, r.Dashed));
                    break;
                case FillPiece f:
                    using (var fill = new SKPaint { Color = ToSk(f.Color), IsAntialias = true, Style = SKPaintStyle.Fill })
                        canvas.DrawRect(f.X, f.Y, f.Width, f.Height, fill);
                    break;
                case FigurePiece f:
                    canvas.Save();
                    canvas.Translate(f.X, f.Top);
                    f.Figure.Art.Draw(canvas, f.Figure.WidthPt, f.Figure.HeightPt, face => typefaceFor(face));
                    canvas.Restore();
                    break;
            }
        }
        canvas.Restore();
    }

    private static SKColor ToSk(InkColor c) => new(c.R, c.G, c.B);

    /// <summary>Stroke paints of one paint call, by width, colour and dash: a page uses one or two.</summary>
    private sealed class RulePaints : IDisposable
    {
        private readonly List<(float Width, InkColor Color, bool Dashed, SKPaint Paint)> _paints = new(4);
        private SKPathEffect? _dash;

        public SKPaint Get(float width, InkColor color, bool dashed)
        {
            foreach (var (w, c, d, paint) in _paints)
                if (w == width && c == color && d == dashed)
                    return paint;
            var created = new SKPaint { Color = ToSk(color), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
            if (dashed)
                created.PathEffect = _dash ??= SKPathEffect.CreateDash([4f, 3f], 0);
            _paints.Add((width, color, dashed, created));
            return created;
        }

        public void Dispose()
        {
            foreach (var (_, _, _, paint) in _paints)
                paint.Dispose();
            _paints.Clear();
            _dash?.Dispose();
        }
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
