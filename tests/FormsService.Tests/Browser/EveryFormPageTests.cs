using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FormsService.Tests.Browser;

/// <summary>
/// Every form of the catalogue on the clerks' page, as a clerk uses it: pick the form, fill it with its example,
/// preview it, download each document format the form offers (PDF, DOCX): no problem is shown anywhere, and each
/// download is the document asked for.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryFormPageTests(BrowserFixture fixture)
{
    [Theory]
    [MemberData(nameof(Catalogue.Forms), MemberType = typeof(Catalogue))]
    public async Task A_clerk_fills_every_form_from_its_example_previews_it_and_downloads_it(string formId)
    {
        var formats = Catalogue.Formats(formId).Where(f => f is "pdf" or "docx").ToList();
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        var response = await page.GotoAsync($"/#{formId}");
        Assert.Equal(200, response!.Status);
        await page.Locator("#fields .field").First.WaitForAsync();
        await Expect(page.Locator("#form-picker")).ToHaveValueAsync(formId);

        var example = JsonNode.Parse(Repo.Example(formId))!;
        await page.ClickAsync("#fill-example");
        // An example that sets nothing (the vest's: every parameter has a default) leaves the form as it is.
        if (FirstTextOrNull(example, "") is var (path, value))
            await Expect(page.Locator($".field[data-path='{path}'] :is(input, textarea, select)")).ToHaveValueAsync(value);

        await page.ClickAsync("#refresh-preview");
        await Expect(page.Locator("#preview-image")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await AssertNoProblemShownAsync(page, $"{formId} preview");

        foreach (var format in formats)
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"#download-{format}"), new() { Timeout = 30_000 });
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
            Assert.EndsWith($".{format}", download.SuggestedFilename);
            Assert.Equal(format == "pdf" ? "%PDF-" : "PK\u0003\u0004", System.Text.Encoding.Latin1.GetString(bytes, 0, format == "pdf" ? 5 : 4));
            await AssertNoProblemShownAsync(page, $"{formId} {format}");
        }
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task Without_a_form_in_the_address_the_first_form_of_the_catalogue_is_selected()
    {
        var forms = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/forms");
        var first = forms.EnumerateArray().First().GetProperty("formId").GetString()!;
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.Locator("#fields .field").First.WaitForAsync();
        await Expect(page.Locator("#form-picker")).ToHaveValueAsync(first);
        Assert.Equal(first, await page.EvaluateAsync<string>("() => document.getElementById('form-picker').selectedOptions[0].value"));
    }

    /// <summary>Neither a field's error, nor the form's, page's or download's status shows a problem.</summary>
    private static async Task AssertNoProblemShownAsync(IPage page, string when)
    {
        var shown = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.field-error:not([hidden]), .status[data-kind=error]:not([hidden])')]" +
            ".map(e => (e.closest('[data-path]')?.dataset.path ?? e.id) + ': ' + e.textContent.trim())");
        Assert.True(shown.Length == 0, $"{when}: the page shows a problem: {string.Join(" | ", shown)}");
    }

    /// <summary>The example's first text (not a date) or number outside lists, with its path (what the filled page must show).</summary>
    private static (string Path, string Value) FirstText(JsonNode node, string path)
    {
        foreach (var (name, child) in node.AsObject())
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            if (child is JsonValue v && v.GetValueKind() == JsonValueKind.String && !DateOnly.TryParse(v.GetValue<string>(), out _))
                return (childPath, v.GetValue<string>());
            if (child is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
                return (childPath, n.ToJsonString());
            if (child is JsonObject && FirstTextOrNull(child, childPath) is { } found)
                return found;
        }
        throw new InvalidOperationException("the example has no text");
    }

    private static (string, string)? FirstTextOrNull(JsonNode node, string path)
    {
        try { return FirstText(node, path); } catch (InvalidOperationException) { return null; }
    }
}
