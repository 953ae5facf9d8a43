using System.Globalization;
using SkiaSharp;

namespace FormsService.Core.Forms.VestSpecimen;

/// <summary>Colours written as <c>#RRGGBB</c>.</summary>
internal static class VestColor
{
    public static bool TryParse(string? text, out SKColor color)
    {
        color = SKColors.Empty;
        if (text is null || text.Length != 7 || text[0] != '#') return false;
        if (!uint.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb)) return false;
        color = new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        return true;
    }

    public static SKColor Parse(string text) =>
        TryParse(text, out var c) ? c : throw new FormatException($"'{text}' is not a colour of the form #RRGGBB");

    /// <summary>Euclidean distance in RGB (0..441).</summary>
    public static double Distance(SKColor a, SKColor b)
    {
        double dr = a.Red - b.Red, dg = a.Green - b.Green, db = a.Blue - b.Blue;
        return Math.Sqrt(dr * dr + dg * dg + db * db);
    }

    /// <summary>The colour with each channel multiplied by <paramref name="factor"/> (a shade, for the inside of the garment).</summary>
    public static SKColor Shade(SKColor c, double factor) =>
        new((byte)Math.Round(c.Red * factor), (byte)Math.Round(c.Green * factor), (byte)Math.Round(c.Blue * factor));
}
