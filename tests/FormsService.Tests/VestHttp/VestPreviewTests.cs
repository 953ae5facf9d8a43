using System.Globalization;
using System.Xml.Linq;
using FormsService.Tests.Support;
using SkiaSharp;
using UglyToad.PdfPig;

namespace FormsService.Tests.VestHttp;

/// <summary>GET preview: the artwork alone, as PNG (drawing scale), SVG and PDF (real size).</summary>
public sealed class VestPreviewTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<byte[]> Png(string query) => _client.GetBytes(VestHttp.Preview + "?format=png&" + query, "image/png");

    [Fact]
    public async Task Png_preview_is_mostly_orange_on_white()
    {
        using var bitmap = VestHttp.Decode(await Png("dpi=96"));

        var orange = VestHttp.Share(bitmap, VestHttp.Orange);
        Assert.InRange(orange, 0.30, 0.60);
        Assert.True(VestHttp.Share(bitmap, SKColors.White, 2) > 0.20, "the background is white");
    }

    [Fact]
    public async Task Png_preview_has_one_horizontal_band_in_the_stripe_colour_as_high_as_the_stripe()
    {
        const int dpi = 96;
        using var bitmap = VestHttp.Decode(await Png($"view=back&dpi={dpi}"));

        // Rows where the stripe colour runs across most of the back (at 1:5, 600 mm of chest → 120 mm of paper).
        var body = 600 / VestHttp.DrawingScale * dpi / 25.4;
        var rows = Enumerable.Range(0, bitmap.Height).Where(y => LongestRun(bitmap, y, VestHttp.Stripe) >= 0.9 * body).ToList();

        var expected = 50 / VestHttp.DrawingScale * dpi / 25.4; // the 50 mm stripe, in pixels
        Assert.InRange(rows.Count, expected - 3, expected + 2);
        Assert.Equal(rows.Count - 1, rows[^1] - rows[0]); // one contiguous band
    }

    [Fact]
    public async Task Colour_parameter_turns_the_vest_green()
    {
        using var bitmap = VestHttp.Decode(await Png("dpi=96&color=%2300A000"));

        Assert.InRange(VestHttp.Share(bitmap, VestHttp.Green), 0.30, 0.60);
        Assert.True(VestHttp.Share(bitmap, VestHttp.Orange, 60) < 0.001, "no orange is left");
    }

    [Fact]
    public async Task Front_view_alone_is_narrower_than_both_views()
    {
        using var both = VestHttp.Decode(await Png("dpi=96&view=both"));
        using var front = VestHttp.Decode(await Png("dpi=96&view=front"));
        using var back = VestHttp.Decode(await Png("dpi=96&view=back"));

        Assert.True(front.Width < 0.7 * both.Width, $"front {front.Width} px vs both {both.Width} px");
        Assert.True(back.Width < 0.7 * both.Width, $"back {back.Width} px vs both {both.Width} px");
        Assert.Equal(both.Height, front.Height);
    }

    [Fact]
    public async Task Higher_dpi_gives_a_proportionally_larger_image()
    {
        using var low = VestHttp.Decode(await Png("dpi=96"));
        using var high = VestHttp.Decode(await Png("dpi=150"));

        Assert.True(high.Width > low.Width && high.Height > low.Height);
        Assert.InRange(high.Width / (double)low.Width, 150 / 96.0 - 0.01, 150 / 96.0 + 0.01);
    }

    [Fact]
    public async Task Svg_preview_is_real_size_millimetres_without_text_and_renders_like_the_png()
    {
        var svg = await _client.GetBytes(VestHttp.Preview + "?format=svg", "image/svg+xml");
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(svg));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var root = doc.Root!;
        Assert.Equal(ns + "svg", root.Name);
        Assert.Empty(doc.Descendants(ns + "text"));
        Assert.DoesNotContain("<text", System.Text.Encoding.UTF8.GetString(svg), StringComparison.Ordinal);
        var width = Millimetres(root.Attribute("width")?.Value);
        var height = Millimetres(root.Attribute("height")?.Value);
        // Real size: the two 600 mm wide views side by side, plus margins.
        Assert.InRange(width, 1200, 1400);
        Assert.InRange(height, 700, 800);

        using var preview = VestHttp.Decode(await Png("dpi=96"));
        var dir = Tools.TempDir("vest-svg");
        var input = Path.Combine(dir, "vest.svg");
        var output = Path.Combine(dir, "vest.png");
        await File.WriteAllBytesAsync(input, svg);
        var (exit, log) = Tools.Run("rsvg-convert", $"-w {preview.Width} -b white -o \"{output}\" \"{input}\"");
        Assert.True(exit == 0, log);
        using var rendered = VestHttp.Decode(await File.ReadAllBytesAsync(output));

        var svgOrange = VestHttp.Share(rendered, VestHttp.Orange);
        var pngOrange = VestHttp.Share(preview, VestHttp.Orange);
        // Margins, gaps and labels are paper millimetres at both scales, so the shares differ (about 68 % vs 50 %):
        // compare the orange area in real square millimetres of garment instead.
        var svgArea = svgOrange * width * height;
        var pxPerRealMm = 96 / 25.4 / VestHttp.DrawingScale;
        var pngArea = pngOrange * preview.Width * preview.Height / (pxPerRealMm * pxPerRealMm);
        Assert.True(Math.Abs(svgArea / pngArea - 1) < 0.05,
            $"orange: SVG via rsvg-convert {svgOrange:P1} = {svgArea / 1e6:F3} m², PNG preview {pngOrange:P1} = {pngArea / 1e6:F3} m²");
        Assert.True(VestHttp.Share(rendered, VestHttp.Stripe) > 0.01, "the stripe shows in the SVG too");
    }

    [Fact]
    public async Task Pdf_preview_is_one_real_size_page_with_both_lettering_lines_as_text()
    {
        var svg = await _client.GetBytes(VestHttp.Preview + "?format=svg", "image/svg+xml");
        var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(svg)).Root!;
        var widthMm = Millimetres(root.Attribute("width")?.Value);
        var heightMm = Millimetres(root.Attribute("height")?.Value);

        var pdf = await _client.GetBytes(VestHttp.Preview + "?format=pdf", "application/pdf");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.InRange(page.Width, widthMm * 72 / 25.4 - 1, widthMm * 72 / 25.4 + 1);
        Assert.InRange(page.Height, heightMm * 72 / 25.4 - 1, heightMm * 72 / 25.4 + 1);

        var text = string.Join(' ', page.GetWords().Select(w => w.Text));
        DocumentText.AssertContainsAll(text, [VestHttp.Kazakh, VestHttp.Russian]);
    }

    [Fact]
    public async Task Ocr_reads_both_lettering_lines_from_a_150_dpi_png()
    {
        var png = await Png("dpi=150&view=both");
        var dir = Tools.TempDir("vest-ocr");
        var file = Path.Combine(dir, "in.png");
        await File.WriteAllBytesAsync(file, png);

        var (exit, output) = Tools.Run("tesseract", $"\"{file}\" - -l kaz+rus");

        Assert.True(exit == 0, output);
        var text = DocumentText.Collapse(output.Replace('\n', ' '));
        DocumentText.AssertContainsAll(text, [VestHttp.Kazakh, VestHttp.Russian]);
    }

    private static double Millimetres(string? value)
    {
        Assert.NotNull(value);
        Assert.EndsWith("mm", value);
        return double.Parse(value[..^2], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static int LongestRun(SKBitmap bitmap, int y, SKColor color)
    {
        int best = 0, run = 0;
        for (var x = 0; x < bitmap.Width; x++)
        {
            run = VestHttp.Near(bitmap.GetPixel(x, y), color, 24) ? run + 1 : 0;
            best = Math.Max(best, run);
        }
        return best;
    }
}
