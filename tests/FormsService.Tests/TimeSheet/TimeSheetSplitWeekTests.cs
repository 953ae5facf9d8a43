using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;
using static FormsService.Tests.AkimatReports.FormCheck;

namespace FormsService.Tests.TimeSheet;

/// <summary>
/// A calendar week split between two monthly sheets is checked whole: the later month's sheet carries the previous
/// month's days of that week (<c>previousMonthDays</c>), and 40 hours a week holds over Monday to Sunday.
/// </summary>
public sealed class TimeSheetSplitWeekTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string ValidateUrl = "/api/forms/time-sheet/validate";
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>One person with no job who does not study (8 hours a day, 40 a week) in <paramref name="month"/>.</summary>
    private static string Sheet(string month, string compiled, (int Day, int Hours)[] days, (int Day, int Hours)[]? previous)
    {
        var p = Example("time-sheet");
        p["month"] = month;
        p["compiledBy"]!["date"] = compiled;
        var person = p["persons"]![0]!.DeepClone().AsObject();
        person["hasPermanentJob"] = false;
        person["isStudent"] = false;
        person["sentenceHours"] = 600;
        person["hoursBefore"] = 100;
        person["days"] = Days(days);
        if (previous is not null)
            person["previousMonthDays"] = Days(previous);
        p["persons"] = new JsonArray(person);
        return p.ToJsonString();
    }

    private async Task<JsonElement> Refused(string payload, string language)
    {
        var response = await _client.PostJson(ValidateUrl, payload, language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return await response.ProblemAsync();
    }

    private static readonly (int, int)[] OctoberWeekEnd = [(27, 8), (28, 8), (29, 8), (30, 8), (31, 8)];

    [Fact]
    public async Task Forty_eight_hours_over_27_October_to_2_November_are_refused_at_the_day_that_crosses_40()
    {
        // 40 h in October's part of the week, then Saturday 1 November: 48 h in the week of 27 Oct – 2 Nov 2025.
        var payload = Sheet("2025-11", "2025-11-28", [(1, 8), (3, 4)], OctoberWeekEnd);
        var kk = await Refused(payload, "kk");
        var errors = kk.GetProperty("errors");
        Assert.Equal(["persons[0].days[0].hours"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("hours-per-week", kk.GetProperty("codes").GetProperty("persons[0].days[0].hours")[0].GetString());
        Assert.Equal("27.10.2025–02.11.2025 аптасында 48 сағат: аптасына 40 сағаттан аспауы керек (Қағидалардың 2-тармағының 2) тармақшасы)",
            errors.GetProperty("persons[0].days[0].hours")[0].GetString());
        var ru = (await Refused(payload, "ru")).GetProperty("errors").GetProperty("persons[0].days[0].hours")[0].GetString();
        Assert.Equal("48 часов за неделю с 27.10.2025 по 02.11.2025: не более 40 часов в неделю (подпункт 2) пункта 2 Правил)", ru);
        var en = (await Refused(payload, "en")).GetProperty("errors").GetProperty("persons[0].days[0].hours")[0].GetString();
        Assert.Equal("48 hours in the week of 2025-10-27–2025-11-02: at most 40 hours a week (rule 2, subparagraph 2)).", en);
    }

    [Fact]
    public async Task Fifty_six_hours_over_New_Year_are_refused_on_3_January()
    {
        // 29–31 December 2025 (24 h) and 1–4 January 2026 (32 h): 56 h; the week passes 40 on Saturday 3 January.
        var payload = Sheet("2026-01", "2026-01-30", [(1, 8), (2, 8), (3, 8), (4, 8)], [(29, 8), (30, 8), (31, 8)]);
        var errors = (await Refused(payload, "en")).GetProperty("errors");
        Assert.Equal(["persons[0].days[2].hours"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("48 hours in the week of 2025-12-29–2026-01-04", errors.GetProperty("persons[0].days[2].hours")[0].GetString());
    }

    [Fact]
    public async Task The_same_week_within_the_limit_passes_and_the_previous_days_are_not_printed_or_counted()
    {
        var payload = Sheet("2025-11", "2025-11-28", [(1, 8), (3, 4)], [(27, 8), (28, 8), (29, 8), (30, 8)]);
        var response = await _client.PostJson(ValidateUrl, payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var pdf = await _client.PostJson("/api/forms/time-sheet/render?format=pdf", payload);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = DocumentText.Pdf(await pdf.Content.ReadAsByteArrayAsync());
        // The row: sentence 600, this month 12 (not 44), since the start 112, remaining 488.
        Assert.Contains("600 12 112 488", text);
    }

    [Fact]
    public async Task Without_the_previous_days_the_sheet_checks_its_own_days_as_before()
    {
        var response = await _client.PostJson(ValidateUrl, Sheet("2025-11", "2025-11-28", [(1, 8), (3, 4)], null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("2025-11", 26)]  // Sunday 26 October is in the week before
    [InlineData("2025-11", 32)]  // not a day of October
    [InlineData("2025-12", 30)]  // 1 December 2025 is a Monday: no day of November shares its week
    public async Task A_previous_day_outside_the_split_week_is_refused_at_its_path(string month, int day)
    {
        var compiled = month + "-26";
        var problem = await Refused(Sheet(month, compiled, [(3, 4)], [(day, 4)]), "kk");
        Assert.True(problem.GetProperty("errors").TryGetProperty("persons[0].previousMonthDays[0].day", out _), problem.ToString());
    }

    [Fact]
    public async Task The_schema_describes_the_previous_month_s_days()
    {
        var schema = JsonNode.Parse(await _client.GetStringAsync("/api/forms/time-sheet/versions/2025-733/schema"))!;
        var person = schema["properties"]!["persons"]!["items"]!;
        var previous = (person["properties"] ?? person["anyOf"]?[0]?["properties"])!["previousMonthDays"];
        Assert.NotNull(previous);
        Assert.Contains("calendar week", previous!["description"]!.GetValue<string>());
    }
}
