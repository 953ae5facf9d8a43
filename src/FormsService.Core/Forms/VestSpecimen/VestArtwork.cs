using FormsService.Core.Engine.Payloads;
using System.Globalization;
using FormsService.Core.Engine.Rendering;
using SkiaSharp;

namespace FormsService.Core.Forms.VestSpecimen;

/// <summary>
/// Draws the vest specimen (1 – front, 2 – back) onto a canvas whose units are paper millimetres; the caller scales
/// the canvas to its device. The garment is drawn at the specimen's drawing scale (1:5 by default).
/// </summary>
internal sealed class VestArtwork
{
    private const float ArrowLength = 2.0f;
    private const float ArrowHalfWidth = 0.55f;
    private const float ExtensionGap = 1.0f;
    private const float ExtensionOvershoot = 2.0f;
    private const float TextGap = 1.0f;

    private readonly SKTypeface _lettering;
    private readonly SKTypeface _labels;
    private readonly double _labelCapPerEm;

    /// <param name="spec">The loaded specimen.</param>
    /// <param name="lettering">A bold sans typeface with Kazakh letters (LiberationSans-Bold), for the vest lettering.</param>
    /// <param name="labels">A sans typeface (LiberationSans-Regular), for the view numbers and the dimensions.</param>
    /// <exception cref="InvalidDataException">The specimen's default lettering does not fit its panels with this font.</exception>
    public VestArtwork(VestSpec spec, SKTypeface lettering, SKTypeface labels)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(lettering);
        ArgumentNullException.ThrowIfNull(labels);
        Spec = spec;
        _lettering = lettering;
        _labels = labels;
        Metrics = new VestLetteringMetrics(lettering, spec.Lettering);
        using (var f = CreateFont(labels, 1000f)) _labelCapPerEm = f.Metrics.CapHeight / 1000.0;

