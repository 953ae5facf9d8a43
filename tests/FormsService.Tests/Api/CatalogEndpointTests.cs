using System.Net;
using System.Text.Json;
using FormsService.Tests.Support;
using static FormsService.Tests.ReferralCertificate.ReferralCertificateSamples;

namespace FormsService.Tests.Api;

public sealed class CatalogEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_forms_are_listed_with_their_versions()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/api/forms")).RootElement;
        var form = json.EnumerateArray().Single(f => f.GetProperty("formId").GetString() == "referral-certificate");
        var version = form.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetString() == "2025-733");
        Assert.Equal("2025-733", version.GetProperty("version").GetString());
        Assert.Equal("2025-10-14", version.GetProperty("effectiveFrom").GetString());
        Assert.Contains("733", version.GetProperty("legalBasis").GetProperty("act").GetString());
    }

    [Fact]
    public async Task One_form_is_shown_and_an_unknown_one_is_404()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/forms/referral-certificate")).StatusCode);
        var missing = await _client.GetAsync("/api/forms/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await missing.ProblemAsync();
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public async Task The_blank_form_prints_without_values(string format)
    {
        var response = await _client.GetAsync($"/api/forms/referral-certificate/blank?format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = format == "pdf" ? DocumentText.Pdf(bytes) : DocumentText.Docx(bytes);
        DocumentText.AssertContainsAll(text, OfficialPhrases);
        Assert.DoesNotContain("Сейтқалиев", text);
        Assert.Contains("20 жылғы", text);
        if (format == "docx")
            Assert.Empty(DocumentText.DocxErrors(bytes));
    }

    [Fact]
    public async Task The_response_names_the_version_and_a_readable_file()
    {
        var response = await _client.PostJson(RenderUrl + "?format=pdf", Example);
        Assert.Equal("2025-733", response.Headers.GetValues("X-Form-Version").Single());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Анықтама-жолдама_Сейтқалиев_2025-10-20.pdf", disposition.FileNameStar);
        Assert.Matches("^\"?[ -~]+\\.pdf\"?$", disposition.FileName!);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_answers(string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(url)).StatusCode);
    }
}
