using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FormsService.Tests.Browser;

/// <summary>
/// The designers' page at <c>/designer</c>, driven in Chromium. Needs: static files, the <c>/designer</c> route and
/// <c>GET /api/forms/vest-specimen/preview</c> (png, with 422 naming a bad parameter).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerPageTests(BrowserFixture fixture)
{
    /// <summary>The share of the preview's pixels that are the specimen's orange and that are a test blue.</summary>
    private const string SamplePixels = """
        () => {
          const img = document.getElementById('vest-preview');
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext('2d');
          ctx.drawImage(img, 0, 0);
          const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          let orange = 0, blue = 0;
          for (let i = 0; i < d.length; i += 4) {
            const r = d[i], g = d[i + 1], b = d[i + 2];
            if (r > 225 && g > 95 && g < 150 && b < 50) orange++;
            if (r < 60 && g > 70 && g < 130 && b > 215) blue++;
          }
          const n = d.length / 4;
          return [orange / n, blue / n];
        }
        """;

    private static Task WaitForPreviewAsync(IPage page, string srcContains = "") => page.WaitForFunctionAsync(
        """
        (part) => {
          const img = document.getElementById('vest-preview');
          return img.complete && img.naturalWidth > 0 && img.src.includes(part)
            && document.getElementById('vest-frame').getAttribute('aria-busy') === 'false';
        }
        """, srcContains, new() { Timeout = 20_000 });

    private static async Task<BrowserPage> OpenAsync(BrowserFixture fixture, int width = 1280, int height = 900)
    {
        var browser = await fixture.NewPageAsync(width, height);
        var response = await browser.Page.GotoAsync("/designer");
        Assert.Equal(200, response!.Status);
        return browser;
    }

    [Fact]
    public async Task The_designer_previews_an_orange_vest_recolours_it_and_downloads_a_PNG()
    {
        await using var browser = await OpenAsync(fixture);
        var page = browser.Page;
        await WaitForPreviewAsync(page);

        var before = await page.EvaluateAsync<double[]>(SamplePixels);
        Assert.True(before[0] > 0.10, $"The official specimen is not orange: {before[0]:P1} orange pixels.");
        Assert.True(before[1] < 0.001);

        await page.FillAsync("#color", "#1e64ff");
        await WaitForPreviewAsync(page, "color=%231E64FF");
        var after = await page.EvaluateAsync<double[]>(SamplePixels);
        Assert.True(after[1] > 0.10, $"The recoloured vest is not blue: {after[1]:P1} blue pixels.");
        Assert.True(after[0] < 0.01, $"The recoloured vest is still orange: {after[0]:P1}.");

        var previewWidth = await page.EvaluateAsync<int>("document.getElementById('vest-preview').naturalWidth");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-png"), new() { Timeout = 30_000 });
        var png = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "Not a PNG.");
        Assert.EndsWith(".png", download.SuggestedFilename);
        // The download uses the page's dpi (150 by default), the preview 96: the file is the larger picture.
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        Assert.True(width > previewWidth * 1.4, $"PNG {width} px wide against a {previewWidth} px preview.");
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task A_parameter_the_service_refuses_shows_the_problems_message_beside_its_control()
    {
        using var apiResponse = await fixture.Api.GetAsync("/api/forms/vest-specimen/preview?format=png&dpi=96&stripeWidthMm=10");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, apiResponse.StatusCode);
        var problem = JsonDocument.Parse(await apiResponse.Content.ReadAsStringAsync()).RootElement;
        var expected = string.Join(' ', problem.GetProperty("errors").GetProperty("stripeWidthMm").EnumerateArray().Select(m => m.GetString()));

        await using var browser = await OpenAsync(fixture);
        var page = browser.Page;
        await WaitForPreviewAsync(page);
        await page.FillAsync("#stripeWidthMm", "10");

        await Expect(page.Locator("#err-stripeWidthMm")).ToBeVisibleAsync();
        await Expect(page.Locator("#err-stripeWidthMm")).ToHaveTextAsync(expected);

        // Reset brings back the official specimen and clears the message.
        await page.ClickAsync("#reset");
        await Expect(page.Locator("#err-stripeWidthMm")).ToBeHiddenAsync();
        await Expect(page.Locator("#stripeWidthMm")).ToHaveValueAsync("50");
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task The_designer_fits_a_390px_phone()
    {
        await using var browser = await OpenAsync(fixture, 390, 844);
        var page = browser.Page;
        await WaitForPreviewAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The page scrolls sideways: scrollWidth {scrollWidth} px at a 390 px viewport.");
        Assert.Empty(browser.ScriptProblems);
    }
}
