using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core.Forms.TimeSheet;

/// <summary>
/// What the sheet prints beyond what was typed: the month's days with their days off (from the working calendar),
/// and per person the hours of each day, this month's total, the total since the start and what remains. Computed
/// here, never in the template.
/// </summary>
internal sealed record TimeSheetView
{
    public required string Month { get; init; }
    /// <summary>"2025 жылғы қараша".</summary>
    public required string MonthTitle { get; init; }
    public required string LocalExecutiveBody { get; init; }
    public required string ResponsibleOrganization { get; init; }
    public required string WorkObject { get; init; }
    public required TimeSheetCompiler CompiledBy { get; init; }
    /// <summary>The month's last working day: the sheet is due by it (rule 2-1 2)).</summary>
    public required DateOnly DueDate { get; init; }
    public required IReadOnlyList<TimeSheetViewDay> MonthDays { get; init; }
    public required IReadOnlyList<TimeSheetViewRow> Persons { get; init; }
    /// <summary>The hours of all persons on each day of the month.</summary>
    public required IReadOnlyList<TimeSheetViewCell> DayTotals { get; init; }
    public required int TotalThisMonth { get; init; }
    public required int TotalSinceStart { get; init; }

    internal static TimeSheetView Of(TimeSheetPayload sheet, WorkingCalendar calendar, MonthTexts months)
    {
        var words = ViewWords.Of(months.Language);
        var first = ReportMonth.Parse(sheet.Month) ?? throw new ArgumentException("The sheet's month is not valid.", nameof(sheet));
        var last = ReportMonth.Last(first);
        var dayOff = new bool[last.Day];
        for (var d = first; d <= last; d = d.AddDays(1))
            dayOff[d.Day - 1] = !calendar.IsWorkingDay(d);
        var rows = RowsOf(sheet.Persons ?? [], dayOff, words);
        return new TimeSheetView
        {
            Month = sheet.Month!,
            MonthTitle = months.Title(first),
            LocalExecutiveBody = sheet.LocalExecutiveBody!,
            ResponsibleOrganization = sheet.ResponsibleOrganization!,
            WorkObject = sheet.WorkObject!,
            CompiledBy = sheet.CompiledBy!,
            DueDate = calendar.LastWorkingDayOfMonth(first.Year, first.Month),
            MonthDays = [.. dayOff.Select((off, i) => new TimeSheetViewDay(i + 1, off))],
            Persons = rows,
            DayTotals = [.. dayOff.Select((off, i) => new TimeSheetViewCell(Sum(rows.Select(r => r.Days[i].Hours)), off))],
            TotalThisMonth = rows.Sum(r => r.HoursThisMonth),
            TotalSinceStart = rows.Sum(r => r.HoursSinceStart),
        };
    }

    /// <summary>
    /// What the blank sheet knows beforehand: for a month, its days with their days off, its title and due date;
    /// with none, 31 numbered days, none shaded (a blank for any month).
    /// </summary>
    internal static TimeSheetBlankView Blank(DateOnly? month, WorkingCalendar calendar, MonthTexts months)
    {
        if (month is not { } first)
            return new TimeSheetBlankView(null, null, null,
                [.. Enumerable.Range(1, 31).Select(d => new TimeSheetViewDay(d, false))], [.. Enumerable.Range(1, 31).Select(_ => new TimeSheetViewCell(null, false))]);
        var last = ReportMonth.Last(first);
        var days = new List<TimeSheetViewDay>(last.Day);
        for (var d = first; d <= last; d = d.AddDays(1))
            days.Add(new TimeSheetViewDay(d.Day, !calendar.IsWorkingDay(d)));
        return new TimeSheetBlankView(first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), months.Title(first),
            calendar.LastWorkingDayOfMonth(first.Year, first.Month), days, [.. days.Select(d => new TimeSheetViewCell(null, d.DayOff))]);
    }

    /// <summary>The rows of a valid sheet's persons, in payload order, numbered from 1.</summary>
    internal static IReadOnlyList<TimeSheetViewRow> RowsOf(IReadOnlyList<TimeSheetPerson?> persons) => RowsOf(persons, new bool[31], ViewWords.Kazakh);

    private static int? Sum(IEnumerable<int?> hours) => hours.Any(h => h is not null) ? hours.Sum() : null;

    private static IReadOnlyList<TimeSheetViewRow> RowsOf(IReadOnlyList<TimeSheetPerson?> persons, bool[] dayOff, ViewWords words)
    {
        var daysInMonth = dayOff.Length;
        var rows = new List<TimeSheetViewRow>(persons.Count);
        foreach (var person in persons)
        {
            if (person is null)
                continue;
            var hours = new int?[daysInMonth];
            var month = 0;
            foreach (var day in person.Days ?? [])
            {
                if (day is not { Day: { } d, Hours: { } h } || d < 1 || d > daysInMonth)
                    continue;
                hours[d - 1] = h;
                month += h;
            }
            var before = person.HoursBefore ?? 0;
            var sentence = person.SentenceHours ?? 0;
            var since = before + month;
            var completes = since >= sentence && before < sentence;
            rows.Add(new TimeSheetViewRow
            {
                Number = rows.Count + 1,
                FullName = FullName(person.Convict),
                BirthYear = person.Convict?.BirthYear,
                Days = [.. hours.Select((h, i) => new TimeSheetViewCell(h, dayOff[i]))],
                HoursThisMonth = month,
                HoursSinceStart = since,
                SentenceHours = sentence,
                HoursRemaining = Math.Max(0, sentence - since),
                CompletesSentence = completes,
                Remark = completes ? words.SentenceServed : null,
            });
        }
        return rows;
    }

    private static string FullName(TimeSheetConvict? c) =>
        c is null ? "" : string.Join(' ', new[] { c.Surname, c.Name, c.Patronymic }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
}

/// <summary>The blank sheet's view: the paths of <see cref="TimeSheetView"/> a blank knows, the others absent.</summary>
internal sealed record TimeSheetBlankView(string? Month, string? MonthTitle, DateOnly? DueDate,
    IReadOnlyList<TimeSheetViewDay> MonthDays, IReadOnlyList<TimeSheetViewCell> DayTotals);

/// <summary>One day of the month: its number and whether it is a day off (weekend, holiday or moved day off).</summary>
internal sealed record TimeSheetViewDay(int Day, bool DayOff);

/// <summary>A person's hours on one day (null when not worked), with the day's day-off flag for shading.</summary>
internal sealed record TimeSheetViewCell(int? Hours, bool DayOff);

internal sealed record TimeSheetViewRow
{
    public required int Number { get; init; }
    public required string FullName { get; init; }
    public required int? BirthYear { get; init; }
    /// <summary>One cell per day of the month.</summary>
    public required IReadOnlyList<TimeSheetViewCell> Days { get; init; }
    public required int HoursThisMonth { get; init; }
    public required int HoursSinceStart { get; init; }
    public required int SentenceHours { get; init; }
    public required int HoursRemaining { get; init; }
    /// <summary>True when the last hour of the sentence is served this month.</summary>
    public required bool CompletesSentence { get; init; }
    /// <summary>What the row's last column says, in the document's language: the sentence served, or nothing.</summary>
    public string? Remark { get; init; }
}
