using SkiaSharp;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// What figure art draws on, in Skia's geometry (Y down, degrees clockwise): a Skia canvas for page images and SVG,
/// or a PDF page. Art written against it gives the same drawing on every target, and the PDF needs no second writer.
/// </summary>
internal interface IArtCanvas
{
    void Save();
    void Restore();
    void Translate(float dx, float dy);
    void Scale(float factor);
    void RotateDegrees(float degrees);
    /// <summary>Narrows what later drawing may cover to <paramref name="path"/>'s inside, until the matching <see cref="Restore"/>.</summary>
    void ClipPath(SKPath path);
    void DrawPath(SKPath path, ArtPaint paint);
    void DrawRect(SKRect rect, ArtPaint paint);
    void DrawLine(SKPoint from, SKPoint to, ArtPaint paint);
    void DrawRoundRect(SKRoundRect rect, ArtPaint paint);
    void DrawCircle(float cx, float cy, float radius, ArtPaint paint);
    /// <summary>Text in a shipped face (<paramref name="typeface"/> is a <see cref="Fonts.FontFace.Typeface"/>), aligned on <paramref name="x"/>.</summary>
    void DrawText(string text, float x, float baseline, SKTextAlign align, SKTypeface typeface, float size, ArtPaint paint);
}

/// <summary>How art fills or strokes a shape: colour (with alpha), and for strokes width, caps, joins and dashes.</summary>
internal sealed record ArtPaint(SKColor Color, bool Stroke = false, float Width = 0, SKStrokeCap Cap = SKStrokeCap.Round,
    SKStrokeJoin Join = SKStrokeJoin.Round, float[]? Dash = null)
{
    public static ArtPaint Fill(SKColor color) => new(color);

    public static ArtPaint Line(SKColor color, float width) => new(color, Stroke: true, Width: width);
}

/// <summary>Art on a Skia canvas (page images, the vest's PNG and SVG); text as text or as glyph outlines.</summary>
internal sealed class SkiaArtCanvas(SKCanvas canvas, bool textAsOutlines = false) : IArtCanvas, IDisposable
{
    private readonly Dictionary<ArtPaint, SKPaint> _paints = new(ReferenceEqualityComparer.Instance);

    public void Save() => canvas.Save();
    public void Restore() => canvas.Restore();
    public void Translate(float dx, float dy) => canvas.Translate(dx, dy);
    public void Scale(float factor) => canvas.Scale(factor);
    public void RotateDegrees(float degrees) => canvas.RotateDegrees(degrees);
    public void ClipPath(SKPath path) => canvas.ClipPath(path, SKClipOperation.Intersect, true);
    public void DrawPath(SKPath path, ArtPaint paint) => canvas.DrawPath(path, Sk(paint));
    public void DrawRect(SKRect rect, ArtPaint paint) => canvas.DrawRect(rect, Sk(paint));
    public void DrawLine(SKPoint from, SKPoint to, ArtPaint paint) => canvas.DrawLine(from, to, Sk(paint));
    public void DrawRoundRect(SKRoundRect rect, ArtPaint paint) => canvas.DrawRoundRect(rect, Sk(paint));
    public void DrawCircle(float cx, float cy, float radius, ArtPaint paint) => canvas.DrawCircle(cx, cy, radius, Sk(paint));

    public void DrawText(string text, float x, float baseline, SKTextAlign align, SKTypeface typeface, float size, ArtPaint paint)
    {
        using var font = ArtText.Font(typeface, size);
        if (!textAsOutlines)
        {
            canvas.DrawText(text, x, baseline, align, font, Sk(paint));
            return;
        }
        using var path = font.GetTextPath(text, new SKPoint(ArtText.Left(text, x, align, font), baseline));
        canvas.DrawPath(path, Sk(paint));
    }

    private SKPaint Sk(ArtPaint paint)
    {
        if (_paints.TryGetValue(paint, out var made))
            return made;
        made = new SKPaint { Color = paint.Color, IsAntialias = true, Style = paint.Stroke ? SKPaintStyle.Stroke : SKPaintStyle.Fill };
        if (paint.Stroke)
        {
            made.StrokeWidth = paint.Width;
            made.StrokeJoin = paint.Join;
            made.StrokeCap = paint.Cap;
            if (paint.Dash is { } dash)
            {
                using var effect = SKPathEffect.CreateDash(dash, 0);
                made.PathEffect = effect;
            }
        }
        _paints[paint] = made;
        return made;
    }

    public void Dispose()
    {
        foreach (var paint in _paints.Values)
            paint.Dispose();
        _paints.Clear();
    }
}

/// <summary>Text metrics art shares between targets: the font settings of the page text, and where aligned text starts.</summary>
internal static class ArtText
{
    public static SKFont Font(SKTypeface typeface, float size) => new(typeface, size)
    {
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.Antialias,
    };

    public static float Left(string text, float x, SKTextAlign align, SKFont font) => align switch
    {
        SKTextAlign.Center => x - font.MeasureText(text) / 2,
        SKTextAlign.Right => x - font.MeasureText(text),
        _ => x,
    };
}
