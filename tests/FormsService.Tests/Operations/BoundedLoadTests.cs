using System.Diagnostics;
using System.Net;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FormsService.Tests.Operations;

/// <summary>
/// Work and memory stay bounded: renders are admitted by their memory cost, a timed-out render keeps its slot until
/// its work stops, every JSON route is limited before its body is parsed, and health never waits behind renders.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class BoundedLoadTests
{
    private const string Preview600 = "/api/forms/vest-specimen/preview?dpi=600&letteringScale=";

    [Fact]
    public void A_600_dpi_raster_costs_its_surface_and_a_PDF_little()
    {
        Assert.InRange(RenderCost.Of(OutputFormats.Png, 600), 139L << 20, 200L << 20);
        Assert.InRange(RenderCost.Of(OutputFormats.Pdf, 96), 1L << 20, 16L << 20);
        Assert.True(RenderCost.Of(OutputFormats.Png, 96) < RenderCost.Of(OutputFormats.Png, 150));
    }

    [Fact]
    public async Task Renders_beyond_the_memory_budget_are_refused_with_503_and_Retry_After()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms, new() { ["Rendering:MemoryBudgetMb"] = "200" });
        using var metrics = new RenderMetricsProbe(factory);
        var client = factory.CreateClient();
        Assert.Equal(200, factory.Services.GetRequiredService<RenderRunner>().BudgetMegabytes);

        // Distinct queries, so that the output cache cannot answer any of them.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.GetAsync(Preview600 + (0.8 + i / 100.0).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        foreach (var response in refused)
        {
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("memory budget", (await response.ProblemAsync()).GetProperty("detail").GetString());
        }
        Assert.Equal(refused.Count, metrics.Rejected("memory"));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public async Task A_timed_out_render_keeps_its_slot_until_its_work_stops_and_its_token_stops_the_work()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms, new()
        {
            ["Rendering:MaxConcurrentRenders"] = "1", ["Rendering:QueueLimit"] = "0", ["Rendering:TimeoutMilliseconds"] = "100",
        });
        var client = factory.CreateClient();
        var runner = factory.Services.GetRequiredService<RenderRunner>();
        var version = factory.Services.GetRequiredService<FormsEngine>().Catalog.Find("work-order")!.Versions[0];

        // A stage that does not look at its token for 3 s: the answer goes out at the timeout, the work goes on.
        var deaf = await runner.RunAsync(new RenderJob(version, "pdf", 1, _ => { Thread.Sleep(3000); return [1]; }), false, "test", CancellationToken.None);
        Assert.Equal(503, deaf.Status);
        Assert.Equal(1, runner.InFlight);
        var behind = await client.PostJson("/api/forms/referral-certificate/render?format=pdf", Repo.Example("referral-certificate"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        await WaitIdle(runner);
        // The slot is free again once the work has stopped (a quick job: a real render may exceed 100 ms here).
        Assert.True((await runner.RunAsync(new RenderJob(version, "pdf", 1, _ => [1]), false, "test", CancellationToken.None)).Succeeded);

        // A stage that checks its token stops at the timeout: the slot is free again at once.
        var watch = Stopwatch.StartNew();
        var listening = await runner.RunAsync(new RenderJob(version, "pdf", 1, token =>
        {
            while (true) { token.ThrowIfCancellationRequested(); Thread.SpinWait(1000); }
        }), false, "test", CancellationToken.None);
        Assert.Equal(503, listening.Status);
        await WaitIdle(runner);
        // Far sooner than the deaf stage's 3 s, even on a loaded machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"the work stopped {watch.Elapsed.TotalMilliseconds:0} ms after it started");
    }

    private static async Task WaitIdle(RenderRunner runner)
    {
        var watch = Stopwatch.StartNew();
        while (runner.InFlight > 0 && watch.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(10);
        Assert.Equal(0, runner.InFlight);
    }

    [Fact]
    public async Task Validate_is_limited_and_refused_before_its_body_is_parsed()
    {
        await using var service = new KestrelService(new() { ["Rendering:MaxConcurrentRenders"] = "1", ["Rendering:QueueLimit"] = "0" });
        using var holding = await service.HoldSlotAsync("/api/forms/referral-certificate/validate");
        // A body that is not even JSON: refused for being one too many (503) is proof it was never parsed (400).
        var refused = await service.Client.PostJson("/api/forms/referral-certificate/validate", "{not json");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var problem = await refused.ProblemAsync();
        Assert.Equal("Қызмет бос емес / Busy", problem.GetProperty("title").GetString());
        Assert.Equal("overloaded", problem.GetProperty("codes").GetProperty("$")[0].GetString());
        // Pre-written in every language: a Russian clerk is refused in Russian.
        using var russian = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/validate")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        russian.Headers.TryAddWithoutValidation("Accept-Language", "ru");
        var refusedInRussian = await service.Client.SendAsync(russian);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedInRussian.StatusCode);
        Assert.Equal("Сервис занят", (await refusedInRussian.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal("ru", refusedInRussian.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task Renders_run_on_threads_of_their_own_and_health_answers_within_a_second_while_every_slot_is_busy()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms, new() { ["Rendering:MaxConcurrentRenders"] = "2" });
        var client = factory.CreateClient();
        var runner = factory.Services.GetRequiredService<RenderRunner>();
        var version = factory.Services.GetRequiredService<FormsEngine>().Catalog.Find("work-order")!.Versions[0];
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var threads = new List<string?>();
        using var release = new ManualResetEventSlim();
        var busy = Enumerable.Range(0, 2).Select(_ => runner.RunAsync(new RenderJob(version, "pdf", 1, _ =>
        {
            lock (threads) threads.Add(Thread.CurrentThread.Name);
            // CPU-bound until released, as a large render is.
            while (!release.IsSet) Thread.SpinWait(1000);
            return [1];
        }), waitForMemory: false, "test", CancellationToken.None)).ToList();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                var health = await client.GetAsync("/health/ready");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"health took {watch.Elapsed.TotalMilliseconds:0} ms");
            }
            Assert.Equal(2, runner.InFlight);
        }
        finally
        {
            release.Set();
        }
        Assert.All(await Task.WhenAll(busy), o => Assert.True(o.Succeeded));
        Assert.All(threads, name => Assert.StartsWith("render-", name));
    }

    [Fact]
    public async Task Memory_is_trimmed_once_when_the_renders_stop()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.CreateClient();
        var trimmer = factory.Services.GetRequiredService<IdleTrimmer>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/forms/vest-specimen/preview?dpi=300")).StatusCode);
        var watch = Stopwatch.StartNew();
        while (trimmer.Trims == 0 && watch.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(100);
        Assert.Equal(1, trimmer.Trims);
        Assert.True(watch.Elapsed >= IdleTrimmer.Quiet - TimeSpan.FromMilliseconds(500), "trimmed while renders might still come");
        // Idle with nothing new rendered: no second trim.
        await Task.Delay(IdleTrimmer.Quiet * 2);
        Assert.Equal(1, trimmer.Trims);
    }

    [Fact]
    public async Task Memory_is_trimmed_after_any_burst_of_requests_not_only_renders_but_not_after_probes()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.CreateClient();
        var trimmer = factory.Services.GetRequiredService<IdleTrimmer>();
        // Probes and scrapes come for ever: they are not a burst.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        await Task.Delay(IdleTrimmer.Quiet * 2);
        Assert.Equal(0, trimmer.Trims);

        // A burst of validations renders nothing and is still followed by a trim.
        var example = Repo.Example("referral-certificate");
        foreach (var response in await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostJson("/api/forms/referral-certificate/validate", example))))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, factory.Services.GetRequiredService<RenderRunner>().InFlight);
        var watch = Stopwatch.StartNew();
        while (trimmer.Trims == 0 && watch.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(100);
        Assert.Equal(1, trimmer.Trims);
    }

    [Fact]
    public async Task A_request_waits_in_the_queue_a_bounded_time_then_is_refused()
    {
        await using var service = new KestrelService(new()
        {
            ["Rendering:MaxConcurrentRenders"] = "1", ["Rendering:QueueLimit"] = "10", ["Rendering:QueueTimeoutMilliseconds"] = "200",
        });
        using var holding = await service.HoldSlotAsync("/api/forms/referral-certificate/validate");
        var watch = Stopwatch.StartNew();
        var waiting = await service.Client.PostJson("/api/forms/referral-certificate/validate", Repo.Example("referral-certificate"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
        Assert.NotNull(waiting.Headers.RetryAfter);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(3));
    }

    /// <summary>
    /// The service on a real Kestrel, with a way to hold its only slot: a render admitted by the limiter that waits for
    /// the runner, whose one thread a job of the test's holds. (A body that never comes no longer holds a slot: bodies
    /// are read before admission.)
    /// </summary>
    private sealed class KestrelService : IAsyncDisposable
    {
        private readonly ConfiguredServiceFactory _factory;

        public KestrelService(Dictionary<string, string?> settings)
        {
            _factory = new ConfiguredServiceFactory(Repo.Forms, settings);
            _factory.UseKestrel(0);
            _factory.StartServer();
            Client = new HttpClient { BaseAddress = _factory.ClientOptions.BaseAddress };
        }

        public HttpClient Client { get; }

        public async Task<IDisposable> HoldSlotAsync(string path)
        {
            var runner = _factory.Services.GetRequiredService<RenderRunner>();
            var version = _factory.Services.GetRequiredService<FormsEngine>().Catalog.Find("referral-certificate")!.Versions[0];
            var release = new ManualResetEventSlim();
            _ = runner.RunAsync(new RenderJob(version, "pdf", 1, _ => { release.Wait(TimeSpan.FromSeconds(30)); return [1]; }) { Timeout = TimeSpan.FromSeconds(30) },
                false, "hold", CancellationToken.None);
            var holder = new HttpClient { BaseAddress = Client.BaseAddress };
            _ = holder.PostJson("/api/forms/referral-certificate/render?format=pdf", Repo.Example("referral-certificate"));
            // Admitted and waiting for the runner: the limiter's slot is taken.
            await Task.Delay(500);
            _ = path;
            return new Release(release, holder);
        }

        private sealed class Release(ManualResetEventSlim release, HttpClient holder) : IDisposable
        {
            public void Dispose()
            {
                release.Set();
                holder.Dispose();
            }
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _factory.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_JSON_route_carries_a_limiter()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var sources = factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>();
        _ = factory.CreateClient();
        var posts = sources.Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .ToList();
        Assert.NotEmpty(posts);
        foreach (var endpoint in posts)
            Assert.True(endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>() is not null,
                $"{endpoint.RoutePattern.RawText} has no limiter");
    }
}
