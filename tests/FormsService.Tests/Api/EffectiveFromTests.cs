using System.Net;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.Api;

/// <summary>
/// The forms of order No. 733 are in force from 14 October 2025 (docs/decisions/effective-from.md): each version says
/// where that date comes from, and a document asked for as of the day before finds no version in force.
/// </summary>
public sealed class EffectiveFromTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Every_form_is_in_force_from_14_October_2025_and_names_its_source()
    {
        var forms = JsonNode.Parse(await _client.GetStringAsync("/api/forms"))!.AsArray();
        Assert.Equal(8, forms.Count);
        foreach (var form in forms)
        {
            var id = form!["formId"]!.GetValue<string>();
            var detail = JsonNode.Parse(await _client.GetStringAsync($"/api/forms/{id}/versions/2025-733"))!;
            Assert.Equal("2025-10-14", detail["effectiveFrom"]!.GetValue<string>());
            var source = detail["effectiveFromSource"]!.GetValue<string>();
            Assert.Contains("egemen.kz, 9 Oct 2025", source);
            Assert.Contains("not from the official publication", source);
        }
        Assert.True(File.Exists(Path.Combine(Repo.Root, "docs", "decisions", "effective-from.md")));
    }

    [Theory]
    [InlineData("2025-10-13", HttpStatusCode.NotFound)]
    [InlineData("2025-10-14", HttpStatusCode.OK)]
    public async Task A_document_as_of_the_day_before_finds_no_version_in_force(string asOf, HttpStatusCode status)
    {
        var response = await _client.PostJson($"/api/forms/referral-certificate/render?format=pdf&asOf={asOf}", Repo.Example("referral-certificate"), "ru");
        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.NotFound)
            Assert.Contains("На 13.10.2025 у формы «referral-certificate» нет действующей версии", await response.Content.ReadAsStringAsync());
    }
}
