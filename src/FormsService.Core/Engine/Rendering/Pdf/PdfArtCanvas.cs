using FormsService.Core.Engine.Fonts;
using SkiaSharp;

namespace FormsService.Core.Engine.Rendering.Pdf;

/// <summary>
/// Figure art on a PDF page. The caller has set up Skia's orientation (origin at the figure's top-left, Y down) inside
/// a saved graphics state, so every call maps to operators without converting a coordinate: transforms become
/// <c>cm</c>, paths their PDF segments (conics as cubics), text is set in the page's font subsets, flipped upright.
/// Each drawing call sets the colour and stroke it needs, so nothing leaks into the page's own state tracking.
/// </summary>
internal sealed class PdfArtCanvas(PdfBuffer content, IReadOnlyDictionary<FontFace, PdfFontResource> fonts, PdfGraphicStates states) : IArtCanvas
{
    private readonly SKPoint[] _points = new SKPoint[4];

    public void Save() => content.Raw("q\n"u8);

    public void Restore() => content.Raw("Q\n"u8);

    public void Translate(float dx, float dy) => Matrix(1, 0, 0, 1, dx, dy);

    public void Scale(float factor) => Matrix(factor, 0, 0, factor, 0, 0);

    public void RotateDegrees(float degrees)
    {
        var radians = degrees * MathF.PI / 180f;
        var (sin, cos) = MathF.SinCos(radians);
        Matrix(cos, sin, -sin, cos, 0, 0);
    }

    public void ClipPath(SKPath path)
    {
        Segments(path);
        content.Raw(path.FillType == SKPathFillType.EvenOdd ? "W* n\n"u8 : "W n\n"u8);
    }

    public void DrawPath(SKPath path, ArtPaint paint) => Paint(paint, () => Segments(path), path.FillType == SKPathFillType.EvenOdd);

    public void DrawRect(SKRect rect, ArtPaint paint) => Paint(paint, () =>
        content.Number(rect.Left).Byte((byte)' ').Number(rect.Top).Byte((byte)' ').Number(rect.Width).Byte((byte)' ').Number(rect.Height).Raw(" re\n"u8));

    public void DrawLine(SKPoint from, SKPoint to, ArtPaint paint) => Paint(paint with { Stroke = true }, () =>
    {
        Point(from).Raw(" m "u8);
        Point(to).Raw(" l\n"u8);
    });

    public void DrawRoundRect(SKRoundRect rect, ArtPaint paint)
    {
        using var builder = new SKPathBuilder();
        builder.AddRoundRect(rect, SKPathDirection.Clockwise);
        using var path = builder.Detach();
        DrawPath(path, paint);
    }

    public void DrawCircle(float cx, float cy, float radius, ArtPaint paint)
    {
        using var builder = new SKPathBuilder();
        builder.AddCircle(cx, cy, radius, SKPathDirection.Clockwise);
        using var path = builder.Detach();
        DrawPath(path, paint);
    }

    public void DrawText(string text, float x, float baseline, SKTextAlign align, SKTypeface typeface, float size, ArtPaint paint)
    {
        PdfFontResource? resource = null;
        foreach (var (face, r) in fonts)
            if (ReferenceEquals(face.Typeface, typeface))
                resource = r;
        if (resource is null)
            throw new InvalidOperationException("Figure text is drawn in a face the document's glyph usage did not list (see ITextArt).");
        using var font = ArtText.Font(typeface, size);
        var left = ArtText.Left(text, x, align, font);
        content.Raw("q\n"u8);
        Alpha(paint.Color.Alpha);
        Color(paint.Color).Raw(" rg\nBT /"u8).Ascii(resource.Name).Byte((byte)' ').Number(size).Raw(" Tf 1 0 0 -1 "u8)
            .Number(left).Byte((byte)' ').Number(baseline).Raw(" Tm <"u8);
        resource.WriteGlyphs(content, text);
        content.Raw("> Tj ET\nQ\n"u8);
    }

