using System.Net;
using FormsService.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FormsService.Tests.Browser;

/// <summary>The service on a real loopback port (Kestrel, a free port), with the repository's forms and fonts.</summary>
public sealed class KestrelServiceFactory : ServiceFactory
{
    public KestrelServiceFactory() : this(null) { }

    /// <summary>With settings of its own (API keys, say).</summary>
    public KestrelServiceFactory(Dictionary<string, string?>? settings) : base(Repo.Forms, settings) =>
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        return new Uri(addresses.Addresses.First());
    }
}

/// <summary>One service and one headless Chromium (Debian's) for every browser test.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Set to a running service's address to drive it instead of an in-process one.</summary>
    public const string BaseUrlVariable = "FORMSSERVICE_BROWSER_BASEURL";

    private KestrelServiceFactory? _factory;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>An HTTP client for the same service (to ask the API what the page should show).</summary>
    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(BaseUrlVariable);
        if (string.IsNullOrEmpty(external))
        {
            _factory = new KestrelServiceFactory();
            BaseAddress = _factory.Start();
        }
        else
        {
            BaseAddress = new Uri(external);
        }
        Api = new HttpClient { BaseAddress = BaseAddress };
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install chromium (see docs/testing.md).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh page (own context: own sessionStorage) at a viewport width. Console errors and CSP violations are
    /// collected in <see cref="BrowserPage.Problems"/>.
    /// </summary>
    /// <param name="locale">The browser's language (what its own widgets would speak): Kazakh unless a test says otherwise.</param>
    public async Task<BrowserPage> NewPageAsync(int width = 1280, int height = 900, string locale = "kk-KZ")
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = locale,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var result = new BrowserPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") result.Problems.Add("console: " + message.Text);
        };
        page.PageError += (_, error) => result.Problems.Add("page error: " + error);
        return result;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

public sealed class BrowserPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    public List<string> Problems { get; } = [];

    /// <summary>Script errors and Content-Security-Policy violations; failed requests the test provoked are not counted.</summary>
    public IReadOnlyList<string> ScriptProblems =>
        Problems.Where(p => p.StartsWith("page error", StringComparison.Ordinal) || p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>
    /// Fills the clerk's form with its example and returns once the fields hold it: the page asks for a preview of
    /// what it filled right after filling, so that preview's answer is the sign. (Waiting for the example's own
    /// answer, or for the network to go idle, raced the filling on a loaded machine: a click that followed could
    /// send the form still empty.)
    /// </summary>
    public static Task FillExampleAsync(IPage page) =>
        page.RunAndWaitForResponseAsync(() => page.ClickAsync("#fill-example"), r => r.Url.Contains("/preview?", StringComparison.Ordinal));

    public ValueTask DisposeAsync() => context.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
