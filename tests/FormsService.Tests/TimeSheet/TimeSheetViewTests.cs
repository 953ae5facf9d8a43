using System.Text.Json;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.TimeSheet;
using FormsService.Tests.Calendar;
using FormsService.Tests.Support;

namespace FormsService.Tests.TimeSheet;

/// <summary>The values the sheet computes (never typed in): the month's days off from the calendar and every total.</summary>
public sealed class TimeSheetViewTests
{
    private static TimeSheetView ExampleView() =>
        TimeSheetView.Of(JsonSerializer.Deserialize<TimeSheetPayload>(Repo.Example("time-sheet"), PayloadJson.Options)!, CalendarData.KzCalendar, FormsService.Tests.AkimatReports.MonthTextsTests.Months("kk"));

    [Fact]
    public void November_2025_has_thirty_days_and_its_weekends_are_the_days_off()
    {
        var view = ExampleView();
        Assert.Equal(30, view.MonthDays.Count);
        Assert.Equal([1, 2, 8, 9, 15, 16, 22, 23, 29, 30], view.MonthDays.Where(d => d.DayOff).Select(d => d.Day));
        Assert.Equal(new DateOnly(2025, 11, 28), view.DueDate);
        Assert.Equal("2025 жылғы қараша", view.MonthTitle);
    }

    [Fact]
    public void Holidays_and_moved_days_off_are_days_off_too()
    {
        // October 2025: Republic Day on Saturday 25 October moves the day off to Monday 27 October.
        var payload = JsonSerializer.Deserialize<TimeSheetPayload>(Repo.Example("time-sheet"), PayloadJson.Options)! with { Month = "2025-10" };
        var view = TimeSheetView.Of(payload, CalendarData.KzCalendar, FormsService.Tests.AkimatReports.MonthTextsTests.Months("kk"));
        Assert.True(view.MonthDays[26].DayOff);
        Assert.False(view.MonthDays[27].DayOff);
        Assert.Equal(31, view.MonthDays.Count);
        Assert.Equal(new DateOnly(2025, 10, 31), view.DueDate);
    }

    [Fact]
    public void Each_row_totals_the_month_the_hours_since_the_start_and_what_remains()
    {
        var view = ExampleView();
        var rows = view.Persons;
        Assert.Equal(["Сейтқалиев Нұрлан Ерболұлы", "Жақсыбекова Айгүл Маратқызы", "Омаров Тимур"], rows.Select(r => r.FullName));
        Assert.Equal([48, 100, 16], rows.Select(r => r.HoursThisMonth));
        Assert.Equal([76, 100, 36], rows.Select(r => r.HoursSinceStart));
        Assert.Equal([44, 140, 24], rows.Select(r => r.HoursRemaining));
        Assert.Equal(4, rows[0].Days[2].Hours);   // 3 November
        Assert.Null(rows[0].Days[3].Hours);       // 4 November: not worked
        Assert.True(rows[2].Days[7].DayOff);      // 8 November, a Saturday, worked by the student
        Assert.Equal(4, rows[2].Days[7].Hours);
        Assert.Equal(164, view.TotalThisMonth);
        Assert.Equal(212, view.TotalSinceStart);
        Assert.Equal(12, view.DayTotals[2].Hours); // 3 November: 4 + 8
        Assert.Null(view.DayTotals[0].Hours);
        Assert.All(rows, r => Assert.False(r.CompletesSentence));
    }

    [Fact]
    public void A_row_that_reaches_the_sentence_says_so()
    {
        var payload = JsonSerializer.Deserialize<TimeSheetPayload>(Repo.Example("time-sheet"), PayloadJson.Options)!;
        var persons = payload.Persons!.ToList();
        persons[2] = persons[2]! with { HoursBefore = 44 };
        var view = TimeSheetView.Of(payload with { Persons = persons }, CalendarData.KzCalendar, FormsService.Tests.AkimatReports.MonthTextsTests.Months("kk"));
        Assert.True(view.Persons[2].CompletesSentence);
        Assert.Equal(0, view.Persons[2].HoursRemaining);
        Assert.Equal("Жаза толық өтелді", view.Persons[2].Remark);
        Assert.Null(view.Persons[1].Remark);
    }
}
