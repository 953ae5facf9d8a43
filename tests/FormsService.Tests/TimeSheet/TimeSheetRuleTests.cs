using System.Text.Json.Nodes;
using FormsService.Tests.AkimatReports;
using FormsService.Tests.Support;
using static FormsService.Tests.AkimatReports.FormCheck;

namespace FormsService.Tests.TimeSheet;

/// <summary>Each rule of the time sheet on both sides of its limit, answered by the service with the path of the value.</summary>
public sealed class TimeSheetRuleTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Form = "time-sheet";
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A sheet of one person (the example's first, who has a job: 4 hours a day) with the given days.</summary>
    private Task<CheckAnswer> OnePerson(Action<JsonObject> person, string month = "2025-11", string compiled = "2025-11-28") =>
        _client.Validate(Form, p =>
        {
            p["month"] = month;
            p["compiledBy"]!["date"] = compiled;
            var first = p["persons"]![0]!.DeepClone().AsObject();
            person(first);
            p["persons"] = new JsonArray(first);
        });

    private static Action<JsonObject> Worker(bool job, bool student, params (int Day, int Hours)[] days) => person =>
    {
        person["hasPermanentJob"] = job;
        person["isStudent"] = student;
        person["sentenceHours"] = 600;
        person["hoursBefore"] = 0;
        person["days"] = Days(days);
    };

    [Fact]
    public async Task The_example_is_valid_without_warnings()
    {
        var answer = await _client.Validate(Form, Example(Form));
        answer.AssertValid();
        Assert.Empty(answer.Warnings);
    }

    [Fact]
    public async Task The_last_day_of_the_month_passes_and_the_day_after_fails()
    {
        (await OnePerson(Worker(true, false, (28, 4)), "2025-02", "2025-02-28")).AssertValid();
        (await OnePerson(Worker(true, false, (3, 4), (29, 4)), "2025-02", "2025-02-28")).AssertErrorAt("persons[0].days[1].day");
        (await OnePerson(Worker(true, false, (29, 4)), "2024-02", "2024-02-29")).AssertValid();
        (await OnePerson(Worker(true, false, (0, 4)), "2025-02", "2025-02-28")).AssertErrorAt("persons[0].days[0].day");
    }

    [Fact]
    public async Task A_day_listed_twice_is_refused_at_its_second_listing()
    {
        (await OnePerson(Worker(true, false, (3, 4), (4, 4)))).AssertValid();
        (await OnePerson(Worker(true, false, (3, 4), (4, 2), (3, 2)))).AssertErrorAt("persons[0].days[2].day");
    }

    [Theory]
    [InlineData(true, false, 4, true)]
    [InlineData(true, false, 5, false)]   // a job: at most 4
    [InlineData(false, true, 4, true)]
    [InlineData(false, true, 5, false)]   // a student: at most 4
    [InlineData(true, true, 5, false)]
    [InlineData(false, false, 8, true)]   // no job, no study: up to 8
    [InlineData(false, false, 9, false)]
    [InlineData(false, false, 0, false)]
    public async Task Hours_a_day_follow_rule_2_2(bool job, bool student, int hours, bool valid)
    {
        var answer = await OnePerson(Worker(job, student, (3, 2), (4, hours)));
        if (valid) answer.AssertValid();
        else answer.AssertErrorAt("persons[0].days[1].hours");
    }

    [Fact]
    public async Task Forty_hours_in_a_calendar_week_pass_and_forty_one_fail_at_the_day_that_crosses()
    {
        // Monday 3 – Friday 7 November 2025: 5 × 8 = 40.
        (await OnePerson(Worker(false, false, (3, 8), (4, 8), (5, 8), (6, 8), (7, 8)))).AssertValid();
        // One more hour on Saturday 8 November (same week) crosses 40; listed first, it is still the day that crosses.
        (await OnePerson(Worker(false, false, (8, 1), (3, 8), (4, 8), (5, 8), (6, 8), (7, 8)))).AssertErrorAt("persons[0].days[0].hours");
        // Tuesday 4 – Saturday 8 is 40 in one week; Monday 10 starts the next week (Monday to Sunday).
        (await OnePerson(Worker(false, false, (4, 8), (5, 8), (6, 8), (7, 8), (8, 8), (10, 8)))).AssertValid();
        (await OnePerson(Worker(false, false, (4, 8), (5, 8), (6, 8), (7, 8), (8, 8), (9, 8)))).AssertErrorAt("persons[0].days[5].hours");
    }

    [Fact]
    public async Task Hours_since_the_start_may_reach_the_sentence_but_not_pass_it()
    {
        static Action<JsonObject> Serving(int sentence, int before, params (int, int)[] days) => p =>
        {
            Worker(true, false, days)(p);
            p["sentenceHours"] = sentence;
            p["hoursBefore"] = before;
        };
        var reaches = await OnePerson(Serving(60, 52, (3, 4), (4, 4)));
        reaches.AssertValid();
        reaches.AssertWarning("sentence-completed", "persons[0]");
        (await OnePerson(Serving(60, 53, (3, 4), (4, 4)))).AssertErrorAt("persons[0].days");
        (await OnePerson(Serving(60, 60))).AssertValid();
        (await OnePerson(Serving(60, 61))).AssertErrorAt("persons[0].hoursBefore");
        var under = await OnePerson(Serving(60, 51, (3, 4), (4, 4)));
        Assert.DoesNotContain(under.Warnings, w => w.Code == "sentence-completed");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    [InlineData(0, false)]
    public async Task A_sheet_lists_one_to_two_hundred_persons(int count, bool valid)
    {
        var answer = await _client.Validate(Form, p =>
        {
            var first = p["persons"]![0]!;
            p["persons"] = new JsonArray(Enumerable.Range(0, count).Select(_ => first.DeepClone()).ToArray());
        });
        if (valid) answer.AssertValid();
        else answer.AssertErrorAt("persons");
    }

    [Fact]
    public async Task A_sheet_compiled_after_the_months_last_working_day_is_late_but_renders()
    {
        // The last working day of November 2025 is Friday 28 November.
        var onTime = await _client.Validate(Form, p => p["compiledBy"]!["date"] = "2025-11-28");
        Assert.DoesNotContain(onTime.Warnings, w => w.Code == "late-monthly-report");
        var late = await _client.Validate(Form, p => p["compiledBy"]!["date"] = "2025-12-01");
        late.AssertValid();
        late.AssertWarning("late-monthly-report", "compiledBy.date");
    }

    [Fact]
    public async Task A_sheet_is_not_compiled_before_its_month_nor_lists_a_day_after_it_was_compiled()
    {
        (await OnePerson(Worker(true, false, (1, 4)), compiled: "2025-11-01")).AssertValid();
        (await OnePerson(Worker(true, false), compiled: "2025-10-31")).AssertErrorAt("compiledBy.date");
        (await OnePerson(Worker(true, false, (3, 4), (27, 4)), compiled: "2025-11-26")).AssertErrorAt("persons[0].days[1].day");
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-1")]
    [InlineData("November")]
    public async Task The_month_is_YYYY_MM(string month)
    {
        (await _client.Validate(Form, p => p["month"] = month)).AssertErrorAt("month");
    }

    [Fact]
    public async Task Missing_person_fields_are_refused_at_their_paths()
    {
        (await _client.Validate(Form, p => p["persons"]![1]!["convict"]!.AsObject().Remove("surname"))).AssertErrorAt("persons[1].convict.surname");
        (await _client.Validate(Form, p => p["persons"]![1]!.AsObject().Remove("hasPermanentJob"))).AssertErrorAt("persons[1].hasPermanentJob");
        (await _client.Validate(Form, p => p["persons"]![2]!["sentenceHours"] = 0)).AssertErrorAt("persons[2].sentenceHours");
        (await _client.Validate(Form, p => p["persons"]![2]!["days"]![1]!.AsObject().Remove("hours"))).AssertErrorAt("persons[2].days[1].hours");
        (await _client.Validate(Form, p => p["persons"]![0] = null)).AssertErrorAt("persons[0]");
    }
}
