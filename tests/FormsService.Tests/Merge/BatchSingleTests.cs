using System.Net;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.Merge;

/// <summary>"Print all" for the JSON batch: <c>output=single</c> gives one PDF of every item in order, or 422 by item path.</summary>
public sealed class BatchSingleTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Items_of_different_forms_print_as_one_pdf_in_order()
    {
        var referral = JsonNode.Parse(await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/example"))!;
        var order = JsonNode.Parse(await _client.GetStringAsync("/api/forms/work-order/versions/2025-733/example"))!;
        var second = referral.DeepClone();
        second["convict"]!["surname"] = "Бекова";
        var body = new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["formId"] = "referral-certificate", ["payload"] = referral.DeepClone() },
                new JsonObject { ["formId"] = "work-order", ["format"] = "pdf", ["payload"] = order },
                new JsonObject { ["formId"] = "referral-certificate", ["payload"] = second }),
        };
        var response = await _client.PostJson("/api/render/batch?output=single&pdfa=2b", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.MediaType()?.MediaType);
        var pages = DocumentText.PdfPages(await response.Content.ReadAsByteArrayAsync());
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.Contains("Сейтқалиев", pages[0]);
        Assert.Contains("Бекова", pages[^1]);
        Assert.Contains(pages.Skip(1).Take(pages.Count - 2), p => p.Contains("өкім", StringComparison.OrdinalIgnoreCase) || p.Contains("ӨКІМ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_item_makes_the_print_run_422_by_its_path()
    {
        var referral = JsonNode.Parse(await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/example"))!;
        var bad = referral.DeepClone();
        bad["verdict"]!["hours"] = 5000;
        var body = new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["formId"] = "referral-certificate", ["payload"] = referral },
                new JsonObject { ["formId"] = "referral-certificate", ["payload"] = bad },
                new JsonObject { ["formId"] = "referral-certificate", ["format"] = "docx", ["payload"] = new JsonObject() }),
        };
        var response = await _client.PostJson("/api/render/batch?output=single", body.ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[1].verdict.hours", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("items[2].format", out _), errors.ToString());
    }
}
