using System.Net;
using System.Text.RegularExpressions;
using FormsService.Tests.Support;

namespace FormsService.Tests.Operations;

/// <summary>
/// What a Prometheus server scrapes from <c>/metrics</c> after real traffic, checked by Prometheus's own linter
/// (<c>promtool check metrics</c>, installed by .ci/run: missing, the test fails) and read for the series an operator
/// alerts on: renders, rejections and timeouts by form and reason, renders in flight, the memory budget in bytes.
/// </summary>
[Collection(ProcessCountersCollection.Name)]
public sealed class PrometheusMetricsTests
{
    private const string RenderUrl = "/api/forms/referral-certificate/render?format=pdf";

    [Fact]
    public async Task Metrics_after_renders_and_rejections_pass_promtool_and_carry_form_and_reason()
    {
        await using var service = new ConfiguredServiceFactory(Repo.Forms);
        var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJson(RenderUrl, Repo.Example("referral-certificate"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJson("/api/forms/work-order/render?format=docx", Repo.Example("work-order"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostJson(RenderUrl, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostJson("/api/forms/no-such-form/render?format=pdf", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostJson("/api/forms/another-made-up-form/render?format=pdf", "{}")).StatusCode);

        var text = await ScrapeUntil(client, t => Series(t, "formsservice_rejections_total", "form=\"unknown\"", "reason=\"not-found\"").Count > 0);
        Promtool(text);

        Assert.Equal("histogram", TypeOf(text, "formsservice_render_duration_seconds"));
        Assert.Equal("histogram", TypeOf(text, "formsservice_render_size_bytes"));
        Assert.Equal("counter", TypeOf(text, "formsservice_rejections_total"));
        Assert.Equal("gauge", TypeOf(text, "formsservice_renders_in_flight"));
        Assert.Equal("gauge", TypeOf(text, "formsservice_render_memory_budget_bytes"));
        Assert.Equal("gauge", TypeOf(text, "formsservice_render_memory_reserved_bytes"));
        Assert.Equal("gauge", TypeOf(text, "dotnet_thread_pool_threads"));
        Assert.Equal("gauge", TypeOf(text, "dotnet_thread_pool_queue_length"));

        Assert.Equal(1, Value(text, "formsservice_render_duration_seconds_count", "form=\"referral-certificate\"", "format=\"pdf\""));
        Assert.Equal(1, Value(text, "formsservice_render_size_bytes_count", "form=\"work-order\"", "format=\"docx\""));
        Assert.Equal(1, Value(text, "formsservice_rejections_total", "form=\"referral-certificate\"", "reason=\"invalid\""));
        // Made-up form ids share one label value: a caller cannot add series.
        Assert.Equal(2, Value(text, "formsservice_rejections_total", "form=\"unknown\"", "reason=\"not-found\""));
        Assert.DoesNotContain("no-such-form", text);
        Assert.Equal(0, Value(text, "formsservice_renders_in_flight", "form=\"referral-certificate\"", "format=\"pdf\""));
        // Seconds, not milliseconds: one example render is well under a minute, so not every observation is in +Inf alone.
        Assert.Equal(1, Value(text, "formsservice_render_duration_seconds_bucket", "form=\"referral-certificate\"", "le=\"60\""));
        Assert.True(Value(text, "formsservice_render_memory_budget_bytes") >= 64L * 1024 * 1024);

        // No gauge reads as a histogram's count; every counter ends in _total.
        var types = Regex.Matches(text, @"^# TYPE (\S+) (\S+)$", RegexOptions.Multiline);
        Assert.NotEmpty(types);
        Assert.All(types, t =>
        {
            if (t.Groups[2].Value == "gauge")
                Assert.False(t.Groups[1].Value.EndsWith("_count"), t.Value);
            if (t.Groups[2].Value == "counter")
                Assert.EndsWith("_total", t.Groups[1].Value);
        });
    }

    [Fact]
    public async Task Timeouts_are_counted_by_form_and_reason_and_pass_promtool()
    {
        await using var service = new ConfiguredServiceFactory(Repo.Forms, new() { ["Rendering:TimeoutMilliseconds"] = "0" });
        var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.PostJson(RenderUrl, Repo.Example("referral-certificate"))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.PostJson(RenderUrl, Repo.Example("referral-certificate"))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable,
            (await client.PostJson("/api/forms/work-order/render?format=pdf", Repo.Example("work-order"))).StatusCode);

        var text = await ScrapeUntil(client, t => Series(t, "formsservice_timeouts_total", "form=\"work-order\"").Count > 0);
        Promtool(text);
        Assert.Equal("counter", TypeOf(text, "formsservice_timeouts_total"));
        Assert.Equal(2, Value(text, "formsservice_timeouts_total", "form=\"referral-certificate\"", "reason=\"render\""));
        Assert.Equal(1, Value(text, "formsservice_timeouts_total", "form=\"work-order\"", "reason=\"render\""));
    }

    private static async Task<string> ScrapeUntil(HttpClient client, Func<string, bool> ready)
    {
        var text = "";
        // The exporter caches a scrape briefly: ask again until the traffic above shows.
        for (var i = 0; i < 25 && !ready(text); i++)
        {
            if (i > 0) await Task.Delay(200);
            text = await client.GetStringAsync("/metrics");
        }
        Assert.True(ready(text), text);
        return text;
    }

    /// <summary>Prometheus's own linter on the scrape; a machine without promtool fails here (install: .ci/run).</summary>
    private static void Promtool(string text)
    {
        var dir = Tools.TempDir("promtool");
        var file = Path.Combine(dir, "metrics.txt");
        File.WriteAllText(file, text);
        var (version, _) = Tools.Run("promtool", "--version");
        Assert.Equal(0, version);
        var (code, output) = Tools.Run("sh", $"-c \"promtool check metrics < '{file}'\"");
        Assert.True(code == 0, $"promtool check metrics exited {code}:\n{output}");
        Directory.Delete(dir, true);
    }

    private static string? TypeOf(string text, string name) =>
        Regex.Match(text, $@"^# TYPE {Regex.Escape(name)} (\S+)$", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The sample lines of a series (name with no suffix) that carry every one of the labels.</summary>
    private static List<string> Series(string text, string name, params string[] labels) =>
        text.Split('\n').Where(l => (l.StartsWith(name + "{") || l.StartsWith(name + " ")) && labels.All(l.Contains)).ToList();

    private static double Value(string text, string name, params string[] labels)
    {
        var lines = Series(text, name, labels);
        Assert.True(lines.Count == 1, $"{lines.Count} lines of {name} with {string.Join(",", labels)}:\n{string.Join("\n", lines)}");
        var line = lines[0];
        var value = line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ')..];
        return double.Parse(value.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
