using System.Globalization;
using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Forms.VestSpecimen;

/// <summary>
/// The vest specimen of order No. 733 (Appendix 2), as stored in <c>forms/vest-specimen/2025-733/vest.json</c>.
/// Vest geometry is in millimetres of the real garment; <see cref="VestDrawingSpec"/> values are millimetres on paper.
/// </summary>
internal sealed record VestSpec
{
    public required string Form { get; init; }
    public required string Source { get; init; }
    public required string Notes { get; init; }
    public required VestLetteringSpec Lettering { get; init; }
    public required VestBodySpec Body { get; init; }
    public required VestFasteningSpec Fastening { get; init; }
    public required VestStripeSpec Stripe { get; init; }
    public required VestColorsSpec Colors { get; init; }
    public required VestDrawingSpec Drawing { get; init; }
    public required IReadOnlyList<VestViewSpec> Views { get; init; }

    /// <summary>Reads and checks a vest specimen file (ranges, geometric consistency, valid defaults).</summary>
    /// <exception cref="DefinitionException">The file is not valid JSON, or a value is missing or out of range:
    /// names the file and the JSON path of the bad value.</exception>
    public static VestSpec Load(string path) =>
        DataFile.Read<VestSpec>(path, spec => VestSpecValidator.Validate(spec).Select(e => new DataFault(e.Path, e.Message)));

    internal VestViewSpec ViewSpec(string key) =>
        Views.First(v => string.Equals(v.Key, key, StringComparison.Ordinal));
}

internal sealed record VestLetteringSpec
{
    /// <summary>The Kazakh line, fixed by the order; drawn above the stripe.</summary>
    public required string Kazakh { get; init; }

    /// <summary>The Russian line, fixed by the order; drawn below the stripe.</summary>
    public required string Russian { get; init; }

    public required VestLetteringPlacement Back { get; init; }
    public required VestLetteringPlacement Front { get; init; }

    /// <summary>Least distance from a lettering line to the side seam (back) or to the side seam and the fastening (front).</summary>
    public required double SideMarginMm { get; init; }

    /// <summary>Least distance from the lettering to the armholes above and to the hem below.</summary>
    public required double ClearanceMm { get; init; }
}

internal sealed record VestLetteringPlacement
{
    /// <summary>Cap height of the bold capitals at letteringScale 1, in real millimetres.</summary>
    public required double CapHeightMm { get; init; }

    /// <summary>Distance between the stripe edge and the nearer edge of a lettering line (cap top or baseline).</summary>
    public required double GapToStripeMm { get; init; }
}

internal sealed record VestBodySpec
{
    public required double ChestWidthMm { get; init; }
    public required double LengthMm { get; init; }
    public required double NeckWidthMm { get; init; }
    public required double ShoulderWidthMm { get; init; }
    public required double ShoulderDropMm { get; init; }
    public required double ArmholeDepthMm { get; init; }
    public required double FrontNeckDepthMm { get; init; }
    public required double BackNeckDepthMm { get; init; }
    public required double HemCornerRadiusMm { get; init; }
    public required double BindingStitchMm { get; init; }
    public required double HemStitchMm { get; init; }
}

internal sealed record VestFasteningSpec
{
    public required string Kind { get; init; }
    public required double TapeWidthMm { get; init; }
    public required double ChainWidthMm { get; init; }
    public required double ToothPitchMm { get; init; }
}

internal sealed record VestStripeSpec
{
    public required double WidthMm { get; init; }

    /// <summary>Distance from the hem up to the lower edge of the stripe.</summary>
    public required double BottomAboveHemMm { get; init; }
}

internal sealed record VestColorsSpec
{
    public required string Vest { get; init; }
    public required string Stripe { get; init; }
    public required string Outline { get; init; }
    public required string Lettering { get; init; }
    public required string Fastening { get; init; }
    public required string Annotation { get; init; }
}

internal sealed record VestDrawingSpec
{
    /// <summary>Drawing scale denominator: 5 means 1:5 (one paper millimetre is five real ones).</summary>
    public required double Scale { get; init; }
    public required double MarginMm { get; init; }
    public required double GapMm { get; init; }
    public required double OutlineWidthMm { get; init; }
    public required double SeamWidthMm { get; init; }
    public required double LabelHeightMm { get; init; }
    public required double LabelGapMm { get; init; }
    public required double DimensionTextMm { get; init; }
    public required double DimensionOffsetMm { get; init; }
}

internal sealed record VestViewSpec
{
    public required string Key { get; init; }
    public required string Number { get; init; }
    public required string Caption { get; init; }
}

/// <summary>Checks a deserialised <see cref="VestSpec"/>: ranges, geometric consistency, and that its defaults are valid parameters.</summary>
internal static class VestSpecValidator
{
    internal readonly record struct Error(string Path, string Message);

