using FluentValidation;
using FluentValidation.Results;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733;
using FormsService.Core.Forms.WorkOrder;

namespace FormsService.Core.Forms.TimeSheet;

/// <summary>
/// The rules of the monthly time sheet: every day inside the month and once, the working-time limits of rule 2 2)
/// on each day and each calendar week, and no more hours since the start than the sentence.
/// </summary>
internal sealed class TimeSheetValidator : FormPayloadValidator<TimeSheetPayload>, IRulesBeyondSchema
{
    public IReadOnlyList<string> RulesBeyondSchema { get; } =
    [
        "compiledBy.date: not before the first day of the month.",
        "persons[].days[].day: a day of the sheet's month (its length), once per person, not after compiledBy.date.",
        "persons[].days[].hours: at most 4 a day, or 8 for a person with no permanent job who does not study; at most 40 in a calendar week (previousMonthDays count in the week of the 1st).",
        "persons[].previousMonthDays[].day: a day of the previous month in the calendar week of this month's 1st, once.",
        "persons[].hoursBefore: not more than sentenceHours; hoursBefore plus this month's hours not more than sentenceHours (reported at persons[].days).",
        "persons[].convict.birthYear: the person is 14–100 years old (by year) in the sheet's month.",
    ];

    public const int MaxPersons = 200;

    public TimeSheetValidator()
    {
        this.MonthRules(x => x.Month);
        RuleFor(x => x.LocalExecutiveBody).RequiredText(Limits.Name);
        RuleFor(x => x.ResponsibleOrganization).RequiredText(Limits.Name);
        RuleFor(x => x.WorkObject).RequiredText(Limits.Name);

        RuleFor(x => x.Persons).Cascade(CascadeMode.Stop)
            .NotNull().Says(Say.Required)
            .CountBetween(1, MaxPersons)
            .Says(Say.Of("persons-between", ("max", MaxPersons)));
        RuleForEach(x => x.Persons).NotNull().Says(Say.Required).ChildRules(person =>
        {
            person.RuleFor(p => p!.Convict).NotNull().Says(Say.Required);
            person.When(p => p!.Convict is not null, () =>
            {
                person.RuleFor(p => p!.Convict!.Surname).RequiredText(Limits.PersonName);
                person.RuleFor(p => p!.Convict!.Name).RequiredText(Limits.PersonName);
                person.RuleFor(p => p!.Convict!.Patronymic).OptionalText(Limits.PersonName);
                person.RuleFor(p => p!.Convict!.BirthYear).NotNull().Says(Say.Required)
                    .InclusiveBetween(1900, 2100).Says(Say.Between(1900, 2100));
            });
            person.RuleFor(p => p!.HasPermanentJob).NotNull().Says(Say.Required);
            person.RuleFor(p => p!.IsStudent).NotNull().Says(Say.Required);
            person.RuleFor(p => p!.SentenceHours).NotNull().Says(Say.Required)
                .InclusiveBetween(1, MaxHours).Says(Say.Between(1, MaxHours));
            person.RuleFor(p => p!.HoursBefore).NotNull().Says(Say.Required)
                .InclusiveBetween(0, MaxHours).Says(Say.Between(0, MaxHours));
            person.RuleFor(p => p!.Days).NotNull().Says(Say.Required);
            person.RuleForEach(p => p!.Days).NotNull().Says(Say.Required).ChildRules(DayRules);
            person.RuleForEach(p => p!.PreviousMonthDays).NotNull().Says(Say.Required).ChildRules(DayRules);
        });

        RuleFor(x => x.CompiledBy).NotNull().Says(Say.Required);
        When(x => x.CompiledBy is not null, () =>
        {
            RuleFor(x => x.CompiledBy!.Position).RequiredText(Limits.Name);
            RuleFor(x => x.CompiledBy!.FullName).RequiredText(Limits.PersonName);
            RuleFor(x => x.CompiledBy!.Date).RequiredDate();
            RuleFor(x => x.CompiledBy!.Date)
                .Must((p, d) => d >= ReportMonth.Parse(p.Month))
                .When(p => p.CompiledBy!.Date is not null && ReportMonth.Parse(p.Month) is not null)
                .Says(Say.Of("sheet-before-month"));
        });

        // Rules across fields, each at the path it names; hung on a member so the schema's reader sees a named rule.
        RuleFor(x => x.Persons).Custom((_, context) =>
        {
            var sheet = context.InstanceToValidate;
            if (ReportMonth.Parse(sheet.Month) is not { } first || sheet.Persons is null)
                return;
            for (var i = 0; i < sheet.Persons.Count; i++)
                if (sheet.Persons[i] is { } person)
                    foreach (var (path, message) in PersonBreaches(person, $"persons[{i}]", first, sheet.CompiledBy?.Date))
                        context.AddFailure(message.At(path));
        });
    }

