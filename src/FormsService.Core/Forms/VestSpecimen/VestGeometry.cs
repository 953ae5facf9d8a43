using SkiaSharp;

namespace FormsService.Core.Forms.VestSpecimen;

/// <summary>
/// The vest's shapes for one set of parameters, in real millimetres. Origin: centre of the neck at the height of the
/// high shoulder points; x to the viewer's right, y down to the hem at <c>lengthMm</c>.
/// </summary>
internal sealed class VestGeometry
{
    private const int Samples = 48;

    public VestGeometry(VestSpec spec, ResolvedVestParameters p)
    {
        var b = spec.Body;
        HalfWidth = (float)(b.ChestWidthMm / 2);
        Length = (float)b.LengthMm;
        NeckHalf = (float)(b.NeckWidthMm / 2);
        ShoulderHalf = (float)(b.ShoulderWidthMm / 2);
        ShoulderDrop = (float)b.ShoulderDropMm;
        ArmholeDepth = (float)b.ArmholeDepthMm;
        FrontNeckDepth = (float)b.FrontNeckDepthMm;
        BackNeckDepth = (float)b.BackNeckDepthMm;
        CornerRadius = (float)b.HemCornerRadiusMm;
        BindingStitch = (float)b.BindingStitchMm;
        HemStitch = (float)b.HemStitchMm;
        TapeHalf = (float)(spec.Fastening.TapeWidthMm / 2);
        ChainHalf = (float)(spec.Fastening.ChainWidthMm / 2);
        ToothPitch = (float)spec.Fastening.ToothPitchMm;
        StripeBottom = (float)(b.LengthMm - p.StripePositionMm);
        StripeTop = (float)(b.LengthMm - p.StripePositionMm - p.StripeWidthMm);

        // Right halves of the curves; the left ones are mirror images.
        var (n, sx, drop, ad, w) = (NeckHalf, ShoulderHalf, ShoulderDrop, ArmholeDepth, HalfWidth);
        // The neckline leaves the neck point square to the shoulder seam, as in pattern drafting.
        var shoulderLength = MathF.Sqrt((sx - n) * (sx - n) + drop * drop);
        var square = new SKPoint(-drop / shoulderLength, (sx - n) / shoulderLength);
        var reach = 0.6f * BackNeckDepth / square.Y;
        BackNeck = new Cubic(new(0, BackNeckDepth), new(0.55f * n, BackNeckDepth),
            new(n + square.X * reach, square.Y * reach), new(n, 0));
        var run = n - TapeHalf;
        FrontNeck = new Cubic(new(TapeHalf, FrontNeckDepth), new(TapeHalf + 0.30f * run, 0.64f * FrontNeckDepth),
            new(TapeHalf + 0.80f * run, 0.22f * FrontNeckDepth), new(n, 0));
        Armhole = new Cubic(new(sx, drop), new(sx - 0.07f * (w - sx) - 6, drop + 0.42f * (ad - drop)),
            new(sx + 0.05f * (w - sx), ad), new(w, ad));
    }

    public float HalfWidth { get; }
    public float Length { get; }
    public float NeckHalf { get; }
    public float ShoulderHalf { get; }
    public float ShoulderDrop { get; }
    public float ArmholeDepth { get; }
    public float FrontNeckDepth { get; }
    public float BackNeckDepth { get; }
    public float CornerRadius { get; }
    public float BindingStitch { get; }
    public float HemStitch { get; }
    public float TapeHalf { get; }
    public float ChainHalf { get; }
    public float ToothPitch { get; }
    public float StripeTop { get; }
    public float StripeBottom { get; }

    /// <summary>Back neckline, right half: from the centre back to the right neck point.</summary>
    public Cubic BackNeck { get; }

    /// <summary>Front V-neck, right half: from the top of the fastening to the right neck point.</summary>
    public Cubic FrontNeck { get; }

    /// <summary>Right armhole: from the shoulder point down to the side seam.</summary>
    public Cubic Armhole { get; }

    /// <summary>The outline of the garment as seen from the front (1) or the back (2).</summary>
    public SKPath Silhouette(bool front)
    {
        var pb = new SKPathBuilder();
        if (front)
        {
            pb.MoveTo(-TapeHalf, FrontNeckDepth);
            pb.LineTo(TapeHalf, FrontNeckDepth);
            CubicTo(pb, FrontNeck);
        }
        else
        {
            pb.MoveTo(BackNeck.Mirror().Reverse().P0);
            CubicTo(pb, BackNeck.Mirror().Reverse());
            CubicTo(pb, BackNeck);
        }

        pb.LineTo(ShoulderHalf, ShoulderDrop);
        CubicTo(pb, Armhole);
        pb.LineTo(HalfWidth, Length - CornerRadius);
        if (CornerRadius > 0) pb.QuadTo(HalfWidth, Length, HalfWidth - CornerRadius, Length);
        pb.LineTo(-HalfWidth + CornerRadius, Length);
        if (CornerRadius > 0) pb.QuadTo(-HalfWidth, Length, -HalfWidth, Length - CornerRadius);
        pb.LineTo(-HalfWidth, ArmholeDepth);
        CubicTo(pb, Armhole.Mirror().Reverse());
        pb.LineTo(-NeckHalf, 0);
        if (front) CubicTo(pb, FrontNeck.Mirror().Reverse());
        pb.Close();
        return pb.Detach();
    }

