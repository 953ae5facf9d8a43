using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Api.Operations;
using FormsService.Tests.Operations;
using FormsService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FormsService.Tests.Api;

/// <summary>
/// One render pipeline: every render — single, blank, preview, batch item — runs through the same runner (timeout,
/// metrics), and every ETag carries the engine's digest, so a change of code or data changes it.
/// </summary>
public sealed class RenderPipelineTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private const string RenderUrl = "/api/forms/referral-certificate/render?format=pdf";

    private static string Batch(params (string FormId, string Format, string Payload)[] items) =>
        new JsonObject
        {
            ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
            {
                ["formId"] = i.FormId, ["format"] = i.Format, ["payload"] = JsonNode.Parse(i.Payload),
            }).ToArray()),
        }.ToJsonString();

    internal static JsonArray Manifest(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return JsonNode.Parse(archive.GetEntry("manifest.json")!.Open())!["items"]!.AsArray();
    }

    [Fact]
    public async Task Batch_items_time_out_and_are_counted_like_single_renders()
    {
        await using var timedOut = new ConfiguredServiceFactory(Repo.Forms, new() { ["Rendering:TimeoutMilliseconds"] = "0" });
        using var metrics = new RenderMetricsProbe(timedOut);
        var client = timedOut.CreateClient();

        var single = await client.PostJson(RenderUrl, Repo.Example("referral-certificate"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, single.StatusCode);
        Assert.Equal(1, metrics.TimedOut("render"));

        var response = await client.PostJson("/api/render/batch", Batch(
            ("referral-certificate", "pdf", Repo.Example("referral-certificate")),
            ("work-order", "docx", Repo.Example("work-order")),
            ("vest-specimen", "png", "{}")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var manifest = Manifest(await response.Content.ReadAsByteArrayAsync());
        Assert.All(manifest, item =>
        {
            Assert.Equal(503, item!["status"]!.GetValue<int>());
            Assert.Contains("took longer than 0 ms", item["detail"]!.GetValue<string>());
            Assert.Null(item["file"]);
        });
        Assert.Equal(4, metrics.TimedOut("render"));
    }

    [Fact]
    public async Task Batch_items_are_measured_like_single_renders()
    {
        await using var service = new ConfiguredServiceFactory(Repo.Forms);
        using var metrics = new RenderMetricsProbe(service);
        var client = service.CreateClient();
        var response = await client.PostJson("/api/render/batch", Batch(
            ("work-order", "pdf", Repo.Example("work-order")), ("work-order", "pdf", Repo.Example("work-order"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([200, 200], Manifest(await response.Content.ReadAsByteArrayAsync()).Select(i => i!["status"]!.GetValue<int>()));
        Assert.Equal(2, metrics.Rendered("work-order", "pdf"));
    }

    [Fact]
    public async Task An_ETag_changes_when_a_definition_file_changes()
    {
        var forms = Tools.CopyOfShippedForms("forms-pipeline");
        try
        {
            await using var before = new ConfiguredServiceFactory(forms);
            var first = await before.CreateClient().PostJson(RenderUrl, Repo.Example("referral-certificate"));
            var again = await before.CreateClient().PostJson(RenderUrl, Repo.Example("referral-certificate"));
            Assert.Equal(first.Headers.ETag, again.Headers.ETag);

            // One byte more in the definition (a trailing newline: the layout is the same, the data is not).
            var definition = Path.Combine(forms, "referral-certificate", "2025-733", "definition.json");
            File.AppendAllText(definition, "\n");
            await using var after = new ConfiguredServiceFactory(forms);
            var changed = await after.CreateClient().PostJson(RenderUrl, Repo.Example("referral-certificate"));

            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(first.Headers.ETag, changed.Headers.ETag);
            Assert.NotEqual(Digest(first), Digest(changed));
            // A client holding the old tag gets the new document, not a 304.
            var revalidate = new HttpRequestMessage(HttpMethod.Post, RenderUrl) { Content = HttpExtensions.Json(Repo.Example("referral-certificate")) };
            revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            Assert.Equal(HttpStatusCode.OK, (await after.CreateClient().SendAsync(revalidate)).StatusCode);
        }
        finally
        {
            Directory.Delete(forms, recursive: true);
        }
    }

    [Fact]
    public async Task Every_document_and_health_carry_the_engine_digest()
    {
        var digest = factory.Services.GetRequiredService<EngineDigest>().Value;
        Assert.Matches("^[0-9a-f]{16}$", digest);
        var responses = new[]
        {
            await _client.PostJson(RenderUrl, Repo.Example("referral-certificate")),
            await _client.GetAsync("/api/forms/referral-certificate/blank?format=docx"),
            await _client.PostJson("/api/forms/referral-certificate/preview?dpi=48", Repo.Example("referral-certificate")),
            await _client.GetAsync("/api/forms/vest-specimen/preview?format=svg"),
        };
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(digest, Digest(response));
        }
        var health = JsonDocument.Parse(await _client.GetStringAsync("/health/ready")).RootElement;
        Assert.Equal(digest, health.GetProperty("engineDigest").GetString());
    }

    [Fact]
    public async Task OpenAPI_learns_the_responses_and_query_parameters_from_the_signatures()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;
        var validate = document["paths"]!["/api/forms/{formId}/validate"]!["post"]!;
        var ok = validate["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString();
        Assert.Contains("ValidationAnswer", ok);
        var render = document["paths"]!["/api/forms/{formId}/render"]!["post"]!;
        var parameters = render["parameters"]!.AsArray().Select(p => p!["name"]?.GetValue<string>()).OfType<string>().ToList();
        foreach (var name in new[] { "formId", "version", "asOf", "format" })
            Assert.Contains(name, parameters);
        Assert.NotNull(render["responses"]!["412"]);
    }

    private static string? Digest(HttpResponseMessage response) =>
        response.Headers.TryGetValues(EngineDigest.Header, out var values) ? values.Single() : null;
}
