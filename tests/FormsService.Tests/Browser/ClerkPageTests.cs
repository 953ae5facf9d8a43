using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FormsService.Tests.Browser;

/// <summary>
/// The clerks' page at <c>/</c>, driven in Chromium. Needs: static files (<c>/</c>), the version's
/// <c>schema</c> and <c>example</c> endpoints, <c>render</c>; (c) also the work-order form and <c>/api/deadlines</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkPageTests(BrowserFixture fixture)
{
    private const string Referral = "referral-certificate";
    private const string WorkOrder = "work-order";

    private static ILocator Input(IPage page, string path) => page.Locator($".field[data-path='{path}'] :is(input, select, textarea)");

    private static ILocator ErrorBeside(IPage page, string path) => page.Locator($".field[data-path='{path}'] .field-error");

    /// <summary>Opens the page and picks the form by its Kazakh title, as a clerk does.</summary>
    private async Task ChooseFormAsync(IPage page, string formId, string waitForPath)
    {
        var forms = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/forms");
        var title = forms.EnumerateArray().Single(f => f.GetProperty("formId").GetString() == formId).GetProperty("title").GetString()!;
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        await page.Locator($"#form-picker option[value='{formId}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#form-picker", new SelectOptionValue { Label = title });
        // The form is built from the version's JSON Schema: either its fields appear or the page says why not.
        var field = Input(page, waitForPath);
        await field.Or(page.Locator("#form-status:not([hidden]), #page-status:not([hidden])")).First.WaitForAsync();
        if (!await field.IsVisibleAsync())
            Assert.Fail($"The {formId} form was not built: {await page.Locator("#page-status").TextContentAsync()} {await page.Locator("#form-status").TextContentAsync()}");
    }

    private static async Task FillWithExampleAsync(IPage page, string probePath)
    {
        await page.ClickAsync("#fill-example");
        await page.WaitForFunctionAsync(
            "(path) => { const i = document.querySelector(`.field[data-path='${path}'] input`); const s = document.getElementById('form-status'); return (i && i.value !== '') || !s.hidden; }",
            probePath);
        if (await Input(page, probePath).InputValueAsync() == "")
            Assert.Fail("The example was not loaded: " + await page.Locator("#form-status").TextContentAsync());
    }

    [Fact]
    public async Task A_clerk_fills_the_referral_with_the_example_changes_the_surname_and_the_PDF_carries_it()
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        await ChooseFormAsync(page, Referral, "convict.surname");
        await FillWithExampleAsync(page, "convict.surname");

        const string surname = "Құрманғазиев";
        await Input(page, "convict.surname").FillAsync(surname);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"), new() { Timeout = 30_000 });
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        // The name comes from the response's Content-Disposition filename*, which names the surname.
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        Assert.Contains(surname, download.SuggestedFilename);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
            Assert.True(words.Any(w => w.Contains(surname, StringComparison.Ordinal)),
                $"'{surname}' is not in the PDF: {string.Join(' ', words)}");
            Assert.DoesNotContain(words, w => w.Contains("Сейтқалиев", StringComparison.Ordinal)); // the example's surname is gone
        }
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task A_value_that_breaks_a_rule_shows_the_problems_message_beside_its_field()
    {
        // What the API says about zero hours: the page must show these words, beside the hours field.
        var payload = JsonNode.Parse(Repo.Example(Referral))!;
        payload["verdict"]!["hours"] = 0;
        using var apiResponse = await fixture.Api.PostAsync($"/api/forms/{Referral}/render?format=pdf",
            new StringContent(payload.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, apiResponse.StatusCode);
        var problem = JsonDocument.Parse(await apiResponse.Content.ReadAsStringAsync()).RootElement;
        var expected = string.Join(' ', problem.GetProperty("errors").GetProperty("verdict.hours").EnumerateArray().Select(m => m.GetString()));

        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        await ChooseFormAsync(page, Referral, "verdict.hours");
        await FillWithExampleAsync(page, "verdict.hours");
        await Input(page, "verdict.hours").FillAsync("0");
        await page.ClickAsync("#download-pdf");

        await Expect(ErrorBeside(page, "verdict.hours")).ToBeVisibleAsync();
        await Expect(ErrorBeside(page, "verdict.hours")).ToHaveTextAsync(expected);
        await Expect(Input(page, "verdict.hours")).ToHaveAttributeAsync("aria-invalid", "true");
        // Only the broken field is marked.
        await Expect(page.Locator(".field.invalid")).ToHaveCountAsync(1);
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task The_work_order_shows_the_deadlines_computed_from_the_day_the_verdict_was_received()
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        await ChooseFormAsync(page, WorkOrder, "verdict.receivedDate");
        await FillWithExampleAsync(page, "verdict.receivedDate");
        await Expect(page.Locator("#deadlines")).ToBeVisibleAsync();

        // The day is shown as the clerk writes it (dd.mm.yyyy) and asked for as ISO.
        var received = System.Text.Json.Nodes.JsonNode.Parse(Repo.Example("work-order"))!["verdict"]!["receivedDate"]!.GetValue<string>();
        await Expect(Input(page, "verdict.receivedDate")).ToHaveValueAsync(
            DateOnly.ParseExact(received, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await ExpectDeadlinesAsync(page, received);

        // Changing the day recomputes them.
        await Input(page, "verdict.receivedDate").FillAsync("26.12.2025");
        await ExpectDeadlinesAsync(page, "2025-12-26");
        Assert.Empty(browser.ScriptProblems);
    }

    /// <summary>
    /// The page learns from the API, not from form ids, whether a form links to the designers' page (the version's
    /// <c>hasArtwork</c>) and shows the order's deadlines (a schema field marked <c>x-deadlines</c>).
    /// </summary>
    [Theory]
    [MemberData(nameof(Catalogue.Forms), MemberType = typeof(Catalogue))]
    public async Task The_page_shows_the_designer_link_and_the_deadlines_as_the_API_describes_the_form(string formId)
    {
        var version = Catalogue.InForceVersion(formId);
        var detail = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/forms/{formId}/versions/{version}");
        var schema = await fixture.Api.GetStringAsync($"/api/forms/{formId}/versions/{version}/schema");
        var hasDeadlines = schema.Contains("\"x-deadlines\": true", StringComparison.Ordinal);

        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        await ChooseFormAsync(page, formId, FirstLeaf(JsonDocument.Parse(schema).RootElement, ""));

        var link = page.Locator("#designer-link");
        if (detail.GetProperty("hasArtwork").GetBoolean())
        {
            await Expect(link).ToBeVisibleAsync();
            await Expect(link.Locator("a")).ToHaveAttributeAsync("href", $"/designer#{formId}");
        }
        else
            await Expect(link).ToBeHiddenAsync();
        if (hasDeadlines)
            await Expect(page.Locator("#deadlines")).ToBeVisibleAsync();
        else
            await Expect(page.Locator("#deadlines")).ToBeHiddenAsync();
        Assert.Empty(browser.ScriptProblems);
    }

    /// <summary>The path of the schema's first field that is not an object (what the page builds an input for).</summary>
    private static string FirstLeaf(JsonElement node, string path)
    {
        if (!node.TryGetProperty("properties", out var properties))
            return path;
        var first = properties.EnumerateObject().First();
        return FirstLeaf(first.Value, path.Length == 0 ? first.Name : $"{path}.{first.Name}");
    }

    private async Task ExpectDeadlinesAsync(IPage page, string verdictReceived)
    {
        var answer = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/deadlines?verdictReceived={verdictReceived}");
        var deadlines = answer.GetProperty("deadlines").EnumerateArray().ToList();
        Assert.NotEmpty(deadlines);
        var rows = page.Locator("#deadlines-table tbody tr");
        await Expect(rows).ToHaveCountAsync(deadlines.Count);
        for (var i = 0; i < deadlines.Count; i++)
        {
            var due = DateOnly.ParseExact(deadlines[i].GetProperty("due").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            await Expect(rows.Nth(i).Locator("td.due")).ToHaveTextAsync(due.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
            await Expect(rows.Nth(i)).ToContainTextAsync(deadlines[i].GetProperty("what").GetString()!);
        }
    }

    [Fact]
    public async Task The_clerks_page_fits_a_390px_phone_in_one_column()
    {
        await using var browser = await fixture.NewPageAsync(390, 844);
        var page = browser.Page;
        await ChooseFormAsync(page, Referral, "convict.surname");
        await FillWithExampleAsync(page, "convict.surname");
        await Expect(page.Locator("#preview-image")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The page scrolls sideways: scrollWidth {scrollWidth} px at a 390 px viewport.");

        // One column: the preview sits under the form, not beside it.
        var form = (await page.Locator(".form-panel").BoundingBoxAsync())!;
        var preview = (await page.Locator(".preview-panel").BoundingBoxAsync())!;
        Assert.True(preview.Y >= form.Y + form.Height - 1, $"The preview ({preview.Y}) is not below the form ({form.Y}+{form.Height}).");
        Assert.True(form.X + form.Width <= 390 && preview.X + preview.Width <= 390);
        Assert.Empty(browser.ScriptProblems);
    }
}
