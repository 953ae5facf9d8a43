using FormsService.Tests.Support;
using Microsoft.Playwright;

namespace FormsService.Tests.Browser;

/// <summary>With API keys configured, the clerks' page asks for one, sends it, and works as before.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiKeyPageTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string Key = "clerk-key-7f3a";
    private readonly KestrelServiceFactory _service = new(new() { ["Auth:ApiKeys:0"] = Key });
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _address = _service.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task The_page_asks_for_the_key_and_then_downloads_a_filled_PDF()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = _address.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        // Without a key the API answers 401: the page says so and opens its settings at the key field.
        var status = page.Locator("#page-status");
        await status.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.False(string.IsNullOrWhiteSpace(await status.TextContentAsync()));
        Assert.True(await page.Locator("#settings").GetAttributeAsync("open") is not null, "The settings did not open.");

        await page.FillAsync("#api-key", Key);
        await page.ClickAsync("#api-key-save");
        await page.Locator("#form-picker option[value='referral-certificate']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#form-picker", "referral-certificate");
        await page.Locator(".field[data-path='convict.surname'] input").WaitForAsync();
        await page.ClickAsync("#fill-example");
        await page.WaitForFunctionAsync("() => document.querySelector(\".field[data-path='convict.surname'] input\").value !== ''");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"), new() { Timeout = 30_000 });
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Contains("Сейтқалиев", DocumentText.Pdf(bytes));
    }
}
