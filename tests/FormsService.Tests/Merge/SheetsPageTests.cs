using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FormsService.Tests.Browser;
using FormsService.Tests.Support;
using Microsoft.Playwright;

namespace FormsService.Tests.Merge;

/// <summary>The clerks' page, "from a spreadsheet": upload a CSV, see a bad row's problem, download the single PDF.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SheetsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_clerk_uploads_a_csv_sees_the_bad_row_and_downloads_one_pdf_of_the_good_ones()
    {
        var template = await fixture.Api.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/template.csv");
        var lines = template.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var good = lines[2];
        var csv = string.Join("\r\n", lines[0], lines[1], good, good.Replace("Сейтқалиев", "Бекова"), good.Replace(",120,", ",5000,"), good.Replace("Сейтқалиев", "Жұмаев")) + "\r\n";
        Assert.Contains(",5000,", csv);
        var file = Path.Combine(Tools.TempDir("sheets-page"), "clerk.csv");
        await File.WriteAllTextAsync(file, csv, new UTF8Encoding(true));

        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        var forms = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/forms");
        var title = forms.EnumerateArray().Single(f => f.GetProperty("formId").GetString() == "referral-certificate").GetProperty("title").GetString()!;
        await page.GotoAsync("/");
        await page.Locator("#form-picker option[value='referral-certificate']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#form-picker", new SelectOptionValue { Label = title });
        await page.Locator("#version-picker option").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.SetInputFilesAsync("#sheet-file", file);
        await page.ClickAsync("#sheet-check");
        var errors = page.Locator("#sheet-errors tbody tr");
        await errors.First.WaitForAsync();
        Assert.Equal(1, await errors.CountAsync());
        Assert.Equal("5", await errors.First.Locator("td").First.TextContentAsync()); // the file's line 5
        Assert.Equal("verdict.hours", await errors.First.Locator("td").Nth(1).TextContentAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#sheet-single"), new() { Timeout = 30_000 });
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var pages = DocumentText.PdfPages(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.Equal(3, pages.Count);
        Assert.Contains("Сейтқалиев", pages[0]);
        Assert.Contains("Бекова", pages[1]);
        Assert.Contains("Жұмаев", pages[2]);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#sheet-status")).ToContainTextAsync("5");
        Assert.Empty(browser.ScriptProblems);
    }
}
