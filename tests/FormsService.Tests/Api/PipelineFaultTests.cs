using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine;
using FormsService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FormsService.Tests.Api;

/// <summary>The service with a probe in its pipeline that throws at the stages a test names.</summary>
public sealed class FaultyServiceFactory : ServiceFactory
{
    private readonly HashSet<PipelineStage> _faulted = [];

    /// <summary>Every stage a pipeline entered since the last <see cref="Fault"/>: what the route went through.</summary>
    internal List<PipelineStage> Entered { get; } = [];

    internal void Fault(params PipelineStage[] stages)
    {
        lock (_faulted)
        {
            _faulted.Clear();
            _faulted.UnionWith(stages);
            Entered.Clear();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new PipelineProbe((stage, _) =>
        {
            lock (_faulted)
            {
                Entered.Add(stage);
                if (_faulted.Contains(stage))
                    throw new InvalidOperationException($"A fault injected at {stage}.");
            }
        })));
    }
}

/// <summary>
/// Every route that makes documents goes through the one pipeline: a fault injected at a stage of it shows in each
/// route's answer — a 500 problem coded <c>render-failed</c> from the runner, a batch item's 500 in its manifest, or
/// the service's own 500 where the check runs outside a render — and the same request without the fault succeeds.
/// </summary>
public sealed class PipelineFaultTests(FaultyServiceFactory factory) : IClassFixture<FaultyServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string Example(string formId) => Repo.Example(formId);

    private static string Batch(string? format = null) => new JsonObject
    {
        ["items"] = new JsonArray(new JsonObject
        {
            ["formId"] = "referral-certificate", ["format"] = format ?? "pdf", ["payload"] = JsonNode.Parse(Example("referral-certificate")),
        }),
    }.ToJsonString();

    public static TheoryData<string, string, string> Routes => new()
    {
        { "render pdf", nameof(PipelineStage.Render), "render-failed" },
        { "render docx", nameof(PipelineStage.Lay), "render-failed" },
        { "render pdf/a", nameof(PipelineStage.Render), "render-failed" },
        { "render vest png (artwork, no layout)", nameof(PipelineStage.Render), "render-failed" },
        { "blank", nameof(PipelineStage.Lay), "render-failed" },
        { "blank of a month", nameof(PipelineStage.Render), "render-failed" },
        { "preview", nameof(PipelineStage.Render), "render-failed" },
        { "artwork preview", nameof(PipelineStage.Render), "render-failed" },
        { "validate", nameof(PipelineStage.Check), "status-500" },
        { "batch zip", nameof(PipelineStage.Render), "render-failed" },
        { "batch single pdf", nameof(PipelineStage.Combine), "render-failed" },
        { "merge zip", nameof(PipelineStage.Package), "render-failed" },
        { "merge single pdf", nameof(PipelineStage.Combine), "render-failed" },
        { "merge report", nameof(PipelineStage.Check), "render-failed" },
        { "merge pdf/a", nameof(PipelineStage.Render), "render-failed" },
    };

    /// <param name="again">The second asking: the artwork, which output caching keeps, is asked at another dpi.</param>
    private async Task<HttpResponseMessage> Send(string route, bool again = false) => route switch
    {
        "render pdf" => await _client.PostJson("/api/forms/referral-certificate/render?format=pdf", Example("referral-certificate")),
        "render docx" => await _client.PostJson("/api/forms/referral-certificate/render?format=docx", Example("referral-certificate")),
        "render pdf/a" => await _client.PostJson("/api/forms/referral-certificate/render?format=pdf&pdfa=2b", Example("referral-certificate")),
        "render vest png (artwork, no layout)" => await _client.PostJson("/api/forms/vest-specimen/render?format=png", Example("vest-specimen")),
        "blank" => await _client.GetAsync("/api/forms/work-order/blank?format=pdf"),
        "blank of a month" => await _client.GetAsync("/api/forms/time-sheet/blank?format=pdf&month=2025-11"),
        "preview" => await _client.PostJson("/api/forms/referral-certificate/preview?dpi=48", Example("referral-certificate")),
        "artwork preview" => await _client.GetAsync($"/api/forms/vest-specimen/preview?format=svg&view=front&dpi={(again ? 73 : 72)}"),
        "validate" => await _client.PostJson("/api/forms/referral-certificate/validate", Example("referral-certificate")),
        "batch zip" => await _client.PostJson("/api/render/batch", Batch()),
        "batch single pdf" => await _client.PostJson("/api/render/batch?output=single", Batch()),
        "merge zip" => await Merge("zip"),
        "merge single pdf" => await Merge("single"),
        "merge report" => await Merge("report"),
        "merge pdf/a" => await Merge("zip&pdfa=2b"),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };

    private async Task<HttpResponseMessage> Merge(string output)
    {
        var template = await _client.GetByteArrayAsync("/api/forms/referral-certificate/versions/2025-733/template.csv");
        var content = new ByteArrayContent(template);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await _client.PostAsync($"/api/forms/referral-certificate/merge?output={output}", content);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_fault_in_the_pipeline_shows_in_the_route_s_answer(string route, string stageName, string code)
    {
        var stage = Enum.Parse<PipelineStage>(stageName);
        factory.Fault(stage);
        var faulted = await Send(route);
        var body = await faulted.Content.ReadAsByteArrayAsync();
        Assert.True(factory.Entered.Contains(stage),
            $"{route} went through {string.Join(", ", factory.Entered)}: {(int)faulted.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        if (route == "batch zip")
        {
            // The ZIP streams: the item's fault is its manifest's 500, coded.
            Assert.Equal(HttpStatusCode.OK, faulted.StatusCode);
            var item = RenderPipelineTests.Manifest(body)[0]!;
            Assert.Equal(500, (int)item["status"]!);
            Assert.Equal(code, (string?)item["codes"]!["$"]![0]);
        }
        else
        {
            Assert.True(faulted.StatusCode == HttpStatusCode.InternalServerError, $"{route}: {(int)faulted.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            Assert.Equal("application/problem+json", faulted.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(code, problem.GetProperty("codes").GetProperty("$")[0].GetString());
        }

        factory.Fault();
        var clean = await Send(route, again: true);
        var cleanBody = await clean.Content.ReadAsStringAsync();
        Assert.True(clean.StatusCode == HttpStatusCode.OK, $"{route} without the fault: {(int)clean.StatusCode} {cleanBody}");
        Assert.True(factory.Entered.Contains(stage), $"{route} without the fault went through {string.Join(", ", factory.Entered)}; {clean.Headers}");
        if (route == "batch zip")
            Assert.Equal(200, (int)RenderPipelineTests.Manifest(await clean.Content.ReadAsByteArrayAsync())[0]!["status"]!);
    }
}