        if (Metrics.MaxScale(spec) < 1.0)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"$.lettering: at letteringScale 1 the lettering does not fit its panels (largest scale that fits: {Metrics.MaxScale(spec):0.00})"));
        }
    }

    public VestSpec Spec { get; }

    public VestLetteringMetrics Metrics { get; }

    /// <summary>Parameter name → message for invalid parameters; empty when they are valid.</summary>
    public IReadOnlyDictionary<string, Message> Validate(VestParameters p) => VestParameters.Validate(p, Spec, Metrics);

    /// <summary>Applies the defaults; throws <see cref="ArgumentException"/> when the parameters are invalid.</summary>
    public ResolvedVestParameters Resolve(VestParameters p) => VestParameters.Resolve(p, Spec, Metrics);

    /// <summary>Size of the artwork in paper millimetres.</summary>
    public SKSize SizeMm(VestParameters p) => Layout.Of(Spec, Resolve(p)).Size;

    /// <summary>Draws the artwork on a Skia canvas, its text as text or as outlines (see <see cref="Draw(IArtCanvas, VestParameters, CancellationToken)"/>).</summary>
    public void Draw(SKCanvas canvas, VestParameters p, TextMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var art = new SkiaArtCanvas(canvas, textAsOutlines: mode == TextMode.Outlines);
        Draw(art, p, cancellationToken);
    }

    /// <summary>Draws the artwork with its top-left corner at the origin; canvas units are paper millimetres.</summary>
    public void Draw(IArtCanvas canvas, VestParameters p, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var r = Resolve(p);
        var layout = Layout.Of(Spec, r);
        var geometry = new VestGeometry(Spec, r);

        for (var i = 0; i < layout.Views.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (front, centreX) = layout.Views[i];
            canvas.Save();
            canvas.Translate(centreX, layout.Top);
            canvas.Scale(layout.PaperPerMm);
            DrawView(canvas, geometry, r, front);
            canvas.Restore();
            DrawViewNumber(canvas, layout, centreX, Spec.ViewSpec(front ? "front" : "back").Number);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (r.Dimensions) DrawDimensions(canvas, layout, geometry, r);
    }

    internal static SKFont CreateFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.Antialias,
    };

    // ---------------------------------------------------------------- one view, in real millimetres

    private void DrawView(IArtCanvas canvas, VestGeometry g, ResolvedVestParameters r, bool front)
    {
        var unit = (float)Spec.Drawing.Scale; // real millimetres per paper millimetre
        var outlineWidth = (float)Spec.Drawing.OutlineWidthMm * unit;
        var seamWidth = (float)Spec.Drawing.SeamWidthMm * unit;
        var outline = VestColor.Parse(Spec.Colors.Outline);

        using var silhouette = g.Silhouette(front);

        if (front)
        {
            using var inside = g.InsideBack();
            var insideFill = Fill(VestColor.Shade(r.Color, 0.80));
            canvas.DrawPath(inside, insideFill);
            var insideSeams = Stitch(outline.WithAlpha(170), seamWidth, unit);
            DrawPolylines(canvas, g.InsideBackStitches(), insideSeams);
            using var neckLine = g.BackNeckLine();
            var neckStroke = Stroke(outline, outlineWidth * 0.8f);
            canvas.DrawPath(neckLine, neckStroke);
        }

        canvas.DrawPath(silhouette, Fill(r.Color));

        canvas.Save();
        canvas.ClipPath(silhouette);

        DrawStripe(canvas, g, r, front, seamWidth);

        DrawPolylines(canvas, g.Stitches(front), Stitch(outline.WithAlpha(190), seamWidth, unit));

        DrawLettering(canvas, g, r, front);

        if (front) DrawZip(canvas, g, outline, seamWidth);

        canvas.Restore();

        if (front) DrawZipSlider(canvas, g, VestColor.Parse(Spec.Colors.Fastening), outline, seamWidth);

        var stroke = Stroke(outline, outlineWidth);
        canvas.DrawPath(silhouette, stroke);
    }

    private static void DrawStripe(IArtCanvas canvas, VestGeometry g, ResolvedVestParameters r, bool front, float seamWidth)
    {
        // Solid edges only: dashed stitching on the tape added noise that made OCR lose the Russian line.
        var edge = VestColor.Shade(r.StripeColor, 0.62);
        var fill = Fill(r.StripeColor);
        var edgeStroke = Stroke(edge, seamWidth);
        foreach (var (left, right) in g.StripeSpans(front))
        {
            canvas.DrawRect(SKRect.Create(left, g.StripeTop, right - left, g.StripeBottom - g.StripeTop), fill);
            canvas.DrawLine(new(left, g.StripeTop), new(right, g.StripeTop), edgeStroke);
            canvas.DrawLine(new(left, g.StripeBottom), new(right, g.StripeBottom), edgeStroke);
        }
    }

    private void DrawLettering(IArtCanvas canvas, VestGeometry g, ResolvedVestParameters r, bool front)
    {
        var place = front ? Spec.Lettering.Front : Spec.Lettering.Back;
        var cap = (float)(place.CapHeightMm * r.LetteringScale);
        var gap = (float)place.GapToStripeMm;
        // front: centred on the wearer's left chest panel (viewer's right), between the fastening and the side seam
        var x = front ? (g.TapeHalf + g.HalfWidth) / 2 : 0f;
        using var font = CreateFont(_lettering, (float)(cap / Metrics.CapHeightPerEm));
        var paint = Fill(VestColor.Parse(Spec.Colors.Lettering));
        DrawText(canvas, Spec.Lettering.Kazakh, x, g.StripeTop - gap, SKTextAlign.Center, font, paint);
        DrawText(canvas, Spec.Lettering.Russian, x, g.StripeBottom + gap + cap, SKTextAlign.Center, font, paint);
    }

    private void DrawZip(IArtCanvas canvas, VestGeometry g, SKColor outline, float seamWidth)
    {
        var tape = Fill(VestColor.Parse(Spec.Colors.Fastening));
        canvas.DrawRect(SKRect.Create(-g.TapeHalf, g.FrontNeckDepth, 2 * g.TapeHalf, g.Length - g.FrontNeckDepth), tape);

        // coil teeth, interlocking from both sides
        var teeth = Fill(new SKColor(0x9A, 0x9A, 0x9A));
        var pitch = g.ToothPitch;
        var tooth = pitch * 0.55f;
        var pb = new SKPathBuilder();
        for (var y = g.FrontNeckDepth + 10; y + pitch <= g.Length - 4; y += pitch)
        {
            pb.AddRect(SKRect.Create(-g.ChainHalf, y, g.ChainHalf + 0.6f, tooth), SKPathDirection.Clockwise);
            pb.AddRect(SKRect.Create(-0.6f, y + pitch / 2, g.ChainHalf + 0.6f, tooth), SKPathDirection.Clockwise);
        }

        using (var teethPath = pb.Detach()) canvas.DrawPath(teethPath, teeth);

        var tapeEdge = Stroke(outline, seamWidth);
        canvas.DrawLine(new(-g.TapeHalf, g.FrontNeckDepth), new(-g.TapeHalf, g.Length), tapeEdge);
        canvas.DrawLine(new(g.TapeHalf, g.FrontNeckDepth), new(g.TapeHalf, g.Length), tapeEdge);
        // bottom stop
        var metal = Fill(new SKColor(0xB4, 0xB4, 0xB4));
        canvas.DrawRect(SKRect.Create(-g.ChainHalf - 1, g.Length - 10, 2 * g.ChainHalf + 2, 6), metal);
    }

    private static void DrawZipSlider(IArtCanvas canvas, VestGeometry g, SKColor tapeColor, SKColor outline, float seamWidth)
    {
        var top = g.FrontNeckDepth + 2;
        var w = g.TapeHalf * 1.5f;
        var metal = Fill(new SKColor(0xB4, 0xB4, 0xB4));
        var edge = Stroke(outline, seamWidth * 1.2f);
        var hole = Fill(tapeColor);

        using (var body = new SKRoundRect(SKRect.Create(-w / 2, top, w, 26), 4))
        {
            canvas.DrawRoundRect(body, metal);
            canvas.DrawRoundRect(body, edge);
        }

        using (var pull = new SKRoundRect(SKRect.Create(-5, top + 12, 10, 44), 3.5f))
        {
            canvas.DrawRoundRect(pull, metal);
            canvas.DrawRoundRect(pull, edge);
        }

        using (var slot = new SKRoundRect(SKRect.Create(-2, top + 36, 4, 14), 2))
        {
            canvas.DrawRoundRect(slot, hole);
        }

        canvas.DrawCircle(0, top + 14, 2.2f, edge);
    }

    // ---------------------------------------------------------------- paper-space annotations

    private void DrawViewNumber(IArtCanvas canvas, Layout layout, float centreX, string number)
    {
        var cap = (float)Spec.Drawing.LabelHeightMm;
        using var font = CreateFont(_labels, (float)(cap / _labelCapPerEm));
        var paint = Fill(VestColor.Parse(Spec.Colors.Annotation));
        DrawText(canvas, number, centreX, layout.LabelBaseline, SKTextAlign.Center, font, paint);
    }

    private void DrawDimensions(IArtCanvas canvas, Layout layout, VestGeometry g, ResolvedVestParameters r)
    {
        var k = layout.PaperPerMm;
        var offset = (float)Spec.Drawing.DimensionOffsetMm;
        var color = VestColor.Parse(Spec.Colors.Annotation);
        var line = Stroke(color, 0.18f);
        var fill = Fill(color);
        using var font = CreateFont(_labels, (float)(Spec.Drawing.DimensionTextMm / _labelCapPerEm));
        var top = layout.Top;
        var bottom = top + g.Length * k;

        // overall width and length on the first view
        var (_, cx) = layout.Views[0];
        var left = cx - g.HalfWidth * k;
        var right = cx + g.HalfWidth * k;
        var y = bottom + offset;
        canvas.DrawLine(new(left, bottom + ExtensionGap), new(left, y + ExtensionOvershoot), line);
        canvas.DrawLine(new(right, bottom + ExtensionGap), new(right, y + ExtensionOvershoot), line);
        DimensionLine(canvas, new(left, y), new(right, y), Format(Spec.Body.ChestWidthMm), font, line, fill);

        var x = left - offset;
        var neck = cx - g.NeckHalf * k;
        canvas.DrawLine(new(neck - ExtensionGap, top), new(x - ExtensionOvershoot, top), line);
        canvas.DrawLine(new(left - ExtensionGap, bottom), new(x - ExtensionOvershoot, bottom), line);
        DimensionLine(canvas, new(x, bottom), new(x, top), Format(Spec.Body.LengthMm), font, line, fill);

        // stripe position and width, chained, on the last view
        (_, cx) = layout.Views[^1];
        var edge = cx + g.HalfWidth * k;
        x = edge + offset;
        var stripeBottom = top + g.StripeBottom * k;
        var stripeTop = top + g.StripeTop * k;
        foreach (var yy in new[] { bottom, stripeBottom, stripeTop })
        {
            canvas.DrawLine(new(edge + ExtensionGap, yy), new(x + ExtensionOvershoot, yy), line);
        }

        DimensionLine(canvas, new(x, bottom), new(x, stripeBottom), Format(r.StripePositionMm), font, line, fill);
        DimensionLine(canvas, new(x, stripeBottom), new(x, stripeTop), Format(r.StripeWidthMm), font, line, fill);
    }

    /// <summary>
    /// A dimension line from <paramref name="a"/> to <paramref name="b"/> (horizontal, or vertical going up) with
    /// arrowheads and its value above it (ISO 129: vertical values read from the right). When the value does not fit
    /// between the arrows it is set beyond <paramref name="b"/>; when the arrows do not fit they point in from outside.
    /// </summary>
    private static void DimensionLine(IArtCanvas canvas, SKPoint a, SKPoint b, string text, SKFont font, ArtPaint line, ArtPaint fill)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var length = MathF.Sqrt(dx * dx + dy * dy);
        var u = new SKPoint(dx / length, dy / length);
        var textWidth = font.MeasureText(text);
        var arrowsInside = length >= 2 * ArrowLength + 0.6f;
        var textInside = length >= textWidth + 2 * ArrowLength + 1;

        var from = a;
        var to = b;
        if (!arrowsInside)
        {
            from = new(a.X - u.X * ArrowLength * 1.8f, a.Y - u.Y * ArrowLength * 1.8f);
            to = new(b.X + u.X * ArrowLength * 1.8f, b.Y + u.Y * ArrowLength * 1.8f);
        }

        var along = textInside ? length / 2 : length + ArrowLength * (arrowsInside ? 1 : 2) + textWidth / 2 + 1;
        if (!textInside)
        {
            var end = along + textWidth / 2;
            to = new(a.X + u.X * end, a.Y + u.Y * end);
        }

        canvas.DrawLine(from, to, line);
        Arrow(canvas, a, arrowsInside ? new SKPoint(-u.X, -u.Y) : u, fill);
        Arrow(canvas, b, arrowsInside ? u : new SKPoint(-u.X, -u.Y), fill);

        var centre = new SKPoint(a.X + u.X * along, a.Y + u.Y * along);
        canvas.Save();
        canvas.Translate(centre.X, centre.Y);
        if (MathF.Abs(dx) < MathF.Abs(dy)) canvas.RotateDegrees(-90);
        DrawText(canvas, text, 0, -TextGap, SKTextAlign.Center, font, fill);
        canvas.Restore();
    }

    /// <summary>A filled arrowhead with its tip at <paramref name="tip"/>, pointing along <paramref name="direction"/>.</summary>
    private static void Arrow(IArtCanvas canvas, SKPoint tip, SKPoint direction, ArtPaint fill)
    {
        var back = new SKPoint(tip.X - direction.X * ArrowLength, tip.Y - direction.Y * ArrowLength);
        var n = new SKPoint(-direction.Y * ArrowHalfWidth, direction.X * ArrowHalfWidth);
        var pb = new SKPathBuilder();
        pb.MoveTo(tip);
        pb.LineTo(back.X + n.X, back.Y + n.Y);
        pb.LineTo(back.X - n.X, back.Y - n.Y);
        pb.Close();
        using var path = pb.Detach();
        canvas.DrawPath(path, fill);
    }

    /// <summary>A length in millimetres as drafting writes it: whole numbers plain, otherwise one decimal with a comma.</summary>
    internal static string Format(double mm)
    {
        var rounded = Math.Round(mm, 1, MidpointRounding.AwayFromZero);
        return Math.Abs(rounded - Math.Round(rounded)) < 1e-9
            ? Math.Round(rounded).ToString("0", CultureInfo.InvariantCulture)
            : rounded.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',');
    }

    // ---------------------------------------------------------------- helpers

    private static void DrawText(IArtCanvas canvas, string text, float x, float baseline, SKTextAlign align, SKFont font, ArtPaint paint) =>
        canvas.DrawText(text, x, baseline, align, font.Typeface, font.Size, paint);

    private static void DrawPolylines(IArtCanvas canvas, IEnumerable<SKPoint[]> lines, ArtPaint paint)
    {
        var pb = new SKPathBuilder();
        foreach (var points in lines)
        {
            pb.AddPoly(points, false);
        }

        using var path = pb.Detach();
        canvas.DrawPath(path, paint);
    }

    private static ArtPaint Fill(SKColor color) => ArtPaint.Fill(color);

    private static ArtPaint Stroke(SKColor color, float width) => ArtPaint.Line(color, width);

    /// <summary>A dashed topstitching line; dash lengths are given on paper and scaled by <paramref name="unit"/>.</summary>
    private static ArtPaint Stitch(SKColor color, float width, float unit) =>
        Stroke(color, width) with { Cap = SKStrokeCap.Butt, Dash = [0.9f * unit, 0.6f * unit] };

    /// <summary>Where things go on paper (millimetres).</summary>
    private sealed record Layout(SKSize Size, float Top, float PaperPerMm, float LabelBaseline, IReadOnlyList<(bool Front, float CentreX)> Views)
    {
        public static Layout Of(VestSpec spec, ResolvedVestParameters r)
        {
            var d = spec.Drawing;
            var k = (float)(1 / d.Scale);
            var viewWidth = (float)spec.Body.ChestWidthMm * k;
            var viewHeight = (float)spec.Body.LengthMm * k;
            var margin = (float)d.MarginMm;
            var offset = (float)d.DimensionOffsetMm;
            var leftExtra = r.Dimensions ? offset + TextGap + (float)d.DimensionTextMm * 1.3f : 0;
            var rightExtra = r.Dimensions ? offset + ExtensionOvershoot : 0;
            var bottomExtra = r.Dimensions ? offset + ExtensionOvershoot : 0;

            var kinds = r.View switch
            {
                VestView.Front => new[] { true },
                VestView.Back => [false],
                _ => [true, false],
            };
            var views = new List<(bool, float)>();
            var x = margin + leftExtra;
            foreach (var front in kinds)
            {
                views.Add((front, x + viewWidth / 2));
                x += viewWidth + (float)d.GapMm;
            }

            var width = x - (float)d.GapMm + rightExtra + margin;
            var labelBaseline = margin + viewHeight + bottomExtra + (float)d.LabelGapMm + (float)d.LabelHeightMm;
            return new Layout(new SKSize(width, labelBaseline + margin), margin, k, labelBaseline, views);
        }
    }
}