    /// <summary>The inside of the back, seen through the V-neck on the front view.</summary>
    public SKPath InsideBack()
    {
        var pb = new SKPathBuilder();
        var left = BackNeck.Mirror().Reverse();
        pb.MoveTo(left.P0);
        CubicTo(pb, left);
        CubicTo(pb, BackNeck);
        CubicTo(pb, FrontNeck.Reverse());
        pb.LineTo(-TapeHalf, FrontNeckDepth);
        CubicTo(pb, FrontNeck.Mirror());
        pb.Close();
        return pb.Detach();
    }

    /// <summary>The back neckline as one open curve (left neck point → centre back → right neck point).</summary>
    public SKPath BackNeckLine()
    {
        var pb = new SKPathBuilder();
        var left = BackNeck.Mirror().Reverse();
        pb.MoveTo(left.P0);
        CubicTo(pb, left);
        CubicTo(pb, BackNeck);
        return pb.Detach();
    }

    /// <summary>Topstitching lines (open polylines), inside the silhouette of the given view.</summary>
    public IEnumerable<SKPoint[]> Stitches(bool front)
    {
        var d = BindingStitch;
        // armhole binding: walked from the shoulder down, the body is on the traveller's right
        var arm = Armhole.Offset(d, Samples);
        yield return arm;
        yield return Mirror(arm);

        if (front)
        {
            // V-neck binding: walked from the fastening up to the neck point, the panel is on the traveller's right
            var v = FrontNeck.Offset(d, Samples);
            yield return v;
            yield return Mirror(v);
            // fastening topstitching, on both panels
            var x = TapeHalf + 0.45f * d;
            yield return [new(x, FrontNeckDepth + 0.6f * d), new(x, Length - 0.5f)];
            yield return [new(-x, FrontNeckDepth + 0.6f * d), new(-x, Length - 0.5f)];
            // hem, interrupted by the fastening
            yield return [new(TapeHalf, Length - HemStitch), new(HalfWidth, Length - HemStitch)];
            yield return [new(-HalfWidth, Length - HemStitch), new(-TapeHalf, Length - HemStitch)];
        }
        else
        {
            var neck = BackNeck.Offset(d, Samples);
            yield return neck;
            yield return Mirror(neck);
            yield return [new(-HalfWidth, Length - HemStitch), new(HalfWidth, Length - HemStitch)];
        }
    }

    /// <summary>The neck binding of the back seen from inside through the V (front view).</summary>
    public IEnumerable<SKPoint[]> InsideBackStitches()
    {
        var neck = BackNeck.Offset(BindingStitch, Samples);
        yield return neck;
        yield return Mirror(neck);
    }

    /// <summary>Horizontal extents of the stripe on a view: whole width on the back, both sides of the fastening on the front.</summary>
    public IEnumerable<(float Left, float Right)> StripeSpans(bool front) =>
        front ? [(-HalfWidth, -TapeHalf), (TapeHalf, HalfWidth)] : [(-HalfWidth, HalfWidth)];

    internal static SKPoint[] Mirror(SKPoint[] points) => points.Select(q => new SKPoint(-q.X, q.Y)).ToArray();

    private static void CubicTo(SKPathBuilder pb, Cubic c) => pb.CubicTo(c.P1, c.P2, c.P3);
}

/// <summary>A cubic Bézier segment.</summary>
internal readonly record struct Cubic(SKPoint P0, SKPoint P1, SKPoint P2, SKPoint P3)
{
    public SKPoint At(float t)
    {
        var u = 1 - t;
        float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
        return new(a * P0.X + b * P1.X + c * P2.X + d * P3.X, a * P0.Y + b * P1.Y + c * P2.Y + d * P3.Y);
    }

    public SKPoint Tangent(float t)
    {
        var u = 1 - t;
        var x = 3 * u * u * (P1.X - P0.X) + 6 * u * t * (P2.X - P1.X) + 3 * t * t * (P3.X - P2.X);
        var y = 3 * u * u * (P1.Y - P0.Y) + 6 * u * t * (P2.Y - P1.Y) + 3 * t * t * (P3.Y - P2.Y);
        var len = MathF.Sqrt(x * x + y * y);
        return len > 0 ? new(x / len, y / len) : new(1, 0);
    }

    /// <summary>Mirror image about the vertical axis x = 0.</summary>
    public Cubic Mirror() => new(new(-P0.X, P0.Y), new(-P1.X, P1.Y), new(-P2.X, P2.Y), new(-P3.X, P3.Y));

    public Cubic Reverse() => new(P3, P2, P1, P0);

    /// <summary>
    /// A polyline parallel to the curve at <paramref name="distance"/>: positive is to the traveller's right on screen
    /// (y down: the direction of travel turned a quarter clockwise).
    /// </summary>
    public SKPoint[] Offset(float distance, int samples)
    {
        var points = new SKPoint[samples + 1];
        for (var i = 0; i <= samples; i++)
        {
            var t = (float)i / samples;
            var p = At(t);
            var tan = Tangent(t);
            points[i] = new(p.X - tan.Y * distance, p.Y + tan.X * distance);
        }

        return points;
    }
}
