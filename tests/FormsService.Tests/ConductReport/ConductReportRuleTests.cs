using System.Text.Json.Nodes;
using FormsService.Tests.AkimatReports;
using FormsService.Tests.Support;
using static FormsService.Tests.AkimatReports.FormCheck;

namespace FormsService.Tests.ConductReport;

/// <summary>The conduct report's rules on both sides of each limit.</summary>
public sealed class ConductReportRuleTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Form = "conduct-report";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_example_is_valid_without_warnings()
    {
        var answer = await _client.Validate(Form, Example(Form));
        answer.AssertValid();
        Assert.Empty(answer.Warnings);
    }

    [Fact]
    public async Task The_assessment_holds_up_to_two_thousand_characters()
    {
        (await _client.Validate(Form, p => p["assessment"] = new JsonArray(new string('а', 1000), new string('ә', 1000)))).AssertValid();
        (await _client.Validate(Form, p => p["assessment"] = new JsonArray(new string('а', 1000), new string('ә', 1001)))).AssertErrorAt("assessment");
        (await _client.Validate(Form, p => p["assessment"] = new JsonArray())).AssertErrorAt("assessment");
        (await _client.Validate(Form, p => p["assessment"] = new JsonArray("Жақсы", " "))).AssertErrorAt("assessment[1]");
    }

    [Fact]
    public async Task Breaches_may_be_none_and_lie_inside_the_month()
    {
        (await _client.Validate(Form, p => p["breaches"] = new JsonArray())).AssertValid();
        (await _client.Validate(Form, p => p["breaches"]![0]!["date"] = "2025-11-01")).AssertValid();
        (await _client.Validate(Form, p => p["breaches"]![0]!["date"] = "2025-10-31")).AssertErrorAt("breaches[0].date");
        (await _client.Validate(Form, p => p["breaches"]![0]!["date"] = "2025-11-29")).AssertErrorAt("breaches[0].date"); // after the report
        (await _client.Validate(Form, p => p["breaches"]![0]!["description"] = "")).AssertErrorAt("breaches[0].description");
    }

    [Fact]
    public async Task The_report_is_late_after_the_months_last_working_day_and_never_before_the_month()
    {
        (await _client.Validate(Form, p => p["outgoing"]!["date"] = "2025-12-01")).AssertWarning("late-monthly-report", "outgoing.date");
        (await _client.Validate(Form, p => { p["outgoing"]!["date"] = "2025-11-01"; p["breaches"] = new JsonArray(); })).AssertValid();
        (await _client.Validate(Form, p => { p["outgoing"]!["date"] = "2025-10-31"; p["breaches"] = new JsonArray(); })).AssertErrorAt("outgoing.date");
    }
}
