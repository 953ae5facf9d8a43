using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FormsService.Tests.Support;
using UglyToad.PdfPig;

namespace FormsService.Tests.Merge;

/// <summary>Template → filled with the Open XML SDK → merged: for every form of the catalogue, and for the referral certificate in depth.</summary>
public sealed class MergeRoundTripTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> Versions()
    {
        var data = new TheoryData<string, string>();
        using var engine = FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts);
        foreach (var form in engine.Catalog.Forms.OrderBy(f => f.FormId, StringComparer.Ordinal))
            foreach (var version in form.Versions)
                data.Add(form.FormId, version.Version);
        return data;
    }

    [Theory, MemberData(nameof(Versions))]
    public async Task The_template_is_a_valid_workbook_with_labels_paths_validation_and_the_example(string formId, string version)
    {
        var response = await _client.GetAsync($"/api/forms/{formId}/versions/{version}/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SheetFiles.XlsxType, response.MediaType()?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet!;
            Assert.NotEmpty(sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>());
        }
        var schema = JsonDocument.Parse(await _client.GetStringAsync($"/api/forms/{formId}/versions/{version}/schema")).RootElement;
        var cells = SheetFiles.Cells(bytes);
        var firstLeaf = schema.GetProperty("properties").EnumerateObject().First();
        var (path, label) = firstLeaf.Value.TryGetProperty("properties", out var children)
            ? ($"{firstLeaf.Name}.{children.EnumerateObject().First().Name}", children.EnumerateObject().First().Value.GetProperty("title").GetString())
            : (firstLeaf.Name, firstLeaf.Value.GetProperty("title").GetString());
        Assert.Equal(path, cells[1][0]);
        Assert.StartsWith(label!, cells[0][0], StringComparison.Ordinal);
        // Same input, same bytes: the template has an honest identity.
        Assert.Equal(bytes, await _client.GetByteArrayAsync($"/api/forms/{formId}/versions/{version}/template.xlsx"));
    }

    [Theory, MemberData(nameof(Versions))]
    public async Task A_filled_template_merges_into_one_document_per_row(string formId, string version)
    {
        var template = await _client.GetByteArrayAsync($"/api/forms/{formId}/versions/{version}/template.xlsx");
        var example = await Example(formId, version);
        var filled = SheetFiles.Fill(template, [example, example, example]);

        var response = await _client.PostAsync($"/api/forms/{formId}/merge?version={version}", SheetFiles.Multipart(filled, "filled.xlsx", SheetFiles.XlsxType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.MediaType()?.MediaType);
        var entries = SheetFiles.Unzip(await response.Content.ReadAsByteArrayAsync());
        var manifest = JsonDocument.Parse(entries["manifest.json"]).RootElement;
        Assert.Equal(3, manifest.GetProperty("rendered").GetInt32());
        var files = manifest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("file").GetString()!).ToList();
        Assert.Equal(3, files.Distinct().Count()); // the same person three times still gets three names
        Assert.Equal([3, 4, 5], manifest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("row").GetInt32()));
        foreach (var file in files)
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(entries[file], 0, 5));
        Assert.DoesNotContain("errors.xlsx", entries.Keys);
    }

    [Fact]
    public async Task The_single_pdf_has_every_row_in_order_each_from_a_new_page()
    {
        var template = await _client.GetByteArrayAsync("/api/forms/referral-certificate/versions/2025-733/template.xlsx");
        var example = await Example("referral-certificate", "2025-733");
        string[] surnames = ["Әбенов", "Бекова", "Жұмаев", "Қасымова", "Нұрланов"];
        var filled = SheetFiles.Fill(template, surnames.Select(s => SheetFiles.With(example, "convict.surname", s)).ToList());

        var response = await _client.PostAsync("/api/forms/referral-certificate/merge?output=single", SheetFiles.Content(filled, SheetFiles.XlsxType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.MediaType()?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pages = DocumentText.PdfPages(pdf);
        Assert.Equal(surnames.Length, pages.Count); // one page per document here: the form fits one page
        for (var i = 0; i < surnames.Length; i++)
            Assert.Contains(surnames[i], pages[i]);
        // Fonts subset once for the whole file: one embedded font program per face, not one per document.
        using var document = PdfDocument.Open(pdf);
        var fontFiles = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), "/FontFile2").Count;
        Assert.InRange(fontFiles, 1, 4);
    }

    [Fact]
    public async Task Bad_rows_are_named_in_errors_xlsx_with_their_json_paths_and_the_rest_still_render()
    {
        var template = await _client.GetByteArrayAsync("/api/forms/referral-certificate/versions/2025-733/template.xlsx");
        var example = await Example("referral-certificate", "2025-733");
        var filled = SheetFiles.Fill(template,
        [
            example,
            SheetFiles.With(example, "verdict.hours", 5000),
            SheetFiles.With(example, "convict.birthYear", "нөл"),
            SheetFiles.With(example, "convict.surname", "Бекова"),
        ]);
        var response = await _client.PostAsync("/api/forms/referral-certificate/merge", SheetFiles.Multipart(filled, "clerk.xlsx", SheetFiles.XlsxType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = SheetFiles.Unzip(await response.Content.ReadAsByteArrayAsync());
        var manifest = JsonDocument.Parse(entries["manifest.json"]).RootElement;
        Assert.Equal(2, manifest.GetProperty("rendered").GetInt32());
        Assert.Equal(2, manifest.GetProperty("failed").GetInt32());
        Assert.Equal(4, entries.Count); // two documents, errors.xlsx, manifest.json

        var errors = SheetFiles.Cells(entries["errors.xlsx"]);
        Assert.Equal(3, errors.Count); // header + the two bad rows
        Assert.Equal("4", errors[1][0]);
        Assert.Contains("verdict.hours", errors[1][1]);
        Assert.Contains("1–1200", errors[1][1]);
        Assert.Equal("5", errors[2][0]);
        Assert.Contains("convict.birthYear", errors[2][1]);
        Assert.Contains("Туған жылы", errors[2][1]);
        Assert.Contains("нөл", errors[2]); // the row as uploaded
    }

    [Fact]
    public async Task The_report_lists_every_row_without_rendering()
    {
        var template = await _client.GetByteArrayAsync("/api/forms/referral-certificate/versions/2025-733/template.xlsx");
        var response = await _client.PostAsync("/api/forms/referral-certificate/merge?output=report", SheetFiles.Content(template, SheetFiles.XlsxType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, report.GetProperty("rows").GetInt32()); // the template's own example row
        Assert.Equal("0003_Анықтама-жолдама_Сейтқалиев_2025-10-20.pdf", report.GetProperty("items")[0].GetProperty("file").GetString());
    }

    [Fact]
    public async Task A_docx_merge_gives_valid_word_documents()
    {
        var template = await _client.GetByteArrayAsync("/api/forms/work-order/versions/2025-733/template.xlsx");
        var response = await _client.PostAsync("/api/forms/work-order/merge?format=docx", SheetFiles.Content(template, SheetFiles.XlsxType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = SheetFiles.Unzip(await response.Content.ReadAsByteArrayAsync());
        var docx = entries.Single(e => e.Key.EndsWith(".docx", StringComparison.Ordinal)).Value;
        Assert.Empty(DocumentText.DocxErrors(docx));
        Assert.Contains("Сейтқалиев", DocumentText.Docx(docx));
    }

    private async Task<JsonElement> Example(string formId, string version)
    {
        var example = JsonDocument.Parse(await _client.GetStringAsync($"/api/forms/{formId}/versions/{version}/example")).RootElement.Clone();
        if (example.EnumerateObject().Any())
            return example;
        // An example of nothing but defaults (the vest) would be an empty row: give it one choice from its schema.
        var schema = JsonDocument.Parse(await _client.GetStringAsync($"/api/forms/{formId}/versions/{version}/schema")).RootElement;
        var choice = schema.GetProperty("properties").EnumerateObject().First(p => p.Value.TryGetProperty("enum", out _));
        return SheetFiles.With(example, choice.Name, choice.Value.GetProperty("enum")[0].GetString()!);
    }
}
