using System.Net;
using FormsService.Tests.Support;
using UglyToad.PdfPig;

namespace FormsService.Tests.AkimatReports;

/// <summary>Each of the akimat's five documents as an editable Word document: valid, real tables, every value, printed alike.</summary>
public sealed class AkimatDocxTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<byte[]> Render(string formId, string format)
    {
        var response = await _client.PostJson($"/api/forms/{formId}/render?format={format}", Repo.Example(formId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [MemberData(nameof(AkimatDocuments.Forms), MemberType = typeof(AkimatDocuments))]
    public async Task The_DOCX_is_valid_and_holds_every_value(string formId)
    {
        var docx = await Render(formId, "docx");
        Assert.Empty(DocumentText.DocxErrors(docx));
        var text = DocumentText.Docx(docx);
        // The DOCX's text runs cell by cell, so phrases that span cells are checked word by word.
        // Dates are checked in the PDF (the DOCX spaces their quotes differently); page numbers are Word fields here.
        AkimatDocuments.AssertWordsOf(text, AkimatDocuments.Expected[formId].Where(p => !p.Contains('"') && !p.Contains("-бет")));
        AkimatDocuments.AssertWordsOf(text, AkimatDocuments.CellTexts[formId]);
    }

    [Theory]
    [InlineData("time-sheet")]
    [InlineData("work-act")]
    [InlineData("evasion-report")]
    public async Task Tables_are_Word_tables_with_the_header_row_marked_to_repeat(string formId)
    {
        var xml = DocumentXml(await Render(formId, "docx"));
        Assert.Contains("<w:tblHeader/>", xml);
        Assert.Contains("<w:tblGrid>", xml);
    }

    [Fact]
    public async Task The_breaches_of_a_conduct_report_are_a_Word_table()
    {
        var xml = DocumentXml(await Render("conduct-report", "docx"));
        var table = xml.IndexOf("Бұзушылықтың сипаттамасы", StringComparison.Ordinal);
        Assert.True(table > 0 && xml.LastIndexOf("<w:tbl>", table, StringComparison.Ordinal) > 0);
    }

    [Fact]
    public async Task LibreOffice_prints_each_document_on_as_many_pages_as_the_PDF()
    {
        var docs = new List<byte[]>();
        var pages = new List<int>();
        foreach (var formId in AkimatDocuments.FormIds)
        {
            docs.Add(await Render(formId, "docx"));
            using var pdf = PdfDocument.Open(await Render(formId, "pdf"));
            pages.Add(pdf.NumberOfPages);
        }
        var printed = LibreOffice.PrintToPdf(docs).Select(p => { using var d = PdfDocument.Open(p); return d.NumberOfPages; }).ToList();
        Assert.Equal(pages, printed);
    }

    private static string DocumentXml(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }
}
