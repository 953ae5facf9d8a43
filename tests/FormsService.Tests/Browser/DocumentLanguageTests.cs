using FormsService.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FormsService.Tests.Browser;

/// <summary>
/// The clerks' page's document-language choice, in Chromium: separate from the page's own language, offered as the
/// catalogue lists each version's languages, sent with the download, the blank and the preview, and shown disabled
/// on Kazakh for a form whose official Russian text the service does not have.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentLanguageTests(BrowserFixture fixture)
{
    private static async Task OpenAsync(IPage page, string formId, string pageLanguage)
    {
        await page.GotoAsync($"/#{formId}");
        await page.ClickAsync($"[data-lang='{pageLanguage}']");
        await page.Locator("#fields .field").First.WaitForAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", pageLanguage);
    }

    /// <summary>A Kazakh page downloads a Russian document: the two choices are apart.</summary>
    [Theory]
    [MemberData(nameof(Catalogue.FormsAndLanguages), MemberType = typeof(Catalogue))]
    public async Task The_chosen_document_language_is_what_the_download_the_blank_and_the_preview_are_in(string formId, string language)
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        await OpenAsync(page, formId, "kk");
        var picker = page.Locator("#document-language");
        var offered = Catalogue.Languages(formId);
        if (offered.Count < 2)
        {
            // A form without its official Russian text: Kazakh only, the choice disabled, the reason beside it.
            await Expect(picker).ToBeDisabledAsync();
            await Expect(picker).ToHaveValueAsync("kk");
            await Expect(page.Locator("#document-language-note")).ToBeVisibleAsync();
        }
        else
        {
            await Expect(picker).ToBeEnabledAsync();
            await Expect(page.Locator("#document-language-note")).ToBeHiddenAsync();
            await picker.SelectOptionAsync(language);
        }
        await BrowserPage.FillExampleAsync(page);

        var preview = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#refresh-preview"), r => r.Url.Contains("/preview?", StringComparison.Ordinal));
        Assert.Contains($"language={language}", preview.Url, StringComparison.Ordinal);
        Assert.Equal(200, preview.Status);
        Assert.Equal(language, await preview.HeaderValueAsync("content-language"));

        var download = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#download-pdf"), r => r.Url.Contains("/render?", StringComparison.Ordinal));
        Assert.Contains($"language={language}", download.Url, StringComparison.Ordinal);
        Assert.Equal(200, download.Status);
        Assert.Equal(language, await download.HeaderValueAsync("content-language"));

        var blank = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#download-blank"), r => r.Url.Contains("/blank?", StringComparison.Ordinal));
        Assert.Contains($"language={language}", blank.Url, StringComparison.Ordinal);
        Assert.Equal(200, blank.Status);

        // The page's own language stays the clerk's.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task Switching_the_page_s_language_leaves_the_document_language_and_a_form_without_it_falls_back_to_Kazakh()
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        await OpenAsync(page, "work-order", "kk");
        var picker = page.Locator("#document-language");
        await picker.SelectOptionAsync("ru");
        await page.ClickAsync("[data-lang='ru']");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(picker).ToHaveValueAsync("ru");
        await page.ClickAsync("[data-lang='kk']");
        await Expect(picker).ToHaveValueAsync("ru");

        // The referral has no Russian: Kazakh, disabled; back on the order, the clerk's Russian choice returns.
        await page.SelectOptionAsync("#form-picker", "referral-certificate");
        await Expect(picker).ToBeDisabledAsync();
        await Expect(picker).ToHaveValueAsync("kk");
        await page.SelectOptionAsync("#form-picker", "work-order");
        await Expect(picker).ToBeEnabledAsync();
        await Expect(picker).ToHaveValueAsync("ru");
        Assert.Empty(browser.ScriptProblems);
    }
}
