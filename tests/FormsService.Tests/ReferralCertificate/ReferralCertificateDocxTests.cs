using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FormsService.Tests.Support;
using static FormsService.Tests.ReferralCertificate.ReferralCertificateSamples;

namespace FormsService.Tests.ReferralCertificate;

public sealed class ReferralCertificateDocxTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<byte[]> RenderDocx(string payload)
    {
        var response = await _client.PostJson(RenderUrl + "?format=docx", payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.MediaType()?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_DOCX_is_valid_and_holds_the_official_text_and_every_value()
    {
        var docx = await RenderDocx(Example);
        var errors = DocumentText.DocxErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = DocumentText.Docx(docx);
        DocumentText.AssertContainsAll(text, OfficialPhrases);
        DocumentText.AssertContainsAll(text, FilledValues);
    }

    [Fact]
    public async Task The_DOCX_is_an_editable_Word_document_in_Times_New_Roman()
    {
        var docx = await RenderDocx(Example);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = word.MainDocumentPart!;
        var body = main.Document!.Body!;
        Assert.Empty(body.Descendants<TextBoxContent>());
        // Real paragraphs, one per paragraph of the form: the body sentence is one of them, not one per printed line.
        Assert.Single(body.Descendants<Paragraph>(), p => p.InnerText.Contains("баптарына сәйкес"));
        var fonts = main.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal("Times New Roman", fonts.Ascii?.Value);
        Assert.Equal("kk-KZ", main.StyleDefinitionsPart.Styles.DocDefaults.Descendants<Languages>().Single().Val?.Value);
        var page = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, page.Width!.Value, 2u);
        Assert.Equal(16838u, page.Height!.Value, 2u);
        // Blanks are tabs with underscore leaders, values underlined runs: what a clerk can type into.
        Assert.Contains(body.Descendants<TabStop>(), t => t.Leader?.Value == TabStopLeaderCharValues.Underscore);
        Assert.Contains(body.Descendants<Run>(), r => r.RunProperties?.Underline is not null && r.InnerText.Contains("Сейтқалиев"));
        // Lines of captioned blanks (the addressee, the signatures) are tables whose cells are ruled at the bottom.
        Assert.Contains(body.Descendants<TableCell>(), c => c.TableCellProperties?.TableCellBorders?.BottomBorder is not null && c.InnerText.Contains("Омаров"));
    }

    [Fact]
    public async Task Two_renders_give_the_same_bytes()
    {
        Assert.Equal(await RenderDocx(Example), await RenderDocx(Example));
    }

    [Fact]
    public async Task LibreOffice_opens_it_and_prints_the_same_text()
    {
        var pdf = LibreOffice.PrintToPdf(await RenderDocx(Example));
        // Read as a reader does, letters in order: PDF text extraction splits words where a word processor draws
        // a no-break space or hyphen as a piece of its own.
        var text = Docx.PrintedLines.Text(Docx.PrintedLines.Of(pdf));
        var missing = OfficialPhrases.Concat(["Сейтқалиев Нұрлан Ерболұлы, 1990 жылы туған", "Омаров Бауыржан Қайратұлы", "Алматы қаласы Әуезов аудандық № 2"])
            .Where(p => !text.Contains(Docx.PrintedLine.KeyOf(p), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(" | ", missing));
    }
}
