using FluentValidation;
using FluentValidation.Results;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733;
using FormsService.Core.Forms.WorkOrder;

namespace FormsService.Core.Forms.WorkAct;

/// <summary>The act's rules: a period inside one month, every work inside it, and the time sheet's limits on each day and week.</summary>
internal sealed class WorkActValidator : FormPayloadValidator<WorkActPayload>, IRulesBeyondSchema
{
    public IReadOnlyList<string> RulesBeyondSchema { get; } =
    [
        "from, to: inside the month; from not after to; to not after act.date.",
        "act.date: not before the period's start.",
        "works[].date: inside the period (from–to, or the month up to act.date) and not after act.date.",
        "works[].hours: at most 4 a day, or 8 for a person with no permanent job who does not study, summed per day; at most 40 in a calendar week.",
        "convict.birthYear: the person is 14–100 years old (by year) in the act's month.",
    ];

    public const int MaxWorks = 100;

    public WorkActValidator()
    {
        this.DocumentRules(x => x.Act);
        this.MonthRules(x => x.Month);
        RuleFor(x => x.From).DateInYears(Say.Between(CommonRules.FirstYear, CommonRules.LastYear));
        RuleFor(x => x.To).DateInYears(Say.Between(CommonRules.FirstYear, CommonRules.LastYear));
        RuleFor(x => x.LocalExecutiveBody).RequiredText(Limits.Name);
        RuleFor(x => x.ResponsibleOrganization).RequiredText(Limits.Name);
        RuleFor(x => x.WorkObject).RequiredText(Limits.Name);

        ConvictRules(x => x.Convict, x => ReportMonth.Parse(x.Month));
        When(x => x.Convict is not null, () =>
        {
            RuleFor(x => x.Convict!.HasPermanentJob).NotNull().Says(Say.Required);
            RuleFor(x => x.Convict!.IsStudent).NotNull().Says(Say.Required);
        });

        RuleFor(x => x.Works).Cascade(CascadeMode.Stop)
            .NotNull().Says(Say.Required)
            .CountBetween(1, MaxWorks)
            .Says(Say.Of("works-between", ("max", MaxWorks)));
        RuleForEach(x => x.Works).NotNull().Says(Say.Required).ChildRules(work =>
        {
            work.RuleFor(w => w!.Date).RequiredDate();
            work.RuleFor(w => w!.Description).RequiredText(Limits.LongText);
            work.RuleFor(w => w!.Hours).NotNull().Says(Say.Required)
                .InclusiveBetween(1, WorkTimeRules.HoursPerDayWithoutJobOrStudy)
                .Says(Say.Between(1, WorkTimeRules.HoursPerDayWithoutJobOrStudy));
        });

        this.SignatoryRules(x => x.OrganizationRepresentative);
        this.SignatoryRules(x => x.AkimatOfficial);

        // Rules across fields, each at the path it names; hung on a member so the schema's reader sees a named rule.
        RuleFor(x => x.Works).Custom((_, context) =>
        {
            var act = context.InstanceToValidate;
            foreach (var (path, message) in Breaches(act))
                context.AddFailure(message.At(path));
        });
    }

    /// <summary>
    /// The period of the act: <c>from</c>–<c>to</c>, or the month. An act certifies work that has been done, so a
    /// period left open ends on the act's date when the act is dated inside the month (an act of 28 November covers
    /// 1–28 November); an explicit <c>to</c> after the act's date is refused.
    /// </summary>
    public static (DateOnly From, DateOnly To)? Period(WorkActPayload act)
    {
        if (ReportMonth.Parse(act.Month) is not { } first)
            return null;
        var from = act.From ?? first;
        var end = ReportMonth.Last(first);
        if (act.To is null && act.Act?.Date is { } signed && signed >= from && signed < end)
            end = signed;
        return (from, act.To ?? end);
    }

    private static IEnumerable<(string Path, Message Message)> Breaches(WorkActPayload act)
    {
        if (ReportMonth.Parse(act.Month) is not { } first)
            yield break;
        var last = ReportMonth.Last(first);
        var InMonth = Say.Of("outside-act-month");
        if (act.From is { } f && (f < first || f > last))
            yield return ("from", InMonth);
        if (act.To is { } t && (t < first || t > last))
            yield return ("to", InMonth);
        var (from, to) = Period(act)!.Value;
        if (from > to)
        {
            yield return ("to", Say.Of("before-period-start"));
            yield break;
        }
        if (act.Act?.Date is { } actDate && actDate < from)
            yield return ("act.date", Say.Of("act-before-period"));
        else if (act.To is { } end && act.Act?.Date is { } dated && end > dated)
            yield return ("to", Say.Of("period-after-act", ("date", Iso(dated))));

        var works = act.Works ?? [];
        var entries = new List<WorkedEntry>();
        for (var i = 0; i < works.Count; i++)
        {
            if (works[i] is not { Date: { } date } work)
                continue;
            if (date < from || date > to)
                yield return ($"works[{i}].date", Say.Of("outside-act-period", ("from", Iso(from)), ("to", Iso(to))));
            else if (act.Act?.Date is { } signed && date > signed)
                yield return ($"works[{i}].date", Say.Of("after-act-date"));
            else if (work.Hours is { } hours and >= 1 and <= WorkTimeRules.HoursPerDayWithoutJobOrStudy)
                entries.Add(new WorkedEntry(date, hours, $"works[{i}].hours"));
        }
        if (act.Convict is { HasPermanentJob: { } job, IsStudent: { } student })
            foreach (var breach in WorkedHours.Breaches(entries, WorkTimeRules.MaxHoursPerDay(job, student)))
                yield return (breach.Path, breach.Message);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