    public static IReadOnlyList<Error> Validate(VestSpec s)
    {
        var e = new List<Error>();

        void Range(string path, double v, double min, double max)
        {
            if (!double.IsFinite(v) || v < min || v > max)
            {
                e.Add(new(path, string.Create(CultureInfo.InvariantCulture, $"{v} is out of range; expected {min}..{max}")));
            }
        }

        void Text(string path, string v)
        {
            if (string.IsNullOrWhiteSpace(v)) e.Add(new(path, "must not be empty"));
        }

        void Color(string path, string v)
        {
            if (!VestColor.TryParse(v, out _)) e.Add(new(path, $"'{v}' is not a colour of the form #RRGGBB"));
        }

        Text("$.form", s.Form);
        Text("$.source", s.Source);
        Text("$.notes", s.Notes);

        var l = s.Lettering;
        foreach (var (path, text) in new[] { ("$.lettering.kazakh", l.Kazakh), ("$.lettering.russian", l.Russian) })
        {
            Text(path, text);
            if (!string.IsNullOrWhiteSpace(text) && text != text.ToUpperInvariant())
            {
                e.Add(new(path, "the lettering is set in capitals; the text must be upper case"));
            }
        }
        Range("$.lettering.back.capHeightMm", l.Back.CapHeightMm, 5, 150);
        Range("$.lettering.back.gapToStripeMm", l.Back.GapToStripeMm, 0, 200);
        Range("$.lettering.front.capHeightMm", l.Front.CapHeightMm, 3, 100);
        Range("$.lettering.front.gapToStripeMm", l.Front.GapToStripeMm, 0, 200);
        Range("$.lettering.sideMarginMm", l.SideMarginMm, 0, 200);
        Range("$.lettering.clearanceMm", l.ClearanceMm, 0, 200);

        var b = s.Body;
        Range("$.body.chestWidthMm", b.ChestWidthMm, 300, 1200);
        Range("$.body.lengthMm", b.LengthMm, 300, 1200);
        Range("$.body.neckWidthMm", b.NeckWidthMm, 80, b.ShoulderWidthMm - 40);
        Range("$.body.shoulderWidthMm", b.ShoulderWidthMm, b.NeckWidthMm + 40, b.ChestWidthMm - 40);
        Range("$.body.shoulderDropMm", b.ShoulderDropMm, 0, 150);
        Range("$.body.armholeDepthMm", b.ArmholeDepthMm, b.ShoulderDropMm + 100, b.LengthMm * 0.6);
        Range("$.body.frontNeckDepthMm", b.FrontNeckDepthMm, 20, b.LengthMm * 0.6);
        Range("$.body.backNeckDepthMm", b.BackNeckDepthMm, 0, Math.Min(120, b.FrontNeckDepthMm));
        Range("$.body.hemCornerRadiusMm", b.HemCornerRadiusMm, 0, 60);
        Range("$.body.bindingStitchMm", b.BindingStitchMm, 2, 30);
        Range("$.body.hemStitchMm", b.HemStitchMm, 2, 60);

        var f = s.Fastening;
        if (f.Kind != "zip") e.Add(new("$.fastening.kind", $"'{f.Kind}' is not supported; expected \"zip\""));
        Range("$.fastening.tapeWidthMm", f.TapeWidthMm, 10, 60);
        Range("$.fastening.chainWidthMm", f.ChainWidthMm, 2, f.TapeWidthMm - 4);
        Range("$.fastening.toothPitchMm", f.ToothPitchMm, 2, 20);

        var c = s.Colors;
        Color("$.colors.vest", c.Vest);
        Color("$.colors.stripe", c.Stripe);
        Color("$.colors.outline", c.Outline);
        Color("$.colors.lettering", c.Lettering);
        Color("$.colors.fastening", c.Fastening);
        Color("$.colors.annotation", c.Annotation);

        var d = s.Drawing;
        Range("$.drawing.scale", d.Scale, 1, 50);
        Range("$.drawing.marginMm", d.MarginMm, 0, 100);
        Range("$.drawing.gapMm", d.GapMm, 5, 200);
        Range("$.drawing.outlineWidthMm", d.OutlineWidthMm, 0.05, 3);
        Range("$.drawing.seamWidthMm", d.SeamWidthMm, 0.05, 2);
        Range("$.drawing.labelHeightMm", d.LabelHeightMm, 1.5, 30);
        Range("$.drawing.labelGapMm", d.LabelGapMm, 0, 50);
        Range("$.drawing.dimensionTextMm", d.DimensionTextMm, 1, 10);
        Range("$.drawing.dimensionOffsetMm", d.DimensionOffsetMm, 3, 40);

        if (s.Views is null || s.Views.Count != 2 || s.Views[0].Key != "front" || s.Views[1].Key != "back")
        {
            e.Add(new("$.views", "must list exactly two views: \"front\" (1) then \"back\" (2)"));
        }
        else
        {
            for (var i = 0; i < s.Views.Count; i++)
            {
                Text($"$.views[{i}].number", s.Views[i].Number);
                Text($"$.views[{i}].caption", s.Views[i].Caption);
            }
        }

        if (e.Count > 0) return e;

        // The spec's own stripe must be a valid designer choice (the lettering width is checked where the font is known).
        Range("$.stripe.widthMm", s.Stripe.WidthMm, VestParameters.StripeWidthMin, VestParameters.StripeWidthMax);
        var (min, max) = VestParameters.StripePositionRange(s, s.Stripe.WidthMm, 1.0);
        if (min > max)
        {
            e.Add(new("$.stripe.bottomAboveHemMm", "no stripe position fits: the body is too short for the stripe and the lettering"));
        }
        else
        {
            Range("$.stripe.bottomAboveHemMm", s.Stripe.BottomAboveHemMm, Math.Round(min, 1), Math.Round(max, 1));
        }
        if (VestColor.TryParse(c.Vest, out var vest) && VestColor.TryParse(c.Stripe, out var stripe)
            && VestColor.Distance(vest, stripe) < VestParameters.MinStripeContrast)
        {
            e.Add(new("$.colors.stripe", "the reflective stripe must differ clearly from the vest colour"));
        }

        return e;
    }
}