    private void Paint(ArtPaint paint, Action segments, bool evenOdd = false)
    {
        content.Raw("q\n"u8);
        Alpha(paint.Color.Alpha);
        if (paint.Stroke)
        {
            Color(paint.Color).Raw(" RG "u8).Number(paint.Width).Raw(" w "u8).Int((int)paint.Cap).Raw(" J "u8).Int(Join(paint.Join)).Raw(" j ["u8);
            if (paint.Dash is { } dash)
                for (var i = 0; i < dash.Length; i++)
                {
                    if (i > 0) content.Byte((byte)' ');
                    content.Number(dash[i]);
                }
            content.Raw("] 0 d\n"u8);
        }
        else
            Color(paint.Color).Raw(" rg\n"u8);
        segments();
        content.Raw(paint.Stroke ? "S\nQ\n"u8 : evenOdd ? "f*\nQ\n"u8 : "f\nQ\n"u8);
    }

    private void Alpha(byte alpha)
    {
        if (alpha == 255) return;
        content.Byte((byte)'/').Ascii(states.ForAlpha(alpha)).Raw(" gs\n"u8);
    }

    /// <summary>Skia's joins are miter, round, bevel — PDF's 0, 1, 2; its caps butt, round, square are PDF's 0, 1, 2 already.</summary>
    private static int Join(SKStrokeJoin join) => join switch
    {
        SKStrokeJoin.Round => 1,
        SKStrokeJoin.Bevel => 2,
        _ => 0,
    };

    private void Segments(SKPath path)
    {
        using var iterator = path.CreateRawIterator();
        var p = _points;
        SKPathVerb verb;
        while ((verb = iterator.Next(p)) != SKPathVerb.Done)
        {
            switch (verb)
            {
                case SKPathVerb.Move:
                    Point(p[0]).Raw(" m\n"u8);
                    break;
                case SKPathVerb.Line:
                    Point(p[1]).Raw(" l\n"u8);
                    break;
                case SKPathVerb.Quad:
                    Quad(p[0], p[1], p[2]);
                    break;
                case SKPathVerb.Conic:
                    var quads = SKPath.ConvertConicToQuads(p[0], p[1], p[2], iterator.ConicWeight(), 2);
                    for (var i = 0; i + 2 < quads.Length; i += 2)
                        Quad(quads[i], quads[i + 1], quads[i + 2]);
                    break;
                case SKPathVerb.Cubic:
                    Point(p[1]).Byte((byte)' ');
                    Point(p[2]).Byte((byte)' ');
                    Point(p[3]).Raw(" c\n"u8);
                    break;
                case SKPathVerb.Close:
                    content.Raw("h\n"u8);
                    break;
            }
        }
    }

    /// <summary>A quadratic segment as the cubic that traces it exactly.</summary>
    private void Quad(SKPoint start, SKPoint control, SKPoint end)
    {
        Point(new SKPoint(start.X + 2f / 3f * (control.X - start.X), start.Y + 2f / 3f * (control.Y - start.Y))).Byte((byte)' ');
        Point(new SKPoint(end.X + 2f / 3f * (control.X - end.X), end.Y + 2f / 3f * (control.Y - end.Y))).Byte((byte)' ');
        Point(end).Raw(" c\n"u8);
    }

    private PdfBuffer Point(SKPoint p) => content.Number(p.X).Byte((byte)' ').Number(p.Y);

    private void Matrix(float a, float b, float c, float d, float e, float f) =>
        content.Number(a).Byte((byte)' ').Number(b).Byte((byte)' ').Number(c).Byte((byte)' ').Number(d).Byte((byte)' ')
            .Number(e).Byte((byte)' ').Number(f).Raw(" cm\n"u8);

    private PdfBuffer Color(SKColor c) =>
        content.Number(c.Red / 255f).Byte((byte)' ').Number(c.Green / 255f).Byte((byte)' ').Number(c.Blue / 255f);
}

/// <summary>The graphics-state dictionaries a file's pages use (constant alpha, for translucent art), by name.</summary>
internal sealed class PdfGraphicStates
{
    private readonly SortedDictionary<byte, string> _alphas = new();

    public string ForAlpha(byte alpha)
    {
        if (!_alphas.TryGetValue(alpha, out var name))
            _alphas[alpha] = name = $"GA{alpha}";
        return name;
    }

    public bool Any => _alphas.Count > 0;

    /// <summary>The entries of the resources' /ExtGState dictionary.</summary>
    public void Write(PdfBuffer b)
    {
        foreach (var (alpha, name) in _alphas)
            b.Raw(" /"u8).Ascii(name).Raw(" << /Type /ExtGState /CA "u8).Number(alpha / 255f).Raw(" /ca "u8).Number(alpha / 255f).Raw(" >>"u8);
    }
}
