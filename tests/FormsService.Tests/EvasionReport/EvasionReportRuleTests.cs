using System.Text.Json.Nodes;
using FormsService.Tests.AkimatReports;
using FormsService.Tests.Support;
using static FormsService.Tests.AkimatReports.FormCheck;

namespace FormsService.Tests.EvasionReport;

/// <summary>The evasion report's rules on both sides of each limit; the law sets it no deadline, so no warning.</summary>
public sealed class EvasionReportRuleTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Form = "evasion-report";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_example_is_valid_and_no_date_makes_it_late()
    {
        (await _client.Validate(Form, Example(Form))).AssertValid();
        var muchLater = await _client.Validate(Form, p => p["outgoing"]!["date"] = "2026-06-30");
        muchLater.AssertValid();
        Assert.Empty(muchLater.Warnings);
    }

    [Fact]
    public async Task At_least_one_fact()
    {
        (await _client.Validate(Form, p => p["facts"] = new JsonArray(p["facts"]![0]!.DeepClone()))).AssertValid();
        (await _client.Validate(Form, p => p["facts"] = new JsonArray())).AssertErrorAt("facts");
        (await _client.Validate(Form, p => p.Remove("facts"))).AssertErrorAt("facts");
    }

    [Theory]
    [InlineData("absent", true)]
    [InlineData("refused", true)]
    [InlineData("left", true)]
    [InlineData("late", false)]
    [InlineData("Absent", false)]
    public async Task A_fact_is_of_a_known_kind(string kind, bool valid)
    {
        var answer = await _client.Validate(Form, p => p["facts"]![1]!["kind"] = kind);
        if (valid) answer.AssertValid();
        else answer.AssertErrorAt("facts[1].kind");
    }

    [Fact]
    public async Task Other_needs_a_description()
    {
        (await _client.Validate(Form, p => { p["facts"]![0]!["kind"] = "other"; p["facts"]![0]!["description"] = "Жұмысқа мас күйде келді"; })).AssertValid();
        (await _client.Validate(Form, p => p["facts"]![0]!["kind"] = "other")).AssertErrorAt("facts[0].description");
    }

    [Fact]
    public async Task Facts_lie_between_the_order_and_the_report()
    {
        (await _client.Validate(Form, p => p["facts"]![0]!["date"] = "2025-10-21")).AssertValid();
        (await _client.Validate(Form, p => p["facts"]![0]!["date"] = "2025-10-20")).AssertErrorAt("facts[0].date");
        (await _client.Validate(Form, p => p["facts"]![2]!["date"] = "2025-12-05")).AssertValid();
        (await _client.Validate(Form, p => p["facts"]![2]!["date"] = "2025-12-06")).AssertErrorAt("facts[2].date");
        (await _client.Validate(Form, p => p["outgoing"]!["date"] = "2025-10-20")).AssertErrorAt("outgoing.date");
    }

    [Fact]
    public async Task The_explanation_is_optional_and_at_most_two_thousand_characters()
    {
        (await _client.Validate(Form, p => p.Remove("explanation"))).AssertValid();
        (await _client.Validate(Form, p => p["explanation"] = new string('а', 2000))).AssertValid();
        (await _client.Validate(Form, p => p["explanation"] = new string('а', 2001))).AssertErrorAt("explanation");
    }
}
