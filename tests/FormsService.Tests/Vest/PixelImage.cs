using SkiaSharp;

namespace FormsService.Tests.Vest;

/// <summary>A decoded PNG with helpers for colour statistics.</summary>
internal sealed class PixelImage
{
    private readonly SKColor[] _pixels;

    public PixelImage(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("Not a decodable image.");
        Width = bitmap.Width;
        Height = bitmap.Height;
        _pixels = bitmap.Pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public SKColor this[int x, int y] => _pixels[y * Width + x];

    public static bool Near(SKColor a, SKColor b, int tolerance)
    {
        int dr = a.Red - b.Red, dg = a.Green - b.Green, db = a.Blue - b.Blue;
        return dr * dr + dg * dg + db * db <= tolerance * tolerance;
    }

    /// <summary>Share of all pixels within <paramref name="tolerance"/> (RGB distance) of <paramref name="color"/>.</summary>
    public double Share(SKColor color, int tolerance = 24) =>
        _pixels.Count(p => Near(p, color, tolerance)) / (double)_pixels.Length;

    /// <summary>Lengths of the runs of pixels near <paramref name="color"/> in row <paramref name="y"/> between x0 and x1.</summary>
    public List<int> Runs(int y, int x0, int x1, SKColor color, int tolerance = 24)
    {
        var runs = new List<int>();
        var run = 0;
        for (var x = Math.Max(0, x0); x < Math.Min(Width, x1); x++)
        {
            if (Near(this[x, y], color, tolerance))
            {
                run++;
            }
            else if (run > 0)
            {
                runs.Add(run);
                run = 0;
            }
        }

        if (run > 0) runs.Add(run);
        return runs;
    }
}
