using FormsService.Core.Engine.Payloads;
using System.Globalization;
using SkiaSharp;

namespace FormsService.Core.Forms.VestSpecimen;

internal enum VestView
{
    Front,
    Back,
    Both,
}

/// <summary>
/// Designer parameters of the vest artwork. Every value is optional: a null takes the specimen's default.
/// Lengths are real millimetres of the garment.
/// </summary>
internal sealed record VestParameters
{
    public const double StripeWidthMin = 25;
    public const double StripeWidthMax = 100;
    public const double LetteringScaleMin = 0.5;
    public const double LetteringScaleMax = 1.5;
    public const int DpiMin = 72;
    public const int DpiMax = 600;
    public const int DefaultDpi = 150;

    /// <summary>Least RGB distance between the stripe and the vest colour: the stripe must stand out.</summary>
    public const double MinStripeContrast = 80;

    /// <summary>Least RGB distance between the vest colour and the lettering colour.</summary>
    public const double MinLetteringContrast = 120;

    /// <summary>The parameter names, as used in errors and in query strings.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["view", "color", "stripeColor", "stripeWidthMm", "stripePositionMm", "letteringScale", "dimensions", "dpi"];

    /// <summary><c>front</c>, <c>back</c> or <c>both</c> (default).</summary>
    public string? View { get; init; }

    /// <summary>Vest colour, <c>#RRGGBB</c>.</summary>
    public string? Color { get; init; }

    /// <summary>Reflective stripe colour, <c>#RRGGBB</c>.</summary>
    public string? StripeColor { get; init; }

    public double? StripeWidthMm { get; init; }

    /// <summary>Distance from the hem up to the lower edge of the stripe.</summary>
    public double? StripePositionMm { get; init; }

    public double? LetteringScale { get; init; }

    /// <summary>Draw measurement annotations (overall width, length, stripe width and position).</summary>
    public bool? Dimensions { get; init; }

    /// <summary>Resolution of PNG output, 72..600.</summary>
    public int? Dpi { get; init; }

    public static VestParameters Default { get; } = new();

    /// <summary>
    /// Reads parameters from strings (e.g. a query string; keys are the names in <see cref="Names"/>, case-insensitive).
    /// Unparseable values are reported under their parameter name and left at the default; unknown keys are ignored.
    /// </summary>
    public static VestParameters FromStrings(IEnumerable<KeyValuePair<string, string?>> values, out IReadOnlyDictionary<string, Message> errors)
    {
        var errs = new Dictionary<string, Message>(StringComparer.Ordinal);
        var p = new VestParameters();
        foreach (var (rawKey, rawValue) in values)
        {
            var key = Names.FirstOrDefault(n => string.Equals(n, rawKey, StringComparison.OrdinalIgnoreCase));
            if (key is null || rawValue is null) continue;
            var v = rawValue; // not trimmed: the values are exactly what the schema's enum and patterns allow
            switch (key)
            {
                case "view": p = p with { View = v }; break;
                case "color": p = p with { Color = v }; break;
                case "stripeColor": p = p with { StripeColor = v }; break;
                case "stripeWidthMm": p = p with { StripeWidthMm = Number(key, v) }; break;
                case "stripePositionMm": p = p with { StripePositionMm = Number(key, v) }; break;
                case "letteringScale": p = p with { LetteringScale = Number(key, v) }; break;
                case "dimensions":
                    if (bool.TryParse(v, out var b)) p = p with { Dimensions = b };
                    else if (v == "1") p = p with { Dimensions = true };
                    else if (v == "0") p = p with { Dimensions = false };
                    else errs[key] = Message.Text($"'{v}' is not a boolean; expected true or false");
                    break;
                case "dpi":
                    if (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var dpi)) p = p with { Dpi = dpi };
                    else errs[key] = Message.Text($"'{v}' is not a whole number; expected {DpiMin}..{DpiMax}");
                    break;
            }
        }

        errors = errs;
        return p;

