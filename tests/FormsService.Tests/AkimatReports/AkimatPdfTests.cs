using System.Net;
using FormsService.Tests.Support;

namespace FormsService.Tests.AkimatReports;

/// <summary>Each of the akimat's five documents, rendered from its example to PDF and read back with PdfPig.</summary>
public sealed class AkimatPdfTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<byte[]> Pdf(string formId)
    {
        var response = await _client.PostJson($"/api/forms/{formId}/render?format=pdf", Repo.Example(formId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [MemberData(nameof(AkimatDocuments.Forms), MemberType = typeof(AkimatDocuments))]
    public async Task The_PDF_prints_every_value_and_computed_total_on_one_page(string formId)
    {
        var pages = DocumentText.PdfPages(await Pdf(formId));
        Assert.Single(pages);
        DocumentText.AssertContainsAll(pages[0], AkimatDocuments.Expected[formId]);
        AkimatDocuments.AssertWordsOf(pages[0], AkimatDocuments.CellTexts[formId]);
    }

    [Theory]
    [MemberData(nameof(AkimatDocuments.Forms), MemberType = typeof(AkimatDocuments))]
    public async Task The_definition_says_no_official_template_exists(string formId)
    {
        var detail = await _client.GetStringAsync($"/api/forms/{formId}/versions/2025-733");
        Assert.Contains("Ресми үлгісі жоқ", detail);
        Assert.Contains("no official template", detail);
    }

    [Theory]
    [MemberData(nameof(AkimatDocuments.Forms), MemberType = typeof(AkimatDocuments))]
    public async Task The_form_prints_blank_to_be_filled_by_hand(string formId)
    {
        var response = await _client.GetAsync($"/api/forms/{formId}/blank?format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = DocumentText.Pdf(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("20", text);
        Assert.DoesNotContain("Сейтқалиев", text);
    }

    [Fact]
    public async Task A_conduct_report_without_breaches_says_so_and_prints_no_empty_table()
    {
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Repo.Example("conduct-report"))!;
        payload["breaches"] = new System.Text.Json.Nodes.JsonArray();
        var response = await _client.PostJson("/api/forms/conduct-report/render?format=pdf", payload.ToJsonString());
        var text = DocumentText.Pdf(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Есептік айда еңбек тәртібін және жазаны өтеу тәртібін бұзу фактілері болған жоқ.", text);
        Assert.DoesNotContain("Бұзушылықтың сипаттамасы", text);
        var withBreach = DocumentText.Pdf(await Pdf("conduct-report"));
        Assert.DoesNotContain("болған жоқ", withBreach);
        Assert.Contains("Бұзушылықтың сипаттамасы", withBreach);
    }

    [Fact]
    public async Task An_evasion_report_without_an_explanation_says_none_was_given()
    {
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Repo.Example("evasion-report"))!.AsObject();
        payload.Remove("explanation");
        var response = await _client.PostJson("/api/forms/evasion-report/render?format=pdf", payload.ToJsonString());
        Assert.Contains("Сотталғанның түсініктемесі: Сотталған түсініктеме берген жоқ.", DocumentText.Pdf(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_row_that_completes_the_sentence_says_so_in_the_row()
    {
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Repo.Example("time-sheet"))!;
        payload["persons"]![2]!["hoursBefore"] = 44;
        var response = await _client.PostJson("/api/forms/time-sheet/render?format=pdf", payload.ToJsonString());
        Assert.Contains("sentence-completed persons[2]", response.Headers.GetValues("X-Form-Warnings").Single());
        var text = DocumentText.Pdf(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("3 Омаров Тимур — Жаза толық өтелді", text);
        Assert.Contains("60 16 60 0", text);
    }
}
