using SkiaSharp;

namespace FormsService.Core.Forms.VestSpecimen;

/// <summary>Font facts the artwork needs: cap height per unit of font size, and the width of each lettering line per unit of cap height.</summary>
internal sealed class VestLetteringMetrics
{
    public VestLetteringMetrics(SKTypeface typeface, VestLetteringSpec lettering)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        using var font = VestArtwork.CreateFont(typeface, 1000f);
        var cap = font.Metrics.CapHeight;
        if (!(cap > 0)) throw new ArgumentException("The lettering typeface reports no cap height.", nameof(typeface));
        CapHeightPerEm = cap / 1000.0;
        KazakhWidthPerCap = font.MeasureText(lettering.Kazakh) / cap;
        RussianWidthPerCap = font.MeasureText(lettering.Russian) / cap;
    }

    /// <summary>Cap height divided by font size.</summary>
    public double CapHeightPerEm { get; }

    public double KazakhWidthPerCap { get; }

    public double RussianWidthPerCap { get; }

    public double WidestPerCap => Math.Max(KazakhWidthPerCap, RussianWidthPerCap);

    /// <summary>Width available to a lettering line on the back (between the side seams, less the side margins).</summary>
    public static double BackAvailableMm(VestSpec spec) => spec.Body.ChestWidthMm - 2 * spec.Lettering.SideMarginMm;

    /// <summary>Width available on the front: the wearer's left panel between the fastening and the side seam, less the margins.</summary>
    public static double FrontAvailableMm(VestSpec spec) =>
        spec.Body.ChestWidthMm / 2 - spec.Fastening.TapeWidthMm / 2 - 2 * spec.Lettering.SideMarginMm;

    /// <summary>The largest lettering scale at which both lines fit both panels.</summary>
    public double MaxScale(VestSpec spec) => Math.Min(
        BackAvailableMm(spec) / (spec.Lettering.Back.CapHeightMm * WidestPerCap),
        FrontAvailableMm(spec) / (spec.Lettering.Front.CapHeightMm * WidestPerCap));
}
