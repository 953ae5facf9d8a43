using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;
using FormsService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FormsService.Tests.Operations;

/// <summary>
/// Cancellation reaches the raster stages: page previews and the vest's PNG stop between layout, painting and
/// encoding, and inside encoding between bands of rows; the SVG and the artwork's PDF stop too. A storm of timed-out
/// 600 dpi previews leaves no render running half a second after its last answer.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class RasterCancellationTests
{
    private static readonly FormsEngine Engine = FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts);
    private static FormVersion Vest => Catalogue.InForce(Engine, "vest-specimen");
    private static JsonElement Payload(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    [InlineData("pdf")]
    public void A_cancelled_token_stops_the_artwork_before_it_has_bytes(string format)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Engine.RenderArtwork(Vest, Payload("""{"dpi":600}"""), format, cancelled.Token));
        // And the same render without a cancelled token has its bytes.
        Assert.NotEmpty(Engine.RenderArtwork(Vest, Payload("""{"dpi":72}"""), format));
    }

    [Fact]
    public void A_cancelled_token_stops_a_page_preview()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var version = Catalogue.InForce(Engine, "referral-certificate");
        var payload = Payload(Repo.Example("referral-certificate"));
        Assert.ThrowsAny<OperationCanceledException>(() => Engine.PreviewPng(version, payload, 600, cancelled.Token));
        Assert.NotEmpty(Engine.PreviewPng(version, payload, 48));
    }

    [Fact]
    public void A_preview_cancelled_while_it_is_painted_stops_before_it_is_encoded()
    {
        using var fonts = FontLibrary.Load(Repo.Fonts);
        using var cancel = new CancellationTokenSource();
        var art = new CancellingArt(cancel);
        var page = new PageGeometry(200, 300, 0, 0, 0, 0);
        var document = new Document(new DocumentInfo("t", "kk", "s"), page, new TextStyles(), [new Figure(art, 200, 300, 0, 0)]);
        var laid = new LayoutEngine(fonts).Layout(document);
        var images = new PageImageRenderer(fonts);

        Assert.ThrowsAny<OperationCanceledException>(() => images.RenderPng(laid, 0, 96, cancel.Token));
        Assert.Equal(1, art.Drawn);
        // Not cancelled, the same page is encoded: the throw came from the check after painting, not from drawing.
        Assert.NotEmpty(images.RenderPng(laid, 0, 96, CancellationToken.None));
    }

    [Fact]
    public void Encoding_a_600_dpi_surface_stops_within_a_band_of_rows_once_cancelled()
    {
        var info = new SKImageInfo(4960, 7016, SKColorType.Rgba8888, SKAlphaType.Opaque); // A4 at 600 dpi
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        using (var paint = new SKPaint { Color = SKColors.OrangeRed, IsAntialias = true })
            for (var i = 0; i < 40; i++) surface.Canvas.DrawCircle(100 + i * 120, 150 + i * 170, 90, paint);

        // Cancelled while the encoder is at row 640 of 7016, it stops at that band's check: by rows, not by a clock,
        // so a loaded machine cannot make the test pass or fail.
        using var pixels = surface.PeekPixels();
        using var cancel = new CancellationTokenSource();
        var bands = new List<int>();
        Assert.ThrowsAny<OperationCanceledException>(() => PngEncoding.Encode(pixels, cancel.Token, y =>
        {
            bands.Add(y);
            if (y == 640) cancel.Cancel();
        }));
        Assert.Equal(640, bands[^1]);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => i * 64), bands);
        // Not cancelled, the same surface is encoded to the end.
        bands.Clear();
        Assert.NotEmpty(PngEncoding.Encode(pixels, CancellationToken.None, bands.Add));
        Assert.Equal((7016 + 63) / 64, bands.Count);
    }

    [Fact]
    public void A_600_dpi_vest_cancelled_while_encoding_stops_at_the_next_band_and_paints_no_more()
    {
        var exporter = ((Core.Forms.VestSpecimen.VestSpecimenModule)Vest.Module).Exporter(Vest.Definition);
        var parameters = new Core.Forms.VestSpecimen.VestParameters { Dpi = 600 };
        using var cancel = new CancellationTokenSource();
        List<int> bands = [], painted = [];
        // Cancelled when the encoder reaches row 640 of about 4,000: it stops at that band's check, and of the
        // bands of 256 rows only the three up to that row were painted. By the work's own progress, not a clock.
        Assert.ThrowsAny<OperationCanceledException>(() => exporter.Png(parameters, cancel.Token, y =>
        {
            bands.Add(y);
            if (y == 640) cancel.Cancel();
        }, painted.Add));
        Assert.Equal(Enumerable.Range(0, 11).Select(i => i * 64), bands);
        Assert.Equal([0, 256, 512], painted);

        // Cancelled as the fifth band is about to be painted: that band is the last painted, and its rows are not encoded.
        using var cancel2 = new CancellationTokenSource();
        bands.Clear(); painted.Clear();
        Assert.ThrowsAny<OperationCanceledException>(() => exporter.Png(parameters, cancel2.Token, bands.Add, top =>
        {
            painted.Add(top);
            if (top == 1024) cancel2.Cancel();
        }));
        Assert.Equal([0, 256, 512, 768, 1024], painted);
        Assert.Equal(1024, bands[^1]);

        // Not cancelled, every band is painted and encoded, and the PNG is the whole artwork.
        bands.Clear(); painted.Clear();
        var png = exporter.Png(parameters, CancellationToken.None, bands.Add, painted.Add);
        using var image = SKBitmap.Decode(png);
        Assert.Equal((image.Height + 63) / 64, bands.Count);
        Assert.Equal((image.Height + 255) / 256, painted.Count);
        Assert.Equal(png, exporter.Png(parameters));
    }

    [Fact]
    public void A_vest_painted_in_bands_has_the_pixels_of_one_painted_whole()
    {
        // 300 dpi: about 2,000 rows, eight bands, the seams crossing the stripe and the lettering.
        var exporter = ((Core.Forms.VestSpecimen.VestSpecimenModule)Vest.Module).Exporter(Vest.Definition);
        var parameters = new Core.Forms.VestSpecimen.VestParameters { Dpi = 300 };
        using var banded = SKBitmap.Decode(exporter.Png(parameters));
        var pxPerMm = 300 / 25.4f;
        var size = exporter.Artwork.SizeMm(parameters);
        var info = new SKImageInfo((int)Math.Ceiling(size.Width * pxPerMm), (int)Math.Ceiling(size.Height * pxPerMm), SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(pxPerMm);
        exporter.Artwork.Draw(surface.Canvas, parameters, Core.Forms.VestSpecimen.TextMode.Outlines);
        using var whole = SKBitmap.Decode(PngEncoding.Encode(surface));
        Assert.Equal((whole.Width, whole.Height), (banded.Width, banded.Height));
        long differing = 0, far = 0;
        for (var y = 0; y < whole.Height; y++)
            for (var x = 0; x < whole.Width; x++)
            {
                SKColor a = whole.GetPixel(x, y), b = banded.GetPixel(x, y);
                var d = Math.Max(Math.Abs(a.Red - b.Red), Math.Max(Math.Abs(a.Green - b.Green), Math.Abs(a.Blue - b.Blue)));
                if (d > 0) differing++;
                if (d > 96) far++;
            }
        // Anti-aliased edges may round apart (a picture's playback against direct drawing); no pixel changes colour.
        Assert.True(differing < whole.Width * (long)whole.Height / 200, $"{differing} pixels differ");
        Assert.Equal(0, far);
    }

    [Theory]
    [InlineData(SKAlphaType.Opaque)]
    [InlineData(SKAlphaType.Premul)]
    public void The_encoder_writes_the_surface_s_pixels(SKAlphaType alpha)
    {
        var info = new SKImageInfo(301, 97, SKColorType.Rgba8888, alpha);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(alpha == SKAlphaType.Opaque ? SKColors.White : SKColors.Transparent);
        using (var paint = new SKPaint { Color = new SKColor(0x20, 0x90, 0xE0, 0x80), IsAntialias = true })
            surface.Canvas.DrawCircle(150, 48, 40, paint);
        using (var paint = new SKPaint { Color = SKColors.Black, StrokeWidth = 3, IsAntialias = true })
            surface.Canvas.DrawLine(0, 0, 300, 96, paint);
        var png = PngEncoding.Encode(surface);
        Assert.Equal(png, PngEncoding.Encode(surface));

        using var decoded = SKBitmap.Decode(png);
        Assert.NotNull(decoded);
        Assert.Equal((301, 97), (decoded.Width, decoded.Height));
        using var expected = new SKBitmap(new SKImageInfo(301, 97, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.True(surface.ReadPixels(expected.Info, expected.GetPixels(), expected.RowBytes, 0, 0));
        for (var y = 0; y < 97; y++)
            for (var x = 0; x < 301; x++)
            {
                SKColor want = expected.GetPixel(x, y), got = decoded.GetPixel(x, y);
                Assert.True(want.Alpha == got.Alpha && Math.Abs(want.Red - got.Red) <= 1 && Math.Abs(want.Green - got.Green) <= 1 && Math.Abs(want.Blue - got.Blue) <= 1,
                    $"({x},{y}): {want} written as {got}");
            }
    }

    [Fact]
    public async Task A_storm_of_timed_out_600_dpi_previews_leaves_no_render_running_half_a_second_after_its_last_answer()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms, new()
        {
            ["Rendering:MaxConcurrentRenders"] = "1", ["Rendering:QueueLimit"] = "0", ["Rendering:TimeoutMilliseconds"] = "200",
        });
        var client = factory.CreateClient();
        var runner = factory.Services.GetRequiredService<RenderRunner>();
        var statuses = new List<HttpStatusCode>();
        var lastAnswer = Stopwatch.GetTimestamp();
        var storm = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (storm.Elapsed < TimeSpan.FromSeconds(3))
            {
                // Distinct queries: the output cache answers none of them.
                // Distinct and always within the parameter's bounds, however many answers a fast machine gets.
                var scale = (0.8 + Interlocked.Increment(ref next) / 1_000_000.0).ToString(CultureInfo.InvariantCulture);
                using var response = await client.GetAsync($"/api/forms/vest-specimen/preview?dpi=600&letteringScale={scale}");
                lock (statuses)
                {
                    statuses.Add(response.StatusCode);
                    lastAnswer = Stopwatch.GetTimestamp();
                }
            }
        }));
        var idleAfter = TimeSpan.Zero;
        while (runner.InFlight > 0 && Stopwatch.GetElapsedTime(lastAnswer) < TimeSpan.FromSeconds(10))
            await Task.Delay(5);
        idleAfter = Stopwatch.GetElapsedTime(lastAnswer);

        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{s}"));
        Assert.Equal(0, runner.InFlight);
        Assert.True(idleAfter < TimeSpan.FromSeconds(0.5), $"a render still ran {idleAfter.TotalMilliseconds:0} ms after the last answer ({statuses.Count} answers)");
    }

    /// <summary>Art that cancels the render while it is being painted, as a timeout firing mid-page would.</summary>
    private sealed class CancellingArt(CancellationTokenSource cancel) : IFigureArt
    {
        public int Drawn { get; private set; }
        public string Description => "cancels while drawn";

        public void Draw(IArtCanvas canvas, float widthPt, float heightPt)
        {
            Drawn++;
            if (Drawn == 1) cancel.Cancel();
            canvas.DrawRect(SKRect.Create(0, 0, widthPt, heightPt), ArtPaint.Fill(SKColors.Black));
        }

        public byte[] ToPng(float widthPt, float heightPt, int dpi) => [];
    }
}
