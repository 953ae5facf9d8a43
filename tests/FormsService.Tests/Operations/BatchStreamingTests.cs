using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FormsService.Tests.Api;
using FormsService.Tests.Support;

namespace FormsService.Tests.Operations;

/// <summary>
/// Batches: the ZIP streamed as items finish, the batch's own time bounded (Batch:TimeoutSeconds), and a manifest
/// whose messages say what is wrong with each item.
/// </summary>
public sealed class BatchStreamingTests
{
    private static string VestBatch(int count, int dpi) => new JsonObject
    {
        ["items"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["formId"] = "vest-specimen", ["format"] = "png", ["payload"] = new JsonObject { ["dpi"] = dpi, ["letteringScale"] = 0.8 + i / 1000.0 },
        }).ToArray()),
    }.ToJsonString();

    [Fact]
    public async Task The_ZIP_is_streamed_as_items_finish_not_held_until_the_end()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.CreateClient();
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/render/batch") { Content = HttpExtensions.Json(VestBatch(6, 300)) },
            HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // No length up front: the archive is written while the items render, not buffered to be measured.
        Assert.Null(response.Content.Headers.ContentLength);
        var stream = await response.Content.ReadAsStreamAsync();
        var first = new byte[4];
        await stream.ReadExactlyAsync(first);
        var firstBytes = watch.Elapsed;
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), first);
        var rest = new MemoryStream();
        await stream.CopyToAsync(rest);
        var all = watch.Elapsed;
        Assert.True(firstBytes < all * 0.6, $"the first entry arrived at {firstBytes.TotalMilliseconds:0} ms of {all.TotalMilliseconds:0} ms");

        var manifest = RenderPipelineTests.Manifest([.. first, .. rest.ToArray()]);
        Assert.Equal(Enumerable.Repeat(200, 6), manifest.Select(i => i!["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_batch_of_40_vest_PNGs_at_600_dpi_is_refused_up_front_naming_the_limit()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        using var metrics = new RenderMetricsProbe(factory);
        var client = factory.CreateClient();
        var watch = Stopwatch.StartNew();
        var response = await client.PostJson("/api/render/batch", VestBatch(40, 600));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Топтама тым үлкен / Batch too large", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("1392 megapixels", detail);
        Assert.Contains("at most 1200 (Batch:MaxRasterMegapixels)", detail);
        // Refused before any work: nothing rendered, and at once.
        Assert.Equal(0, metrics.Rendered("vest-specimen", "png"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"refused after {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_batch_within_its_raster_limit_renders_and_PDF_items_cost_no_raster()
    {
        // 10 megapixels: two vest PNGs at 150 dpi (2 × 2.2) and any number of PDFs fit; three at 300 dpi (3 × 8.7) do not.
        await using var factory = new ConfiguredServiceFactory(Repo.Forms, new() { ["Batch:MaxRasterMegapixels"] = "10" });
        var client = factory.CreateClient();
        var fits = JsonNode.Parse(VestBatch(2, 150))!;
        for (var i = 0; i < 5; i++)
            fits["items"]!.AsArray().Add(new JsonObject { ["formId"] = "referral-certificate", ["format"] = "pdf", ["payload"] = JsonNode.Parse(Repo.Example("referral-certificate")) });
        var ok = await client.PostJson("/api/render/batch", fits.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.All(RenderPipelineTests.Manifest(await ok.Content.ReadAsByteArrayAsync()), i => Assert.Equal(200, i!["status"]!.GetValue<int>()));

        var refused = await client.PostJson("/api/render/batch", VestBatch(3, 300));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("at most 10 (Batch:MaxRasterMegapixels)", (await refused.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_batch_past_its_time_reports_the_items_it_did_not_reach()
    {
        // Admitted whatever its raster (the admission has its own test): this one is about the batch's time.
        await using var factory = new ConfiguredServiceFactory(Repo.Forms, new() { ["Batch:TimeoutSeconds"] = "1", ["Batch:MaxRasterMegapixels"] = "100000" });
        var client = factory.CreateClient();
        var watch = Stopwatch.StartNew();
        var response = await client.PostJson("/api/render/batch", VestBatch(40, 600));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var manifest = RenderPipelineTests.Manifest(await response.Content.ReadAsByteArrayAsync());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"the batch took {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(40, manifest.Count);
        var late = manifest.Where(i => i!["status"]!.GetValue<int>() == 503).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, i => Assert.Contains("ran past its 1 s", i!["detail"]!.GetValue<string>()));
        Assert.All(manifest, i => Assert.True(i!["status"]!.GetValue<int>() is 200 or 503));
    }

    [Fact]
    public async Task The_manifest_says_what_is_wrong_with_each_item()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.CreateClient();
        var example = JsonNode.Parse(Repo.Example("referral-certificate"))!;
        var body = new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["formId"] = "referral-certificate", ["asOf"] = "20-10-2025", ["payload"] = example.DeepClone() },
                new JsonObject { ["formId"] = 7, ["payload"] = example.DeepClone() },
                new JsonObject { ["formId"] = "referral-certificate", ["payload"] = example.DeepClone(), ["colour"] = "red" },
                new JsonObject { ["formId"] = "referral-certificate", ["version"] = "1999-001", ["payload"] = example.DeepClone() },
                new JsonObject { ["formId"] = "referral-certificate" },
                new JsonObject { ["formId"] = "referral-certificate", ["payload"] = example.DeepClone() }),
        };
        var response = await client.PostJson("/api/render/batch", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var manifest = RenderPipelineTests.Manifest(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([422, 422, 422, 404, 422, 200], manifest.Select(i => i!["status"]!.GetValue<int>()));

        string Error(int item, string field) => manifest[item]!["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains("YYYY-MM-DD", Error(0, "asOf"));
        Assert.Contains("Must be a string", Error(1, "formId"));
        Assert.Contains("Unknown field", Error(2, "colour"));
        Assert.Contains("no version '1999-001'", manifest[3]!["detail"]!.GetValue<string>());
        Assert.Contains("Required", Error(4, "payload"));
    }
}
