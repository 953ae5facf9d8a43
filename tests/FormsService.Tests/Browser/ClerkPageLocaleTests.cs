using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FormsService.Tests.Browser;

/// <summary>
/// The clerks' page under a browser set to English (en-US): nothing the clerk meets depends on the browser's
/// language. The file button and the "no file" words are the page's, dates are typed as дд.мм.гггг / кк.аа.жжжж
/// and sent as ISO, paragraphs are typed in boxes of several lines, in Russian the forms' names and legal basis are
/// translations marked as such, and the page opens on the catalogue's first form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkPageLocaleTests(BrowserFixture fixture)
{
    private const string English = "en-US";

    private static ILocator Input(IPage page, string path) => page.Locator($".field[data-path='{path}'] :is(input, select, textarea)");

    private async Task<BrowserPage> OpenAsync(string hash = "", string language = "kk")
    {
        var browser = await fixture.NewPageAsync(locale: English);
        var page = browser.Page;
        Assert.Equal("en-US", await page.EvaluateAsync<string>("() => navigator.language"));
        await page.GotoAsync("/" + hash);
        await page.Locator("#fields .field").First.WaitForAsync();
        if (language != "kk")
        {
            await page.ClickAsync($"[data-lang='{language}']");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        }
        return browser;
    }

    [Fact]
    public async Task The_spreadsheet_file_is_chosen_with_the_pages_own_button_and_words()
    {
        await using var browser = await OpenAsync();
        var page = browser.Page;
        var button = page.Locator("#sheet-file-button");
        await Expect(button).ToHaveTextAsync("Файлды таңдау");
        await Expect(page.Locator("#sheet-file-name")).ToHaveTextAsync("Файл таңдалмаған");
        // The browser's own control (its "Choose File" and "No file chosen") takes no room on the page.
        var native = await page.Locator("#sheet-file").BoundingBoxAsync();
        Assert.True(native is null || native.Width <= 1 && native.Height <= 1, $"the browser's file input shows: {native?.Width}×{native?.Height}");
        Assert.Equal("-1", await page.Locator("#sheet-file").GetAttributeAsync("tabindex"));

        var chooser = await page.RunAndWaitForFileChooserAsync(() => button.ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "кесте.csv", MimeType = "text/csv", Buffer = "a;b\n"u8.ToArray() });
        await Expect(page.Locator("#sheet-file-name")).ToHaveTextAsync("кесте.csv");

        await page.ClickAsync("[data-lang='ru']");
        await Expect(button).ToHaveTextAsync("Выбрать файл");
        await Expect(page.Locator("#sheet-file-name")).ToHaveTextAsync("кесте.csv");
        var name = await button.EvaluateAsync<string>("b => b.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent).join(' ')");
        Assert.Equal("Заполненный файл Выбрать файл кесте.csv", name);
        Assert.Empty(browser.ScriptProblems);
    }

    [Theory]
    [InlineData("kk", "кк.аа.жжжж", "Күнді кк.аа.жжжж түрінде жазыңыз")]
    [InlineData("ru", "дд.мм.гггг", "Введите дату в виде дд.мм.гггг")]
    public async Task Dates_are_typed_day_month_year_in_the_pages_words_and_sent_as_ISO(string language, string placeholder, string invalid)
    {
        await using var browser = await OpenAsync("#work-order", language);
        var page = browser.Page;
        await BrowserPage.FillExampleAsync(page);
        var example = JsonNode.Parse(Repo.Example("work-order"))!;
        var orderDate = example["order"]!["date"]!.GetValue<string>();

        var date = Input(page, "order.date");
        Assert.Equal("text", await date.GetAttributeAsync("type"));
        Assert.Equal(placeholder, await date.GetAttributeAsync("placeholder"));
        var shown = DateOnly.ParseExact(orderDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await Expect(date).ToHaveValueAsync(shown, new() { Timeout = 15_000 });
        // No date input of the browser's anywhere on the page.
        Assert.Equal(0, await page.Locator("input[type=date]").CountAsync());

        // Typed as the clerk writes it, sent as ISO.
        await date.FillAsync("");
        await date.PressSequentiallyAsync("3.11.2025");
        await date.BlurAsync();
        await Expect(date).ToHaveValueAsync("03.11.2025", new() { Timeout = 15_000 });
        var request = await page.RunAndWaitForRequestAsync(() => page.ClickAsync("#download-pdf"), r => r.Url.Contains("/render?", StringComparison.Ordinal));
        var sent = JsonNode.Parse(request.PostData!)!;
        Assert.Equal("2025-11-03", sent["order"]!["date"]!.GetValue<string>());
        Assert.Equal(example["verdict"]!["date"]!.GetValue<string>(), sent["verdict"]!["date"]!.GetValue<string>());

        // Not a date: said beside the field in the page's words, before anything is sent.
        await date.FillAsync("31.02.2025");
        await date.BlurAsync();
        var error = page.Locator(".field[data-path='order.date'] .field-error");
        await Expect(error).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(error).ToContainTextAsync(invalid, new() { Timeout = 15_000 });
        // Sent anyway (a download asked for), the service's refusal is shown in the same words, not as ISO.
        await page.ClickAsync("#download-pdf");
        await Expect(page.Locator("#form-status")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(error).ToContainTextAsync(invalid, new() { Timeout = 15_000 });
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task Paragraphs_are_typed_in_boxes_of_several_lines_and_sent_as_one_line()
    {
        await using var browser = await OpenAsync("#conduct-report");
        var page = browser.Page;
        await BrowserPage.FillExampleAsync(page);
        var schema = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/forms/conduct-report/versions/" + Catalogue.InForceVersion("conduct-report") + "/schema");
        var paragraph = schema.GetProperty("properties").GetProperty("assessment").GetProperty("items").GetProperty("maxLength").GetInt32();
        Assert.True(paragraph >= 1000, $"an assessment paragraph holds {paragraph} characters");

        var box = page.Locator(".field[data-path='assessment[0]'] textarea");
        await Expect(box).ToBeVisibleAsync();
        Assert.True(await box.EvaluateAsync<int>("t => t.rows") >= 3);
        // Every text field the schema allows 400 characters or more is a box of several lines; shorter ones are lines.
        var kinds = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#fields .field textarea')].map(t => t.closest('.field').dataset.path)");
        Assert.Contains("assessment[0]", kinds);
        Assert.Equal(0, await page.Locator(".field[data-path='convict.surname'] textarea").CountAsync());

        await box.FillAsync("Бірінші жол.\nЕкінші жол.");
        var request = await page.RunAndWaitForRequestAsync(() => page.ClickAsync("#download-pdf"), r => r.Url.Contains("/render?", StringComparison.Ordinal));
        Assert.Equal("Бірінші жол. Екінші жол.", JsonNode.Parse(request.PostData!)!["assessment"]![0]!.GetValue<string>());
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task In_Russian_the_forms_names_and_legal_basis_are_translations_marked_as_such()
    {
        var forms = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/forms");
        var translations = await fixture.Api.GetFromJsonAsync<JsonElement>("/app/translations.json");
        await using var browser = await OpenAsync("", "ru");
        var page = browser.Page;

        var options = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#form-picker option')].map(o => o.value + '|' + o.textContent)");
        Assert.Equal(forms.GetArrayLength(), options.Length);
        foreach (var form in forms.EnumerateArray())
        {
            var formId = form.GetProperty("formId").GetString()!;
            var version = Catalogue.InForceVersion(formId);
            var ru = translations.GetProperty(formId).GetProperty(version).GetProperty("ru");
            Assert.Contains($"{formId}|{ru.GetProperty("title").GetString()}", options);
            Assert.NotEqual(form.GetProperty("title").GetString(), ru.GetProperty("title").GetString());
        }

        var first = forms[0].GetProperty("formId").GetString()!;
        var firstRu = translations.GetProperty(first).GetProperty(Catalogue.InForceVersion(first)).GetProperty("ru");
        var meta = page.Locator("#form-meta");
        await Expect(meta).ToContainTextAsync(firstRu.GetProperty("legalBasis").GetProperty("act").GetString()!);
        await Expect(meta).ToContainTextAsync(firstRu.GetProperty("legalBasis").GetProperty("appendix").GetString()!);
        // Each translated text says so, and the note says the law's text is Kazakh; the official (Kazakh) name is shown.
        Assert.True(await meta.Locator(".translated .translated-mark").CountAsync() >= 2);
        await Expect(meta.Locator(".translated-mark").First).ToHaveTextAsync(" (перевод)");
        await Expect(page.Locator("#translated-note")).ToHaveTextAsync("Перевод: текст приказа — на казахском языке.");
        await Expect(meta).ToContainTextAsync(forms[0].GetProperty("title").GetString()!);
        Assert.Equal("kk", await meta.Locator("[lang=kk]").First.GetAttributeAsync("lang"));

        // In Kazakh the law's own words, nothing marked.
        await page.ClickAsync("[data-lang='kk']");
        await Expect(page.Locator($"#form-picker option[value='{first}']")).ToHaveTextAsync(forms[0].GetProperty("title").GetString()!);
        Assert.Equal(0, await meta.Locator(".translated").CountAsync());
        await Expect(page.Locator("#translated-note")).ToBeHiddenAsync();
        Assert.Empty(browser.ScriptProblems);
    }

    [Fact]
    public async Task The_page_opens_on_the_first_form_of_the_catalogue_which_is_in_the_definitions_order()
    {
        var forms = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/forms");
        var order = forms.EnumerateArray().Select(f => f.GetProperty("formId").GetString()!).ToList();
        // The catalogue's order is the definitions' catalogueOrder (read here from the files), not the ids' order.
        var expected = Catalogue.FormIds
            .OrderBy(id => Catalogue.Definition(id)["catalogueOrder"]?.GetValue<int>() ?? int.MaxValue)
            .ThenBy(id => id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, order);

        await using var browser = await OpenAsync();
        await Expect(browser.Page.Locator("#form-picker")).ToHaveValueAsync(order[0]);
        Assert.Equal(order, await browser.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#form-picker option')].map(o => o.value)"));
    }
}
