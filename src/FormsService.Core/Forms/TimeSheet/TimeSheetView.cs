using System.Globalization;
using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core.Forms.TimeSheet;

/// <summary>
/// What the sheet prints beyond what was typed: the month's days with their days off (from the working calendar),
/// and per person the hours of each day, this month's total, the total since the start and what remains. Computed
/// here, never in the template.
/// </summary>
public sealed record TimeSheetView
{
    public required string MonthTitle { get; init; }
    public required string DueDate { get; init; }
    public required IReadOnlyList<TimeSheetViewDay> MonthDays { get; init; }
    public required IReadOnlyList<TimeSheetViewRow> Rows { get; init; }
    public required int TotalThisMonth { get; init; }

    internal static TimeSheetView Of(TimeSheetPayload sheet, WorkingCalendar calendar)
    {
        var first = ReportMonth.Parse(sheet.Month) ?? throw new ArgumentException("The sheet's month is not valid.", nameof(sheet));
        var last = ReportMonth.Last(first);
        var days = new List<TimeSheetViewDay>(last.Day);
        for (var d = first; d <= last; d = d.AddDays(1))
            days.Add(new TimeSheetViewDay(d.Day, !calendar.IsWorkingDay(d)));
        var rows = RowsOf(sheet.Persons ?? [], last.Day);
        return new TimeSheetView
        {
            MonthTitle = $"{first.Year} жылғы {KazakhMonths.Nominative[first.Month - 1]}",
            DueDate = calendar.LastWorkingDayOfMonth(first.Year, first.Month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            MonthDays = days,
            Rows = rows,
            TotalThisMonth = rows.Sum(r => r.HoursThisMonth),
        };
    }

    /// <summary>The rows of a valid sheet's persons, in payload order, numbered from 1.</summary>
    internal static IReadOnlyList<TimeSheetViewRow> RowsOf(IReadOnlyList<TimeSheetPerson?> persons, int daysInMonth = 31)
    {
        var rows = new List<TimeSheetViewRow>(persons.Count);
        foreach (var person in persons)
        {
            if (person is null)
                continue;
            var hours = new string[daysInMonth];
            Array.Fill(hours, "");
            var month = 0;
            foreach (var day in person.Days ?? [])
            {
                if (day is not { Day: { } d, Hours: { } h } || d < 1 || d > daysInMonth)
                    continue;
                hours[d - 1] = h.ToString(CultureInfo.InvariantCulture);
                month += h;
            }
            var before = person.HoursBefore ?? 0;
            var sentence = person.SentenceHours ?? 0;
            var since = before + month;
            rows.Add(new TimeSheetViewRow
            {
                Number = rows.Count + 1,
                FullName = FullName(person.Convict),
                BirthYear = person.Convict?.BirthYear,
                Hours = hours,
                HoursThisMonth = month,
                HoursSinceStart = since,
                SentenceHours = sentence,
                HoursRemaining = Math.Max(0, sentence - since),
                CompletesSentence = since >= sentence && before < sentence,
            });
        }
        return rows;
    }

    private static string FullName(TimeSheetConvict? c) =>
        c is null ? "" : string.Join(' ', new[] { c.Surname, c.Name, c.Patronymic }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
}

/// <summary>One day of the month: its number and whether it is a day off (weekend, holiday or moved day off).</summary>
public sealed record TimeSheetViewDay(int Day, bool DayOff);

public sealed record TimeSheetViewRow
{
    public required int Number { get; init; }
    public required string FullName { get; init; }
    public required int? BirthYear { get; init; }
    /// <summary>The hours of each day of the month, "" for a day not worked.</summary>
    public required IReadOnlyList<string> Hours { get; init; }
    public required int HoursThisMonth { get; init; }
    public required int HoursSinceStart { get; init; }
    public required int SentenceHours { get; init; }
    public required int HoursRemaining { get; init; }
    /// <summary>True when the last hour of the sentence is served this month.</summary>
    public required bool CompletesSentence { get; init; }
}