        double? Number(string key, string v)
        {
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
            errs[key] = Say.Of("vest-not-a-number", ("value", v));
            return null;
        }
    }

    /// <summary>
    /// Checks parameters against the specimen. Returns parameter name → message; empty when valid.
    /// <paramref name="lettering"/> supplies the width of the lettering lines (from the font); without it the
    /// lettering is not checked for fitting the panels.
    /// </summary>
    public static IReadOnlyDictionary<string, Message> Validate(VestParameters p, VestSpec spec, VestLetteringMetrics? lettering = null)
    {
        var errors = new Dictionary<string, Message>(StringComparer.Ordinal);

        if (p.View is not null && !TryParseView(p.View, out _))
        {
            errors["view"] = Say.Of("vest-view", ("value", p.View));
        }

        var vest = VestColor.Parse(spec.Colors.Vest);
        if (p.Color is not null)
        {
            if (!VestColor.TryParse(p.Color, out vest)) errors["color"] = Say.Of("vest-colour-format", ("value", p.Color));
            else if (VestColor.Distance(vest, VestColor.Parse(spec.Colors.Lettering)) < MinLetteringContrast)
                errors["color"] = Say.Of("vest-colour-dark", ("value", p.Color), ("lettering", spec.Colors.Lettering));
        }

        if (p.StripeColor is not null)
        {
            if (!VestColor.TryParse(p.StripeColor, out var stripe)) errors["stripeColor"] = Say.Of("vest-colour-format", ("value", p.StripeColor));
            else if (!errors.ContainsKey("color") && VestColor.Distance(vest, stripe) < MinStripeContrast)
                errors["stripeColor"] = Say.Of("vest-stripe-close", ("value", p.StripeColor));
        }
        else if (p.Color is not null && !errors.ContainsKey("color")
                 && VestColor.Distance(vest, VestColor.Parse(spec.Colors.Stripe)) < MinStripeContrast)
        {
            errors["color"] = Say.Of("vest-colour-close", ("value", p.Color), ("stripe", spec.Colors.Stripe));
        }

        var width = p.StripeWidthMm ?? spec.Stripe.WidthMm;
        if (p.StripeWidthMm is { } w && (!double.IsFinite(w) || w < StripeWidthMin || w > StripeWidthMax))
        {
            errors["stripeWidthMm"] = Say.Of("vest-range-mm", ("value", w), ("min", StripeWidthMin), ("max", StripeWidthMax));
            width = spec.Stripe.WidthMm;
        }

        var scale = p.LetteringScale ?? 1.0;
        if (p.LetteringScale is { } s)
        {
            var max = LetteringScaleMax;
            if (lettering is not null) max = Math.Min(max, Math.Floor(lettering.MaxScale(spec) * 100) / 100);
            if (!double.IsFinite(s) || s < LetteringScaleMin || s > max)
            {
                errors["letteringScale"] = max < LetteringScaleMax
                    ? Say.Of("vest-scale-fit", ("value", s), ("min", LetteringScaleMin), ("max", max))
                    : Say.Of("vest-range", ("value", s), ("min", LetteringScaleMin), ("max", LetteringScaleMax));
                scale = 1.0;
            }
        }

        var position = p.StripePositionMm ?? spec.Stripe.BottomAboveHemMm;
        var (minPos, maxPos) = StripePositionRange(spec, width, scale);
        if (!double.IsFinite(position) || position < minPos - 1e-9 || position > maxPos + 1e-9)
        {
            errors["stripePositionMm"] = minPos > maxPos
                ? Say.Of("vest-no-room")
                : p.StripePositionMm is null
                    ? Say.Of("vest-default-position", ("min", Math.Ceiling(minPos * 10) / 10), ("max", Math.Floor(maxPos * 10) / 10))
                    : Say.Of("vest-position", ("value", position), ("min", Math.Ceiling(minPos * 10) / 10), ("max", Math.Floor(maxPos * 10) / 10));
        }

        if (p.Dpi is { } dpi && (dpi < DpiMin || dpi > DpiMax))
        {
            errors["dpi"] = Say.Of("vest-range", ("value", dpi), ("min", DpiMin), ("max", DpiMax));
        }

        return errors;
    }

    /// <summary>
    /// The allowed distance from the hem to the lower edge of the stripe: the Russian line must fit between the stripe
    /// and the hem, and the stripe plus the Kazakh line must stay below the armholes (and the front neck), on both views.
    /// </summary>
    internal static (double Min, double Max) StripePositionRange(VestSpec spec, double stripeWidth, double letteringScale)
    {
        var b = spec.Body;
        var l = spec.Lettering;
        var top = Math.Max(b.ArmholeDepthMm, b.FrontNeckDepthMm) + l.ClearanceMm;
        var min = double.NegativeInfinity;
        var max = double.PositiveInfinity;
        foreach (var place in new[] { l.Back, l.Front })
        {
            var cap = place.CapHeightMm * letteringScale;
            // below the stripe: gap, Russian cap height, then clear of the hem stitching
            min = Math.Max(min, place.GapToStripeMm + cap + Math.Max(l.ClearanceMm, b.HemStitchMm + 5));
            // above the stripe: gap, Kazakh cap height, then clear of the armholes
            max = Math.Min(max, b.LengthMm - stripeWidth - place.GapToStripeMm - cap - top);
        }

        return (min, max);
    }

    /// <summary>Applies the defaults; throws <see cref="ArgumentException"/> listing the errors if the parameters are invalid.</summary>
    internal static ResolvedVestParameters Resolve(VestParameters p, VestSpec spec, VestLetteringMetrics? lettering)
    {
        var errors = Validate(p, spec, lettering);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid vest parameters: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")), nameof(p));
        }

        TryParseView(p.View ?? "both", out var view);
        return new ResolvedVestParameters(
            view,
            VestColor.Parse(p.Color ?? spec.Colors.Vest),
            VestColor.Parse(p.StripeColor ?? spec.Colors.Stripe),
            p.StripeWidthMm ?? spec.Stripe.WidthMm,
            p.StripePositionMm ?? spec.Stripe.BottomAboveHemMm,
            p.LetteringScale ?? 1.0,
            p.Dimensions ?? false,
            p.Dpi ?? DefaultDpi);
    }

    private static bool TryParseView(string text, out VestView view)
    {
        switch (text) // exactly as the schema's enum lists them
        {
            case "front": view = VestView.Front; return true;
            case "back": view = VestView.Back; return true;
            case "both": view = VestView.Both; return true;
            default: view = VestView.Both; return false;
        }
    }

}

/// <summary>Parameters with every default applied and every value checked.</summary>
internal sealed record ResolvedVestParameters(
    VestView View,
    SKColor Color,
    SKColor StripeColor,
    double StripeWidthMm,
    double StripePositionMm,
    double LetteringScale,
    bool Dimensions,
    int Dpi);
