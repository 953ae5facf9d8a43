using System.Net;
using System.Text.Json;
using FormsService.Tests.Support;

namespace FormsService.Tests.Calendar;

/// <summary><c>GET /api/deadlines</c>: every deadline of rules 2, 2-1 and 12 from the day its document was received.</summary>
public sealed class DeadlinesEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<Dictionary<string, (string Due, bool Confirmed, string Basis)>> Deadlines(string query)
    {
        var response = await _client.GetAsync("/api/deadlines?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return json.GetProperty("deadlines").EnumerateArray().ToDictionary(
            d => d.GetProperty("id").GetString()!,
            d => (d.GetProperty("due").GetString()!, d.GetProperty("confirmed").GetBoolean(), d.GetProperty("basis").GetString()!));
    }

    [Fact]
    public async Task Rule_12_3_acquaintance_counts_five_working_days_from_the_order_received()
    {
        // Friday 24 October 2025: weekend, Monday 27 October a day off (Republic Day, 25 October, on a Saturday).
        var deadlines = await Deadlines("orderReceived=2025-10-24");
        var acquaintance = Assert.Single(deadlines);
        Assert.Equal("probation-acquaintance", acquaintance.Key);
        Assert.Equal("2025-11-03", acquaintance.Value.Due);
        Assert.True(acquaintance.Value.Confirmed);
        Assert.Contains("12-тармағының 3) тармақшасы", acquaintance.Value.Basis);
    }

    [Fact]
    public async Task Rule_12_5_preventive_talk_counts_five_working_days_from_the_time_sheet_received()
    {
        var deadlines = await Deadlines("timeSheetReceived=2025-10-31");
        var talk = Assert.Single(deadlines);
        Assert.Equal("probation-preventive-talk", talk.Key);
        Assert.Equal("2025-11-07", talk.Value.Due);
        Assert.Contains("12-тармағының 5) тармақшасы", talk.Value.Basis);
    }

    [Theory]
    [InlineData("2025-11", "2025-11-28")] // Sunday 30 November: Friday 28
    [InlineData("2025-12", "2025-12-31")] // Wednesday 31 December
    [InlineData("2026-05", "2026-05-29")] // Sunday 31 May; Saturday 30: Friday 29
    public async Task The_monthly_report_of_rule_2_1_2_is_due_on_the_month_s_last_working_day(string month, string due)
    {
        var report = Assert.Single(await Deadlines("month=" + month));
        Assert.Equal("akimat-monthly-report", report.Key);
        Assert.Equal(due, report.Value.Due);
        Assert.Contains("2-1-тармағының 2) тармақшасы", report.Value.Basis);
    }

    [Fact]
    public async Task The_akimat_and_the_probation_service_may_receive_the_verdict_on_different_days()
    {
        var deadlines = await Deadlines("akimatVerdictReceived=2025-10-16&probationVerdictReceived=2025-10-20");
        Assert.Equal("2025-10-23", deadlines["akimat-order"].Due);
        Assert.Equal("2025-10-23", deadlines["akimat-notification"].Due);
        Assert.Equal("2025-10-30", deadlines["probation-summons"].Due); // ten calendar days from the probation service's day

        var akimatOnly = await Deadlines("akimatVerdictReceived=2025-10-16");
        Assert.False(akimatOnly.ContainsKey("probation-summons"));
        var probationOnly = await Deadlines("probationVerdictReceived=2025-10-20");
        Assert.Equal(["probation-summons"], probationOnly.Keys);
    }

    [Fact]
    public async Task Every_date_at_once_gives_every_deadline_by_due_date()
    {
        var response = await _client.GetStringAsync(
            "/api/deadlines?verdictReceived=2025-10-16&orderReceived=2025-10-24&timeSheetReceived=2025-10-31&month=2025-11");
        var json = JsonDocument.Parse(response).RootElement;
        var ids = json.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(
            ["akimat-order", "akimat-notification", "probation-summons", "akimat-first-monthly-report", "probation-acquaintance",
             "probation-preventive-talk", "akimat-monthly-report"], ids);
        Assert.Equal("2025-11", json.GetProperty("month").GetString());
        Assert.Equal("2025-10-24", json.GetProperty("orderReceived").GetString());
    }

    [Theory]
    [InlineData("month=2025-13", "month")]
    [InlineData("month=November", "month")]
    [InlineData("orderReceived=2025-10-32", "orderReceived")]
    [InlineData("timeSheetReceived=1999-01-01", "timeSheetReceived")]
    [InlineData("akimatVerdictReceived=yesterday", "akimatVerdictReceived")]
    [InlineData("verdictReceived=2025-10-16&akimatVerdictReceived=2025-10-17", "verdictReceived")]
    public async Task A_bad_parameter_is_422_naming_it(string query, string parameter)
    {
        var response = await _client.GetAsync("/api/deadlines?" + query);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(parameter, out _));
    }
}
