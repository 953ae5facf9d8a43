using FormsService.Core.Engine;

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

    public static long Of(string format, int dpi) => format == OutputFormats.Png ? Raster(dpi) : DocumentBytes;

    public static long Raster(int dpi)
    {
        var pixels = Math.Ceiling(A4WidthInches * dpi) * Math.Ceiling(A4HeightInches * dpi);
        return (long)(pixels * 4 * 1.25) + DocumentBytes;
    }
}
