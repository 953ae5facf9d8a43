using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormsService.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FormsService.Tests.Browser;

/// <summary>
/// The clerks' page speaks the clerk's language (ҚАЗ or РУС) and nothing else: labels, help texts, the names of
/// fixed values, problems (asked for in the page's language and shown beside their fields), the warnings of a
/// download, a stale preview, and a monthly report's due date.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ClerkLanguageTests(BrowserFixture fixture)
{
    /// <summary>Latin words a Kazakh or Russian page may hold: format and product names.</summary>
    private static readonly HashSet<string> AllowedLatin = new(StringComparer.Ordinal)
    {
        "FormsService", "PDF", "DOCX", "XLSX", "CSV", "ZIP", "API", "PNG", "SVG", "A", "b", "FS", "dpi",
    };

    private static ILocator Input(IPage page, string path) => page.Locator($".field[data-path='{path}'] :is(input, select, textarea)");

    private async Task<BrowserPage> OpenAsync(string formId, string language)
    {
        var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync($"/#{formId}");
        await page.ClickAsync($"[data-lang='{language}']");
        await page.Locator("#fields .field").First.WaitForAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        return browser;
    }

    /// <summary>Every word the page shows or names (text, labels for assistive technology, titles, options).</summary>
    private static Task<string> VisibleWordsAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const parts = [document.body.innerText, document.title];
          for (const e of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]'))
            parts.push(e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? '', e.getAttribute('alt') ?? '', e.getAttribute('placeholder') ?? '');
          for (const o of document.querySelectorAll('option')) parts.push(o.textContent);
          return parts.join('\n');
        }
        """);

    public static TheoryData<string, string> FormsAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var formId in Catalogue.FormIds)
                foreach (var language in new[] { "kk", "ru" })
                    data.Add(formId, language);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FormsAndLanguages))]
    public async Task Every_form_filled_with_its_example_shows_no_english(string formId, string language)
    {
        await using var browser = await OpenAsync(formId, language);
        var page = browser.Page;
        await BrowserPage.FillExampleAsync(page);

        Assert.Contains(language == "ru" ? "Заполнение документов" : "Құжаттарды толтыру", await page.TitleAsync());
        var text = await VisibleWordsAsync(page);
        var english = LatinWord().Matches(text).Select(m => m.Value).Where(w => !AllowedLatin.Contains(w)).Distinct().ToList();
        Assert.True(english.Count == 0, $"{formId} in {language} shows Latin-script words: {string.Join(", ", english)}");
        // Every field has its help text, in the page's language.
        var fields = await page.Locator("#fields .field").CountAsync();
        var helps = await page.Locator("#fields .field > p.help:not([hidden])").CountAsync();
        Assert.True(fields > 0 && helps == fields, $"{formId}: {helps} help texts for {fields} fields");
        // …and the words are the ones labels.json gives for that language.
        var schema = JsonNode.Parse(await fixture.Api.GetStringAsync($"/api/forms/{formId}/versions/{Catalogue.InForceVersion(formId)}/schema"))!.AsObject();
        var first = page.Locator("#fields .field").First;
        var path = (await first.GetAttributeAsync("data-path"))!;
        Assert.Equal(Node(schema, path)["x-labels"]!["help"]![language]!.GetValue<string>(), await first.Locator("p.help").TextContentAsync());
        Assert.Empty(browser.ScriptProblems);
    }

    [Theory]
    [MemberData(nameof(FormsAndLanguages))]
    public async Task Fields_with_fixed_values_are_selects_with_named_options(string formId, string language)
    {
        var schema = JsonNode.Parse(await fixture.Api.GetStringAsync($"/api/forms/{formId}/versions/{Catalogue.InForceVersion(formId)}/schema"))!.AsObject();
        await using var browser = await OpenAsync(formId, language);
        var page = browser.Page;
        await BrowserPage.FillExampleAsync(page);
        foreach (var (path, node) in FixedValueFields(schema, ""))
        {
            var pagePath = path.Replace("[]", "[0]", StringComparison.Ordinal);
            var select = page.Locator($".field[data-path='{pagePath}'] select");
            await Expect(select).ToHaveCountAsync(1);
            var named = node["x-labels"]!["options"]!.AsObject();
            var expected = named.Select(o => o.Value![language]!.GetValue<string>()).ToArray();
            var shown = await select.Locator("option:not([value=''])").AllTextContentsAsync();
            Assert.Equal(expected, shown);
        }
        Assert.Empty(browser.ScriptProblems);
    }

    /// <summary>Fields with an <c>enum</c>, or whose values are named in <c>x-labels.options</c> (list items' kinds).</summary>
    private static IEnumerable<(string Path, JsonObject Node)> FixedValueFields(JsonObject node, string path)
    {
        foreach (var (name, child) in node["properties"]?.AsObject() ?? [])
        {
            if (child is not JsonObject property) continue;
            var at = path.Length == 0 ? name : $"{path}.{name}";
            if (property["enum"] is not null || property["x-labels"]?["options"] is not null)
            {
                Assert.True(property["x-labels"]?["options"] is JsonObject, $"{at} has fixed values but no names for them");
                yield return (at, property);
            }
            foreach (var inner in FixedValueFields(property, at)) yield return inner;
            if (property["items"] is JsonObject items)
                foreach (var inner in FixedValueFields(items, at + "[]")) yield return inner;
        }
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task A_refused_submit_shows_each_message_beside_its_field_in_the_page_language_and_a_short_summary(string language)
    {
        var payload = JsonNode.Parse(Repo.Example("referral-certificate"))!;
        payload["verdict"]!["hours"] = 0;
        payload["convict"]!["surname"] = new string('Б', 101);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render?format=pdf")
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        using var answer = await fixture.Api.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        var errors = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        await using var browser = await OpenAsync("referral-certificate", language);
        var page = browser.Page;
        await BrowserPage.FillExampleAsync(page);
        await Input(page, "verdict.hours").FillAsync("0");
        await page.EvaluateAsync("() => { const i = document.querySelector(\".field[data-path='convict.surname'] input\"); i.removeAttribute('maxlength'); }");
        await Input(page, "convict.surname").FillAsync(new string('Б', 101));
        await page.ClickAsync("#download-pdf");

        foreach (var path in new[] { "verdict.hours", "convict.surname" })
            await Expect(page.Locator($".field[data-path='{path}'] .field-error"))
                .ToHaveTextAsync(string.Join(' ', errors.GetProperty(path).EnumerateArray().Select(m => m.GetString())));
        var summary = page.Locator("#form-status");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync(language == "ru" ? "Документ не подготовлен" : "Құжат дайындалмады");
        await Expect(summary).ToContainTextAsync("2");
        var text = await VisibleWordsAsync(page);
        Assert.DoesNotContain("errors", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("See ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("payload", text, StringComparison.OrdinalIgnoreCase);
        // A refused payload leaves the last good preview marked as out of date.
        await Expect(page.Locator("#preview-stale")).ToBeVisibleAsync();
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task Switching_the_language_words_the_shown_problems_again()
    {
        await using var browser = await OpenAsync("referral-certificate", "kk");
        var page = browser.Page;
        await BrowserPage.FillExampleAsync(page);
        await Input(page, "verdict.hours").FillAsync("0");
        await page.ClickAsync("#download-pdf");
        var error = page.Locator(".field[data-path='verdict.hours'] .field-error");
        await Expect(error).ToHaveTextAsync("1–1200 аралығында болуы керек");

        await page.ClickAsync("[data-lang='ru']");
        await Expect(error).ToHaveTextAsync("Должно быть от 1 до 1200");
        await Expect(page.Locator("#form-status")).ToContainTextAsync("Документ не подготовлен");
        Assert.Empty(browser.ScriptProblems);
    }

    [Theory]
    [InlineData("kk", "Өкім мерзімінен кеш шығарылған")]
    [InlineData("ru", "Распоряжение просрочено")]
    public async Task A_late_work_order_downloads_with_its_warning_in_the_page_language(string language, string warning)
    {
        await using var browser = await OpenAsync("work-order", language);
        var page = browser.Page;
        await BrowserPage.FillExampleAsync(page);
        await Input(page, "order.date").FillAsync("2025-11-20");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"), new() { Timeout = 30_000 });
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var status = page.Locator("#download-status");
        await Expect(status).ToHaveAttributeAsync("data-kind", "warn");
        await Expect(status).ToContainTextAsync(warning);
        await Expect(status).ToContainTextAsync(download.SuggestedFilename);
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task The_preview_says_it_is_out_of_date_after_an_edit_until_it_is_refreshed()
    {
        await using var browser = await OpenAsync("referral-certificate", "kk");
        var page = browser.Page;
        await BrowserPage.FillExampleAsync(page);
        await Expect(page.Locator("#preview-image")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#preview-stale")).ToBeHiddenAsync();

        await Input(page, "convict.name").PressSequentiallyAsync("а");
        await Expect(page.Locator("#preview-stale")).ToBeVisibleAsync();
        await Expect(page.Locator("#preview-stale")).ToContainTextAsync("Көрініс ескірді");

        await page.ClickAsync("#refresh-preview");
        await Expect(page.Locator("#preview-stale")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.Empty(browser.ScriptProblems);
    }

    [Theory]
    [InlineData("time-sheet", "2025-11")]
    [InlineData("work-act", "2026-02")]
    [InlineData("conduct-report", "2025-12")]
    public async Task A_monthly_report_shows_the_due_date_beside_its_month(string formId, string month)
    {
        var answer = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/deadlines?month={month}");
        var due = answer.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "akimat-monthly-report")
            .GetProperty("due").GetString()!;
        var shown = DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

        await using var browser = await OpenAsync(formId, "ru");
        var page = browser.Page;
        await BrowserPage.FillExampleAsync(page);
        await Input(page, "month").FillAsync(month);
        var note = page.Locator(".field[data-path='month'] .due-date");
        await Expect(note).ToBeVisibleAsync();
        await Expect(note).ToContainTextAsync(shown);
        await Expect(note).ToContainTextAsync("последний рабочий день месяца");
        await page.ClickAsync("[data-lang='kk']");
        await Expect(note).ToContainTextAsync("айдың соңғы жұмыс күні");
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task The_work_order_s_deadlines_are_in_the_page_language()
    {
        await using var browser = await OpenAsync("work-order", "ru");
        var page = browser.Page;
        await BrowserPage.FillExampleAsync(page);
        var order = page.Locator("#deadlines-table tbody tr[data-id='akimat-order']");
        await Expect(order).ToContainTextAsync("Местный исполнительный орган");
        await Expect(order).ToContainTextAsync("Издать распоряжение об организации выполнения общественных работ");
        await Expect(order).ToContainTextAsync("Подпункт 2) пункта 2");
        await Expect(order).ToContainTextAsync("23.10.2025");

        await page.ClickAsync("[data-lang='kk']");
        await Expect(order).ToContainTextAsync("Қоғамдық жұмыстарды орындауды ұйымдастыру туралы өкім шығару");
        await Expect(order).ToContainTextAsync("Жергілікті атқарушы орган");
        Assert.Empty(browser.ScriptProblems);
    }

    [Theory]
    [InlineData("ru", "Столбец «Жалақы» не является полем формы", "Должно быть от 1 до 1200")]
    [InlineData("kk", "«Жалақы» бағаны нысанның ешбір өрісі емес", "1–1200 аралығында болуы керек")]
    public async Task A_spreadsheet_s_problems_are_in_the_page_language(string language, string header, string row)
    {
        await using var browser = await OpenAsync("referral-certificate", language);
        var page = browser.Page;
        var status = page.Locator("#sheet-status");

        await page.SetInputFilesAsync("#sheet-file", new FilePayload
        {
            Name = "list.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("convict.surname,Жалақы\r\nӘбенов,100\r\n"),
        });
        await page.ClickAsync("#sheet-check");
        await Expect(status).ToContainTextAsync(header);
        await Expect(status).ToContainTextAsync("B1");

        await page.SetInputFilesAsync("#sheet-file", new FilePayload
        {
            Name = "list.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("convict.surname,verdict.hours\r\nӘбенов,5000\r\n"),
        });
        await page.ClickAsync("#sheet-check");
        await Expect(page.Locator("#sheet-errors")).ToContainTextAsync(row);
        Assert.DoesNotContain(" / ", await page.Locator("#sheet-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(browser.ScriptProblems);
    }

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex LatinWord();

    /// <summary>The schema of a page path (<c>persons[0].days[1].hours</c>).</summary>
    private static JsonObject Node(JsonObject schema, string path)
    {
        var node = schema;
        foreach (var segment in path.Split('.'))
        {
            var name = IndexSuffix().Replace(segment, "");
            node = node["properties"]![name]!.AsObject();
            for (var i = 0; i < IndexSuffix().Matches(segment).Count; i++)
                node = node["items"]!.AsObject();
        }
        return node;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex IndexSuffix();
}
