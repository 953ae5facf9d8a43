using System.Net;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.AkimatReports;

/// <summary>
/// The akimat's letters (the verdict-receipt notice, the conduct report, the evasion report) filled: no blank-form
/// caption under a printed value, an optional executor line at the foot; printed blank, every caption stays.
/// </summary>
public sealed class LetterFootTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> Letters => new()
    {
        { "verdict-receipt-notice", "pdf" }, { "conduct-report", "pdf" }, { "evasion-report", "pdf" },
        { "verdict-receipt-notice", "docx" }, { "conduct-report", "docx" }, { "evasion-report", "docx" },
    };

    private static readonly string[] Captions =
        ["(жергілікті атқарушы органның атауы)", "(пробация қызметінің атауы)", "(лауазымы)", "(қолы)", "(тегі, аты-жөні)"];

    private async Task<string> Render(string formId, string format, Action<JsonObject> change)
    {
        var payload = JsonNode.Parse(Repo.Example(formId))!.AsObject();
        change(payload);
        var response = await _client.PostJson($"/api/forms/{formId}/render?format={format}", payload.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return format == "pdf" ? DocumentText.Pdf(bytes) : DocumentText.Docx(bytes);
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public async Task A_filled_letter_prints_no_caption_under_its_values_and_the_executor_line_when_given(string formId, string format)
    {
        var text = await Render(formId, format, p => p["executor"] = new JsonObject { ["fullName"] = "Д. Ахметова", ["phone"] = "8 (727) 300-00-00" });
        foreach (var caption in Captions)
            Assert.DoesNotContain(caption, text);
        Assert.Contains("Орындаушы: Д. Ахметова, тел.: 8 (727) 300-00-00", text);
        Assert.Contains("Алматы қаласы Әуезов ауданының пробация қызметі", text);

        var noPhone = await Render(formId, format, p => p["executor"] = new JsonObject { ["fullName"] = "Д. Ахметова" });
        Assert.Contains("Орындаушы: Д. Ахметова", noPhone);
        Assert.DoesNotContain("тел.:", noPhone);
        var none = await Render(formId, format, _ => { });
        Assert.DoesNotContain("Орындаушы", none);
    }

    [Theory]
    [InlineData("verdict-receipt-notice")]
    [InlineData("conduct-report")]
    [InlineData("evasion-report")]
    public async Task The_blank_letter_keeps_its_captions(string formId)
    {
        var response = await _client.GetAsync($"/api/forms/{formId}/blank?format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        DocumentText.AssertContainsAll(DocumentText.Pdf(await response.Content.ReadAsByteArrayAsync()), Captions);
    }

    [Fact]
    public async Task An_executor_without_a_name_is_422_at_its_path()
    {
        var payload = JsonNode.Parse(Repo.Example("conduct-report"))!.AsObject();
        payload["executor"] = new JsonObject { ["phone"] = "8 (727) 300-00-00" };
        var response = await _client.PostJson("/api/forms/conduct-report/validate", payload.ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("executor.fullName", out _));
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public async Task The_notice_names_a_ruling_a_ruling_and_a_verdict_a_verdict(string format)
    {
        var ruling = await Render("verdict-receipt-notice", format, p => p["verdict"]!["kind"] = "ruling");
        DocumentText.AssertContainsAll(ruling,
            ["Сот қаулысын алғаны туралы", "сотының 2025 жылғы 14 қазандағы қаулысын 2025 жылғы 16 қазанда алғанын хабарлайды", "Қаулымен Сейтқалиев Нұрлан Ерболұлы"]);
        Assert.DoesNotContain("үкім", ruling, StringComparison.OrdinalIgnoreCase);

        var verdict = await Render("verdict-receipt-notice", format, _ => { });
        DocumentText.AssertContainsAll(verdict,
            ["Сот үкімін алғаны туралы", "сотының 2025 жылғы 14 қазандағы үкімін 2025 жылғы 16 қазанда алғанын хабарлайды", "Үкіммен Сейтқалиев Нұрлан Ерболұлы"]);
        Assert.DoesNotContain("қаулы", verdict, StringComparison.OrdinalIgnoreCase);
    }
}
