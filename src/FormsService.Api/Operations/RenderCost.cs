using System.Text.Json;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;
using System.Globalization;

namespace FormsService.Api.Operations;

/// <summary>
/// What a render is expected to hold in memory at its peak, to admit it against the memory budget. Measured on the
/// shipped forms (tests/load/attacks.py): a page document (PDF, DOCX, SVG) peaks at a few MB whatever the form; a
/// raster peaks at its surface (4 bytes a pixel) plus the encoder's buffers, about a quarter more. A raster is costed
/// as an A4 page at its dpi, the largest surface any shipped form draws (the vest sheet at 600 dpi is 108 MB, an A4
/// page 139 MB).
/// </summary>
internal static class RenderCost
{
    public const long DocumentBytes = 8L * 1024 * 1024;
    private const double A4WidthInches = 210 / 25.4, A4HeightInches = 297 / 25.4;

    /// <summary>An artwork's raster without a <c>dpi</c> is drawn at 150 dpi; a page preview at 96.</summary>
    public const int ArtworkDpi = 150, PageDpi = 96;

    /// <summary>What a render of this version costs: artwork at its dpi, a page at 96 dpi.</summary>
    /// <param name="payload">The payload, or the view bound from it (<see cref="ViewNode"/> reads either).</param>
    public static long Of(FormVersion version, string format, object? payload) =>
        Of(format, payload, FormsEngine.HasArtwork(version) ? ArtworkDpi : PageDpi);

    /// <summary>What a pipeline order costs: a preview at its dpi, anything else as a render of its version.</summary>
    public static long Of(DocumentOrder order) =>
        order.Output.Kind == OutputKind.Preview ? Of(OutputFormats.Png, order.Output.Dpi) : Of(order.Version, order.Output.Format, order.View);

    public static long Of(string format, int dpi) => format == OutputFormats.Png ? Raster(dpi) : DocumentBytes;

    /// <summary>
    /// A render of a payload: a raster at the dpi the payload asks for (an artwork's <c>dpi</c>), else at the dpi
    /// the form draws by default.
    /// </summary>
    public static long Of(string format, object? payload, int defaultDpi) =>
        format == OutputFormats.Png ? Raster(DpiOf(payload, defaultDpi)) : DocumentBytes;

    public static long Raster(int dpi) => (long)(Pixels(dpi) * 4 * 1.25) + DocumentBytes;

    /// <summary>The pixels of an A4 page at this dpi: what a raster's time and memory grow with.</summary>
    public static double Pixels(int dpi) => Math.Ceiling(A4WidthInches * dpi) * Math.Ceiling(A4HeightInches * dpi);

    /// <summary>The raster an item of a batch asks for, in pixels (0 for a page document): its payload's dpi, else the form's default.</summary>
    public static double Pixels(FormVersion? version, string format, JsonElement? payload)
    {
        if (format != OutputFormats.Png) return 0;
        var defaultDpi = version is not null && FormsEngine.HasArtwork(version) ? ArtworkDpi : PageDpi;
        return Pixels(DpiOf(payload, defaultDpi));
    }

    private static int DpiOf(object? payload, int defaultDpi) =>
        ViewNode.Of(payload).Member("dpi") is { Kind: JsonValueKind.Number } d
        && double.TryParse(d.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 10_000
            ? (int)Math.Ceiling(n) : defaultDpi;
}
