using System.Net;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace FormsService.Tests.Browser;

/// <summary>The designers' page asks for problems in its own language and shows them beside their controls.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerLanguageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("ru", "10 мм вне допустимых пределов")]
    [InlineData("kk", "10 мм рұқсат етілген шектен тыс")]
    public async Task A_refused_parameter_is_told_in_the_page_language(string language, string start)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/forms/vest-specimen/preview?format=png&dpi=96&stripeWidthMm=10");
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var answer = await fixture.Api.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        var expected = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement
            .GetProperty("errors").GetProperty("stripeWidthMm")[0].GetString()!;
        Assert.StartsWith(start, expected, StringComparison.Ordinal);

        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync("/designer");
        await page.ClickAsync($"[data-lang='{language}']");
        await page.Locator("#vest-preview").WaitForAsync();
        await page.FillAsync("#stripeWidthMm", "10");

        await Expect(page.Locator("#err-stripeWidthMm")).ToHaveTextAsync(expected);
        Assert.Empty(browser.ScriptProblems);
    }
}
