using SkiaSharp;

namespace FormsService.Core.Engine.Rendering;

/// <summary>The one PNG encoder of the service: page previews, figures and artwork.</summary>
public static class PngEncoding
{
    /// <summary>
    /// No row filter and zlib level 1 (deflate's fast path). Flat drawings compress nearly as well as with the "Up"
    /// filter at level 6, and encoding stops being most of a preview's time (docs/PERFORMANCE.md). Same pixels.
    /// </summary>
    private static readonly SKPngEncoderOptions Options = new(SKPngEncoderFilterFlags.None, 1);

    public static byte[] Encode(SKSurface surface)
    {
        using var pixels = surface.PeekPixels() ?? throw new InvalidOperationException("The surface has no pixels to encode.");
        using var png = pixels.Encode(Options) ?? throw new InvalidOperationException("PNG encoding failed.");
        return png.ToArray();
    }
}
