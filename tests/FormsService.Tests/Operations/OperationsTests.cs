using System.Net;
using System.Text;
using System.Text.Json;
using FormsService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FormsService.Tests.Operations;

public sealed class OperationsTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static string Example => Repo.Example("referral-certificate");
    private const string RenderUrl = "/api/forms/referral-certificate/render?format=pdf";

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var big = "{\"convict\":{\"surname\":\"" + new string('а', 1_100_000) + "\"}}";
        var response = await _client.PostJson(RenderUrl, big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await response.ProblemAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_JSON_is_415(string contentType)
    {
        var response = await _client.PostAsync(RenderUrl, new StringContent(Example, Encoding.UTF8, contentType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        foreach (var url in new[] { "/", "/designer", "/api/forms" })
        {
            var response = await _client.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Ready_says_the_version()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/health/ready")).RootElement;
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", json.GetProperty("version").GetString()!);
    }

    [Fact]
    public async Task Metrics_show_renders_per_form_and_format_and_rejections()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJson(RenderUrl, Example)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _client.PostJson(RenderUrl, "{}")).StatusCode);
        string text = "";
        for (var i = 0; i < 20 && !text.Contains("formsservice_rejections"); i++)
        {
            await Task.Delay(200);
            text = await _client.GetStringAsync("/metrics");
        }
        Assert.Contains("formsservice_render_duration", text);
        Assert.Contains("form=\"referral-certificate\"", text);
        Assert.Contains("format=\"pdf\"", text);
        Assert.Contains("formsservice_render_size", text);
        Assert.Contains("reason=\"invalid\"", text);
    }
}

/// <summary>The service with settings of a test's own.</summary>
public sealed class ConfiguredOperationsTests
{
    [Fact]
    public async Task With_keys_configured_the_API_needs_one_and_health_stays_open()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms, new() { ["Auth:ApiKeys:0"] = "key-one", ["Auth:ApiKeys:1"] = "key-two" });
        var client = factory.CreateClient();
        var none = await client.GetAsync("/api/forms");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        // RFC 9110: a 401 names how to authenticate; the OpenAPI document declares the same header.
        var challenge = Assert.Single(none.Headers.WwwAuthenticate);
        Assert.Equal("ApiKey", challenge.Scheme);
        Assert.Contains("X-Api-Key", challenge.Parameter);
        await none.ProblemAsync();

        var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/forms");
        wrong.Headers.Add("X-Api-Key", "key-three");
        var wrongResponse = await client.SendAsync(wrong);
        Assert.True(wrongResponse.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        await wrongResponse.ProblemAsync();

        var right = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render?format=pdf") { Content = HttpExtensions.Json(Repo.Example("referral-certificate")) };
        right.Headers.Add("X-Api-Key", "key-two");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_render_over_its_time_is_503_with_Retry_After()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.Configure<FormsService.Api.Operations.RenderingOptions>(o => o.TimeoutMilliseconds = 0))).CreateClient();
        var response = await client.PostJson("/api/forms/referral-certificate/render?format=pdf", Repo.Example("referral-certificate"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_full_queue_is_refused_at_once_with_503_and_health_still_answers()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms, new() { ["Rendering:MaxConcurrentRenders"] = "1", ["Rendering:QueueLimit"] = "0" });
        var client = factory.CreateClient();
        var payload = Repo.Example("referral-certificate");
        var tasks = Enumerable.Range(0, 64).Select(_ => client.PostJson("/api/forms/referral-certificate/render?format=docx", payload)).ToList();
        var health = await client.GetAsync("/health/ready");
        var responses = await Task.WhenAll(tasks);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public async Task No_payload_value_reaches_the_logs()
    {
        var sink = new LogSink();
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(sink))).CreateClient();
        foreach (var format in new[] { "pdf", "docx" })
            Assert.Equal(HttpStatusCode.OK, (await client.PostJson($"/api/forms/referral-certificate/render?format={format}", Repo.Example("referral-certificate"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJson("/api/forms/work-order/render?format=pdf", Repo.Example("work-order"))).StatusCode);
        var broken = Repo.Example("referral-certificate").Replace("Сейтқалиев", "Сейтқалиев\\u0007");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostJson("/api/forms/referral-certificate/render", broken)).StatusCode);

        var logs = sink.Text;
        Assert.Contains("Rendered referral-certificate", logs);
        foreach (var value in new[] { "Сейтқалиев", "Нұрлан", "Ерболұлы", "Абай даңғылы", "Жұмабекова", "Омаров", "Исаев", "Seitqaliev" })
            Assert.DoesNotContain(value, logs);
    }

    private sealed class LogSink : ILoggerProvider
    {
        private readonly List<string> _lines = [];
        public string Text { get { lock (_lines) return string.Join('\n', _lines); } }
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(LogSink sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                lock (sink._lines) sink._lines.Add($"scope {category}: {state}");
                return null;
            }
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lock (sink._lines) sink._lines.Add($"{category}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
