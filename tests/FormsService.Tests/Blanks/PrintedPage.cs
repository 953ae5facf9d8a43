using FormsService.Tests.Support;
using SkiaSharp;

namespace FormsService.Tests.Blanks;

/// <summary>
/// A PDF page as poppler prints it, at 72 dpi (a pixel a point, y from the top): what a person holds. Rules and
/// shading are read from its pixels, not from our layout.
/// </summary>
public sealed class PrintedPage
{
    private readonly byte[] _grey;

    public int Width { get; }
    public int Height { get; }

    private PrintedPage(byte[] grey, int width, int height)
    {
        _grey = grey;
        Width = width;
        Height = height;
    }

    public static PrintedPage Of(byte[] pdf, int page)
    {
        var dir = Tools.TempDir("printed-page");
        var file = Path.Combine(dir, "doc.pdf");
        File.WriteAllBytes(file, pdf);
        var (code, output) = Tools.Run("pdftoppm", $"-r 72 -png -f {page} -l {page} -singlefile \"{file}\" \"{Path.Combine(dir, "page")}\"");
        Assert.True(code == 0, output);
        using var bitmap = SKBitmap.Decode(Path.Combine(dir, "page.png"));
        var grey = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                grey[y * bitmap.Width + x] = (byte)((c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000);
            }
        return new PrintedPage(grey, bitmap.Width, bitmap.Height);
    }

    public byte At(int x, int y) => _grey[Math.Clamp(y, 0, Height - 1) * Width + Math.Clamp(x, 0, Width - 1)];

    /// <summary>The middle grey of a small box: a shaded cell reads about 217 (#D9D9D9), a white one 255, whatever rule crosses it.</summary>
    public int Median(int x, int y, int half = 2)
    {
        var values = new List<int>();
        for (var dy = -half; dy <= half; dy++)
            for (var dx = -half; dx <= half; dx++)
                values.Add(At(x + dx, y + dy));
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>The rows of pixels (tops of runs) dark across more than <paramref name="share"/> of [left, right): horizontal rules.</summary>
    public IReadOnlyList<int> HorizontalRules(int left, int right, int top, int bottom, double share = 0.6)
    {
        var rules = new List<int>();
        var previous = false;
        for (var y = Math.Max(0, top); y < Math.Min(Height, bottom); y++)
        {
            var dark = 0;
            for (var x = left; x < right; x++)
                if (At(x, y) < 140) dark++;
            var rule = dark > share * (right - left);
            if (rule && !previous) rules.Add(y);
            previous = rule;
        }
        return rules;
    }

    /// <summary>The lowest row of pixels above <paramref name="bottom"/> with any ink between left and right, or -1.</summary>
    public int LowestInk(int left, int right, int bottom)
    {
        for (var y = Math.Min(Height, bottom) - 1; y >= 0; y--)
            for (var x = left; x < right; x++)
                if (At(x, y) < 200) return y;
        return -1;
    }
}