    /// <summary>A day and its hours, in this month or the previous one: a day of a month, 1–8 hours (rule 2 2)'s largest cap).</summary>
    private static void DayRules<TDay>(InlineValidator<TDay> day) where TDay : IWorkedDay?
    {
        day.RuleFor(d => d!.Day).NotNull().Says(Say.Required)
            .InclusiveBetween(1, 31).Says(Say.Between(1, 31));
        day.RuleFor(d => d!.Hours).NotNull().Says(Say.Required)
            .InclusiveBetween(1, WorkTimeRules.HoursPerDayWithoutJobOrStudy)
            .Says(Say.Between(1, WorkTimeRules.HoursPerDayWithoutJobOrStudy));
    }

    /// <summary>
    /// The previous month's days of the calendar week the month starts in (Monday to the previous month's last day):
    /// each must be such a day, once; the valid ones are added to <paramref name="carried"/> for the weekly limit.
    /// </summary>
    private static IEnumerable<(string Path, Message Message)> CarriedDays(IReadOnlyList<TimeSheetPreviousDay?> days, string at, DateOnly first, List<WorkedEntry> carried)
    {
        var monday = WorkedHours.Monday(first);
        var lastBefore = first.AddDays(-1);
        var seen = new HashSet<int>();
        for (var j = 0; j < days.Count; j++)
        {
            if (days[j] is not { Day: { } day and >= 1 and <= 31 } entry)
                continue;
            var path = $"{at}.previousMonthDays[{j}]";
            if (monday == first || day < monday.Day || day > lastBefore.Day)
            {
                yield return ($"{path}.day", Say.Of("weekly-previous-outside", ("from", Iso(monday)), ("to", Iso(lastBefore))));
                continue;
            }
            if (!seen.Add(day))
            {
                yield return ($"{path}.day", Say.Of("day-repeated", ("day", day)));
                continue;
            }
            if (entry.Hours is { } hours and >= 1 and <= WorkTimeRules.HoursPerDayWithoutJobOrStudy)
                carried.Add(new WorkedEntry(new DateOnly(lastBefore.Year, lastBefore.Month, day), hours, $"{path}.hours"));
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rules across one person's days and totals, each at the path of the value that breaks it.</summary>
    private static IEnumerable<(string Path, Message Message)> PersonBreaches(TimeSheetPerson person, string at, DateOnly first, DateOnly? compiled)
    {
        var last = ReportMonth.Last(first);
        var days = person.Days ?? [];
        var seen = new HashSet<int>();
        var entries = new List<WorkedEntry>();
        for (var j = 0; j < days.Count; j++)
        {
            if (days[j] is not { Day: { } day } entry)
                continue;
            if (day < 1 || day > last.Day)
            {
                if (day is >= 1 and <= 31)
                    yield return ($"{at}.days[{j}].day", Say.Of("month-has-days", ("month", first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)), ("days", last.Day)));
                continue;
            }
            if (!seen.Add(day))
            {
                yield return ($"{at}.days[{j}].day", Say.Of("day-repeated", ("day", day)));
                continue;
            }
            var date = first.AddDays(day - 1);
            if (compiled is { } c && date > c)
                yield return ($"{at}.days[{j}].day", Say.Of("day-after-compiled", ("day", day)));
            if (entry.Hours is { } hours and >= 1 and <= WorkTimeRules.HoursPerDayWithoutJobOrStudy)
                entries.Add(new WorkedEntry(date, hours, $"{at}.days[{j}].hours"));
        }

        var carried = new List<WorkedEntry>();
        foreach (var breach in CarriedDays(person.PreviousMonthDays ?? [], at, first, carried))
            yield return breach;
        if (person.HasPermanentJob is { } job && person.IsStudent is { } student)
            foreach (var breach in WorkedHours.Breaches([.. carried, .. entries], WorkTimeRules.MaxHoursPerDay(job, student)))
                yield return (breach.Path, breach.Message);

        if (person.Convict?.BirthYear is { } year and >= 1900 and <= 2100 && !AgeRules.Plausible(year, first))
            yield return ($"{at}.convict.birthYear", Say.Of("age-in-month"));

        if (person.SentenceHours is not { } sentence || person.HoursBefore is not { } before)
            yield break;
        if (before > sentence)
        {
            yield return ($"{at}.hoursBefore", Say.Of("hours-before-exceed", ("before", before), ("sentence", sentence)));
            yield break;
        }
        var total = before + entries.Sum(e => e.Hours);
        if (total > sentence)
            yield return ($"{at}.days", Say.Of("hours-total-exceed", ("total", total), ("sentence", sentence)));
    }
}
