using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FormsService.Core.Engine.Payloads;
using FormsService.Tests.Support;

namespace FormsService.Tests.Merge;

/// <summary>
/// Text a spreadsheet program would run as a formula is refused in every text field, by JSON path (and by row in a
/// merge), worded for the reader; numbers, telephones and a lone dash are not formulas. errors.xlsx echoes what was
/// uploaded as text only: inline strings with a quote prefix, no formula, read back by LibreOffice as the text sent.
/// Every form's template, as downloaded, merges back.
/// </summary>
public sealed class FormulaCellTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Merge = "/api/forms/referral-certificate/merge";
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Formulas() =>
    [
        "=HYPERLINK(\"http://example.com\",\"Әбенов\")", "+1+1", "@SUM(A1:A2)", "-2+3+cmd|' /C calc'!A0", "=1", "-Әбенов", "+Әбенов",
    ];

    [Theory, MemberData(nameof(Formulas))]
    public async Task A_formula_like_surname_is_422_at_its_path_in_the_reader_s_language(string surname)
    {
        var payload = SheetFiles.With(JsonDocument.Parse(Repo.Example("referral-certificate")).RootElement, "convict.surname", surname);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render?format=pdf")
        {
            Content = new StringContent(payload.GetRawText(), Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["formula-like"], problem.GetProperty("codes").GetProperty("convict.surname").EnumerateArray().Select(c => c.GetString()));
        var message = problem.GetProperty("errors").GetProperty("convict.surname")[0].GetString()!;
        Assert.Contains("formula", message, StringComparison.Ordinal);
        Assert.Contains($"'{surname[0]}'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+7 (727) 300-00-00")]
    [InlineData("8 (727) 300-00-00")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("-5")]
    [InlineData(" =not a formula once a space is first")]
    [InlineData("Әбенов-Жұмаев")]
    public void Numbers_telephones_and_dashes_are_not_formulas_and_the_schema_agrees(string text)
    {
        Assert.False(TextGuard.FormulaLike(text), text);
        Assert.Matches(new Regex(TextPatterns.Printable), text);
    }

    [Theory, MemberData(nameof(Formulas))]
    public void The_schema_pattern_refuses_what_the_guard_refuses(string text)
    {
        Assert.True(TextGuard.FormulaLike(text), text);
        Assert.DoesNotMatch(new Regex(TextPatterns.Printable), text);
        Assert.DoesNotMatch(new Regex(TextPatterns.NotBlank), text);
    }

    [Fact]
    public async Task A_merged_row_with_a_formula_like_name_is_refused_by_row_and_path_and_never_echoed_in_the_report()
    {
        var template = await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/template.csv");
        var lines = template.TrimStart('\uFEFF').Split("\r\n");
        var paths = lines[1].Split(',');
        var surname = Array.IndexOf(paths, "convict.surname");
        var hostile = Fields(lines[2]);
        hostile[surname] = "=HYPERLINK(\"http://example.com\",\"x\")";
        var csv = string.Join("\r\n", lines[1], lines[2], string.Join(',', hostile.Select(Quote)), "");
        using var request = new HttpRequestMessage(HttpMethod.Post, Merge + "?output=report") { Content = SheetFiles.Content(Encoding.UTF8.GetBytes(csv), "text/csv") };
        request.Headers.AcceptLanguage.ParseAdd("ru");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([(2, 200), (3, 422)], items.Select(i => (i.GetProperty("row").GetInt32(), i.GetProperty("status").GetInt32())));
        Assert.Equal("formula-like", items[1].GetProperty("codes").GetProperty("convict.surname")[0].GetString());
        Assert.Contains("формул", items[1].GetProperty("errors").GetProperty("convict.surname")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_xlsx_echoes_a_formula_like_label_row_and_cells_as_text_only()
    {
        var template = await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/template.csv");
        var lines = template.TrimStart('\uFEFF').Split("\r\n");
        var paths = lines[1].Split(',');
        var labels = paths.Select((_, i) => i == 0 ? "=HYPERLINK(\"http://example.com\",\"label\")" : $"@label{i}").ToList();
        var bad = Fields(lines[2]);
        bad[Array.IndexOf(paths, "convict.surname")] = "=1+1";
        // A real workbook: the hostile label row, the path row, one bad row (the label and value as typed strings).
        // (SheetXml writes a cell starting with '=' as a formula: a space first, taken off after, keeps them strings.)
        IEnumerable<string> Typed(IEnumerable<string> row) => row.Select(c => c.Length > 0 ? " " + c : c);
        var file = SheetFiles.Workbook(SheetFiles.SheetXml([Typed(labels), Typed(paths), Typed(bad)]).Replace("<t> ", "<t>", StringComparison.Ordinal));
        var response = await _client.PostAsync(Merge, SheetFiles.Content(file, SheetFiles.XlsxType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = SheetFiles.Unzip(await response.Content.ReadAsByteArrayAsync())["errors.xlsx"];

        // In the package: no formula anywhere, every echoed cell an inline string with the quote-prefixed text style.
        using (var zip = new ZipArchive(new MemoryStream(errors)))
        {
            var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
            Assert.DoesNotContain("<x:f", sheet, StringComparison.Ordinal);
            Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
            var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd();
            Assert.Contains("quotePrefix=\"1\"", styles, StringComparison.Ordinal);
        }
        var cells = SheetFiles.Cells(errors);
        Assert.Equal(labels, cells[0].Skip(2));
        Assert.Contains("=1+1", cells[1]);

        // LibreOffice, opening it as a clerk would and saving it as CSV, has the text as uploaded, not a result.
        var csv = LibreOffice.SheetToCsv(errors);
        Assert.Contains("=HYPERLINK(\"\"http://example.com\"\",\"\"label\"\")", csv, StringComparison.Ordinal);
        Assert.Contains(",=1+1,", csv, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(MergeRoundTripTests.Versions), MemberType = typeof(MergeRoundTripTests))]
    public async Task Every_template_as_downloaded_merges_back_into_its_example(string formId, string version)
    {
        foreach (var (extension, media) in new[] { ("xlsx", SheetFiles.XlsxType), ("csv", "text/csv") })
        {
            var template = await _client.GetByteArrayAsync($"/api/forms/{formId}/versions/{version}/template.{extension}");
            var response = await _client.PostAsync($"/api/forms/{formId}/merge?version={version}&output=report", SheetFiles.Content(template, media));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{extension}: {(int)response.StatusCode} {body}");
            var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count == 1 && items[0].GetProperty("status").GetInt32() == 200, $"{extension}: {body}");
        }
    }

    private static List<string> Fields(string line)
    {
        var values = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { values.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        values.Add(field.ToString());
        return values;
    }

    private static string Quote(string field) => field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
