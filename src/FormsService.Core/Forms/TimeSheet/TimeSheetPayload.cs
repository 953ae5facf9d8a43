using System.ComponentModel;
using FormsService.Core.Forms.AkimatReports;

namespace FormsService.Core.Forms.TimeSheet;

/// <summary>
/// The akimat's monthly time sheet of hours worked (жұмыс істелген уақытты есепке алу табелі, rule 2-1 2) of the
/// community-service rules): one row per person, one column per day of the month.
/// </summary>
internal sealed record TimeSheetPayload
{
    [Description("The month of the sheet, as YYYY-MM (e.g. '2025-11').")]
    [System.ComponentModel.DataAnnotations.RegularExpression(AkimatReports.ReportMonth.Pattern)]
    public string? Month { get; init; }

    [Description("The local executive body (akimat) that keeps the sheet.")]
    public string? LocalExecutiveBody { get; init; }

    [Description("The organisation responsible for the work.")]
    public string? ResponsibleOrganization { get; init; }

    [Description("The object (place) where the work is done.")]
    public string? WorkObject { get; init; }

    [Description("The persons doing community service there: 1–200 rows.")]
    public IReadOnlyList<TimeSheetPerson?>? Persons { get; init; }

    [Description("Who compiled the sheet, and when: due by the last working day of the month (rule 2-1 2)).")]
    public TimeSheetCompiler? CompiledBy { get; init; }
}

internal sealed record TimeSheetPerson
{
    [Description("The person.")]
    public TimeSheetConvict? Convict { get; init; }

    [Description("Whether the person has a permanent job (decides the daily limit: 4 h, or up to 8 h for those with no job who do not study).")]
    public bool? HasPermanentJob { get; init; }

    [Description("Whether the person studies.")]
    public bool? IsStudent { get; init; }

    [Description("Term of community service in hours, as the verdict sets it.")]
    public int? SentenceHours { get; init; }

    [Description("Hours worked before this month.")]
    public int? HoursBefore { get; init; }

    [Description("The days worked this month, each with its hours; a day appears once.")]
    public IReadOnlyList<TimeSheetDay?>? Days { get; init; }

    [Description("Optional: the days of the previous month that fall in the calendar week of this month's 1st (from that week's Monday to the previous month's last day), with their hours, as that month's sheet gave them. The 40-hour weekly limit is checked over the whole week; they are not printed and not counted in this month's totals (hoursBefore already holds them).")]
    public IReadOnlyList<TimeSheetPreviousDay?>? PreviousMonthDays { get; init; }
}

internal sealed record TimeSheetConvict
{
    [Description("Surname.")]
    public string? Surname { get; init; }

    [Description("Given name.")]
    public string? Name { get; init; }

    [Description("Patronymic, if the person has one.")]
    public string? Patronymic { get; init; }

    [Description("Year of birth.")]
    public int? BirthYear { get; init; }
}

/// <summary>A day of a sheet with its hours: this month's or the previous month's.</summary>
internal interface IWorkedDay
{
    int? Day { get; }
    int? Hours { get; }
}

internal sealed record TimeSheetDay : IWorkedDay
{
    [Description("Day of the month (1–31, inside the month).")]
    public int? Day { get; init; }

    [Description("Hours worked that day: 1–4, or up to 8 for a person with no permanent job who does not study.")]
    public int? Hours { get; init; }
}

/// <summary>A day of the previous month in the calendar week this month starts in (its own record: the schema names it apart).</summary>
internal sealed record TimeSheetPreviousDay : IWorkedDay
{
    [Description("Day of the previous month (1–31), in the calendar week of this month's 1st.")]
    public int? Day { get; init; }

    [Description("Hours worked that day, as the previous month's sheet gave them.")]
    public int? Hours { get; init; }
}

internal sealed record TimeSheetCompiler
{
    [Description("Position of the official who compiled the sheet.")]
    public string? Position { get; init; }

    [Description("Surname, name and patronymic of that official.")]
    public string? FullName { get; init; }

    [Description("Date the sheet was compiled (YYYY-MM-DD).")]
    public DateOnly? Date { get; init; }
}
