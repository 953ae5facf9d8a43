using FormsService.Core.Forms.Order733.Calendar;
using static FormsService.Tests.Calendar.CalendarData;

namespace FormsService.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    [Fact]
    public void Start_day_is_not_counted()
    {
        // Received on Thursday 16 October 2025: five working days end on Thursday 23 October.
        Assert.Equal(D("2025-10-23"), KzCalendar.AddWorkingDays(D("2025-10-16"), 5));
        Assert.Equal(D("2025-10-16"), KzCalendar.AddWorkingDays(D("2025-10-16"), 0));
    }

    [Theory]
    [InlineData("2025-10-10", 5, "2025-10-17")] // Friday: the weekend is skipped
    [InlineData("2025-10-11", 1, "2025-10-13")] // received on a Saturday
    [InlineData("2025-11-14", 1, "2025-11-17")] // Friday + 1 = Monday
    public void Weekends_are_not_working_days(string received, int days, string expected) =>
        Assert.Equal(D(expected), KzCalendar.AddWorkingDays(D(received), days));

    [Fact]
    public void Nauryz_2025_and_its_moved_days_are_skipped()
    {
        // 21 March (Fri) holiday; 22–23 March (Sat–Sun) move to Monday 24 and Tuesday 25 March.
        Assert.Equal(D("2025-03-31"), KzCalendar.AddWorkingDays(D("2025-03-19"), 5)); // 20, 26, 27, 28, 31
        foreach (var day in new[] { "2025-03-21", "2025-03-22", "2025-03-23", "2025-03-24", "2025-03-25" })
        {
            Assert.False(KzCalendar.IsWorkingDay(D(day)), day);
        }

        Assert.True(KzCalendar.IsWorkingDay(D("2025-03-26")));
    }

    [Fact]
    public void Nauryz_2026_on_a_weekend_moves_to_Tuesday_and_Wednesday()
    {
        // 21–22 March 2026 (Sat–Sun) move to 24–25 March; 23 March (Mon) is a holiday itself.
        Assert.Equal(D("2026-04-01"), KzCalendar.AddWorkingDays(D("2026-03-20"), 5)); // 26, 27, 30, 31, 1 April
        Assert.False(KzCalendar.IsWorkingDay(D("2026-03-23")));
        Assert.False(KzCalendar.IsWorkingDay(D("2026-03-24")));
        Assert.False(KzCalendar.IsWorkingDay(D("2026-03-25")));
    }

    [Theory]
    [InlineData("2025-03-10")] // 8 March 2025 (Sat)
    [InlineData("2025-07-07")] // 6 July 2025 (Sun)
    [InlineData("2025-09-01")] // 30 August 2025 (Sat)
    [InlineData("2025-10-27")] // 25 October 2025 (Sat)
    [InlineData("2026-03-09")] // 8 March 2026 (Sun)
    [InlineData("2026-05-11")] // 9 May 2026 (Sat)
    [InlineData("2026-10-26")] // 25 October 2026 (Sun)
    public void A_holiday_on_a_weekend_moves_to_the_next_working_day(string movedDay) =>
        Assert.False(KzCalendar.IsWorkingDay(D(movedDay)));

    [Fact]
    public void A_moved_day_off_lengthens_a_deadline()
    {
        // Friday 24 October 2025; Monday 27 October is the day off for Republic Day (Sat 25 October).
        Assert.Equal(D("2025-11-03"), KzCalendar.AddWorkingDays(D("2025-10-24"), 5)); // 28, 29, 30, 31, 3 Nov
    }

    [Fact]
    public void Religious_days_off_do_not_move()
    {
        // 7 January 2024 was a Sunday: Monday 8 January is an ordinary working day (2024 has no file: statutory rules).
        Assert.True(KzCalendar.IsWorkingDay(D("2024-01-08")));
        // Kurban Ait 2025 on Friday 6 June: a day off; Monday 9 June works as usual.
        Assert.False(KzCalendar.IsWorkingDay(D("2025-06-06")));
        Assert.True(KzCalendar.IsWorkingDay(D("2025-06-09")));
    }

    [Fact]
    public void The_2025_transfer_is_honoured()
    {
        // Order No. 436 of 21.11.2024: Friday 3 January 2025 a day off, Sunday 5 January 2025 a working day.
        Assert.False(KzCalendar.IsWorkingDay(D("2025-01-03")));
        Assert.True(KzCalendar.IsWorkingDay(D("2025-01-05")));
        Assert.Equal(D("2025-01-05"), KzCalendar.AddWorkingDays(D("2025-01-02"), 1));
        // Received on Saturday 4 January: 5 (Sun), 6, 8, 9, 10 — without the transfer it would be 13 January.
        Assert.Equal(D("2025-01-10"), KzCalendar.AddWorkingDays(D("2025-01-04"), 5));
    }

    [Fact]
    public void Constitution_Day_30_August_is_no_longer_a_day_off_in_2026()
    {
        Assert.True(KzCalendar.IsWorkingDay(D("2026-08-31")));
        Assert.False(KzCalendar.IsConfirmed(D("2026-08-28"), D("2026-09-04"))); // rests on an unconfirmed entry
    }

    [Fact]
    public void Years_with_files_are_confirmed_and_others_are_not()
    {
        Assert.Contains(2025, KzCalendar.YearsWithData);
        Assert.Contains(2026, KzCalendar.YearsWithData);
        Assert.True(KzCalendar.IsConfirmed(2025));
        Assert.True(KzCalendar.IsConfirmed(2026));
        Assert.False(KzCalendar.IsConfirmed(2040));
        Assert.True(KzCalendar.IsConfirmed(D("2025-10-16"), D("2025-10-23")));
        Assert.False(KzCalendar.IsConfirmed(D("2039-12-28"), D("2040-01-06")));
        Assert.False(StatutoryOnly.IsConfirmed(2025));
    }

    [Fact]
    public void A_year_without_a_file_follows_the_statutory_rules()
    {
        // 2040: 1 January (Sun) moves past 2 January (Mon, a holiday itself) to Tuesday 3 January; 7 January (Sat) does not move.
        Assert.Equal(D("2040-01-06"), KzCalendar.AddWorkingDays(D("2039-12-28"), 5)); // 29, 30 Dec, 4, 5, 6 Jan
        Assert.True(KzCalendar.IsWorkingDay(D("2040-01-09")));

        // The rules alone for 2025: no transfer (3 January works) and no Kurban Ait (6 June works).
        Assert.True(StatutoryOnly.IsWorkingDay(D("2025-01-03")));
        Assert.False(StatutoryOnly.IsWorkingDay(D("2025-01-05")));
        Assert.True(StatutoryOnly.IsWorkingDay(D("2025-06-06")));
        Assert.False(StatutoryOnly.IsWorkingDay(D("2025-10-27")));

        // 2027 by the rules: 2 January (Sat) → Monday 4 January; 15 March the new Constitution Day; 30 August no longer a holiday.
        Assert.False(StatutoryOnly.IsWorkingDay(D("2027-01-04")));
        Assert.False(StatutoryOnly.IsWorkingDay(D("2027-03-15")));
        Assert.True(StatutoryOnly.IsWorkingDay(D("2027-08-30")));
    }

    [Theory]
    [InlineData(2025, 1, "2025-01-31")]
    [InlineData(2025, 5, "2025-05-30")] // 31 May is a Saturday
    [InlineData(2025, 8, "2025-08-29")] // 30 August (holiday) and 31 August on the weekend
    [InlineData(2026, 5, "2026-05-29")]
    [InlineData(2026, 10, "2026-10-30")]
    public void Last_working_day_of_the_month(int year, int month, string expected) =>
        Assert.Equal(D(expected), KzCalendar.LastWorkingDayOfMonth(year, month));

    [Fact]
    public void Negative_days_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KzCalendar.AddWorkingDays(D("2025-10-16"), -1));

    [Fact]
    public void Moved_days_in_the_files_follow_the_statutory_rule()
    {
        foreach (var year in KzCalendar.YearsWithData)
        {
            var data = KzCalendar.YearOf(year);
            var kurbanAit = data.KurbanAit is { } k ? new[] { k.Date } : [];
            var expected = StatutoryRules.MovedDaysOff(data.Holidays, kurbanAit).Select(m => (m.Date, m.ForHoliday));
            Assert.Equal(expected, data.MovedDaysOff.Select(m => (m.Date, m.ForHoliday)).OrderBy(m => m.ForHoliday));
        }
    }

    [Fact]
    public void Holidays_in_the_files_match_the_statutory_list()
    {
        var rules = StatutoryRules.Read(Path.Combine(KzDirectory, StatutoryRules.FileName));
        foreach (var year in KzCalendar.YearsWithData)
        {
            var statutory = rules.BuildYear(year).Holidays.Select(h => (h.Date, h.MovesIfWeekend));
            var file = KzCalendar.YearOf(year).Holidays.Select(h => (h.Date, h.MovesIfWeekend)).OrderBy(h => h.Date);
            Assert.Equal(statutory, file);
        }
    }
}
