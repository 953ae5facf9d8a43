using System.Text.Json.Nodes;
using FormsService.Tests.AkimatReports;
using FormsService.Tests.Support;
using static FormsService.Tests.AkimatReports.FormCheck;

namespace FormsService.Tests.WorkAct;

/// <summary>The act's rules on both sides of each limit: its period, the works inside it, the time sheet's limits.</summary>
public sealed class WorkActRuleTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Form = "work-act";
    private readonly HttpClient _client = factory.CreateClient();

    private static JsonArray Works(params (string Date, int Hours)[] works) =>
        new(works.Select(w => (JsonNode)new JsonObject { ["date"] = w.Date, ["description"] = "Аумақты тазалау", ["hours"] = w.Hours }).ToArray());

    private Task<CheckAnswer> With(bool job, bool student, params (string, int)[] works) => _client.Validate(Form, p =>
    {
        p["convict"]!["hasPermanentJob"] = job;
        p["convict"]!["isStudent"] = student;
        p["works"] = Works(works);
    });

    [Fact]
    public async Task The_example_is_valid_without_warnings()
    {
        var answer = await _client.Validate(Form, Example(Form));
        answer.AssertValid();
        Assert.Empty(answer.Warnings);
    }

    [Fact]
    public async Task Works_lie_inside_the_period()
    {
        (await With(true, false, ("2025-11-01", 4), ("2025-11-28", 4))).AssertValid();
        (await With(true, false, ("2025-11-03", 4), ("2025-10-31", 4))).AssertErrorAt("works[1].date");
        var period = await _client.Validate(Form, p => { p["from"] = "2025-11-10"; p["to"] = "2025-11-20"; p["works"] = Works(("2025-11-10", 4), ("2025-11-20", 4)); });
        period.AssertValid();
        (await _client.Validate(Form, p => { p["from"] = "2025-11-10"; p["works"] = Works(("2025-11-07", 4)); })).AssertErrorAt("works[0].date");
        (await _client.Validate(Form, p => { p["to"] = "2025-11-20"; p["works"] = Works(("2025-11-21", 4)); })).AssertErrorAt("works[0].date");
    }

    [Fact]
    public async Task The_period_is_inside_one_month_and_in_order()
    {
        (await _client.Validate(Form, p => p["from"] = "2025-10-31")).AssertErrorAt("from");
        (await _client.Validate(Form, p => p["to"] = "2025-12-01")).AssertErrorAt("to");
        (await _client.Validate(Form, p => { p["from"] = "2025-11-20"; p["to"] = "2025-11-19"; })).AssertErrorAt("to");
    }

    [Fact]
    public async Task No_work_is_dated_after_the_act()
    {
        (await _client.Validate(Form, p => p["act"]!["date"] = "2025-11-28")).AssertValid();
        (await _client.Validate(Form, p => p["act"]!["date"] = "2025-11-27")).AssertErrorAt("works[11].date");
    }

    [Theory]
    [InlineData(true, false, 4, true)]
    [InlineData(true, false, 5, false)]
    [InlineData(false, true, 5, false)]
    [InlineData(false, false, 8, true)]
    [InlineData(false, false, 9, false)]
    public async Task Hours_a_day_follow_rule_2_2(bool job, bool student, int hours, bool valid)
    {
        var answer = await With(job, student, ("2025-11-03", hours));
        if (valid) answer.AssertValid();
        else answer.AssertErrorAt("works[0].hours");
    }

    [Fact]
    public async Task Two_works_on_one_day_count_together()
    {
        (await With(true, false, ("2025-11-03", 2), ("2025-11-03", 2))).AssertValid();
        (await With(true, false, ("2025-11-03", 2), ("2025-11-03", 3))).AssertErrorAt("works[1].hours");
    }

    [Fact]
    public async Task Forty_hours_a_week_pass_and_forty_one_fail()
    {
        (await With(false, false, ("2025-11-03", 8), ("2025-11-04", 8), ("2025-11-05", 8), ("2025-11-06", 8), ("2025-11-07", 8))).AssertValid();
        (await With(false, false, ("2025-11-03", 8), ("2025-11-04", 8), ("2025-11-05", 8), ("2025-11-06", 8), ("2025-11-07", 8), ("2025-11-09", 1)))
            .AssertErrorAt("works[5].hours");
        (await With(false, false, ("2025-11-03", 8), ("2025-11-04", 8), ("2025-11-05", 8), ("2025-11-06", 8), ("2025-11-07", 8), ("2025-11-10", 8)))
            .AssertValid();
    }

    [Fact]
    public async Task An_act_after_the_months_last_working_day_is_late_but_renders()
    {
        var late = await _client.Validate(Form, p => p["act"]!["date"] = "2025-12-01");
        late.AssertValid();
        late.AssertWarning("late-monthly-report", "act.date");
    }

    [Fact]
    public async Task An_act_lists_one_to_a_hundred_works()
    {
        // One hour each, four a day from 1 November: 100 works end on 25 November, 101 on 26 November.
        static (string, int)[] Hours(int n) => [.. Enumerable.Range(0, n).Select(i => ($"2025-11-{i / 4 + 1:00}", 1))];
        (await With(true, false, Hours(100))).AssertValid();
        (await With(true, false, Hours(101))).AssertErrorAt("works");
        (await _client.Validate(Form, p => p["works"] = new JsonArray())).AssertErrorAt("works");
        (await _client.Validate(Form, p => p.Remove("akimatOfficial"))).AssertErrorAt("akimatOfficial");
        (await _client.Validate(Form, p => p["works"]![2]!["description"] = "")).AssertErrorAt("works[2].description");
    }
}
