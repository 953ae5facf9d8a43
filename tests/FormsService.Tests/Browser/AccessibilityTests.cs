using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FormsService.Tests.Browser;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) finds no serious or critical violation on the service's three pages, each
/// once its content has loaded; and <c>/docs</c> is a page of this service: its language, its name, links back,
/// none of Scalar's hosted-service offers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "#fields .field" },
        { "/designer", "#vest-preview" },
        { "/docs", "nav.fs-docs-nav" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violation(string path, string loaded)
    {
        foreach (var language in path == "/docs" ? new[] { "kk" } : new[] { "kk", "ru" })
        {
            await using var browser = await fixture.NewPageAsync();
            var page = browser.Page;
            await page.GotoAsync(path);
            if (path != "/docs")
                await page.ClickAsync($"[data-lang='{language}']");
            await page.Locator(loaded).First.WaitForAsync(new() { Timeout = 30_000 });
            if (path == "/docs")
                await page.Locator("h1, h2").First.WaitForAsync(new() { Timeout = 30_000 });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var results = await page.RunAxe();
            var bad = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(bad.Count == 0, $"{path} ({language}): " + string.Join("\n", bad.Select(Describe)));
        }
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Impact} {v.Id}: {v.Help} — " + string.Join("; ", v.Nodes.Take(3).Select(n => n.Target?.ToString() ?? "").ToList());

    [Fact]
    public async Task The_docs_page_has_its_language_the_service_name_links_back_and_no_hosted_service_buttons()
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        var response = await page.GotoAsync("/docs");
        Assert.Equal(200, response!.Status);
        await page.Locator("h1, h2").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Contains("FormsService", await page.TitleAsync());
        await Expect(page.Locator("nav.fs-docs-nav a[href='/']")).ToBeVisibleAsync();
        await Expect(page.Locator("nav.fs-docs-nav a[href='/designer']")).ToBeVisibleAsync();

        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        foreach (var offer in new[] { "Ask AI", "Deploy", "Generate SDK", "Powered by Scalar", "MCP" })
            Assert.DoesNotContain(offer, text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(browser.ScriptProblems);
    }

    /// <summary>
    /// The document's server is relative, so the reference sends its requests to the origin that served it (here a
    /// random port, not the 5000 of <c>dotnet run</c>), and the page's Content-Security-Policy lets them through.
    /// </summary>
    [Fact]
    public async Task The_docs_page_sends_requests_to_its_own_origin_within_its_policy()
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        // The page as its scripts run in it (its origin, its policy); Scalar's own rendering is not what is tested.
        await page.GotoAsync("/docs", new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        var answer = await page.EvaluateAsync<string>("""
            async () => {
              const doc = await (await fetch('/openapi/v1.json')).json();
              const base = new URL(doc.servers[0].url, location.href);
              const response = await fetch(new URL('api/forms', base));
              return `${base.origin === location.origin} ${response.status}`;
            }
            """);
        Assert.Equal("true 200", answer);
        Assert.Empty(browser.ScriptProblems);
    }
}
