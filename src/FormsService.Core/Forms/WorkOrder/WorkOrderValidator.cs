using FormsService.Core.Forms.Order733;
using FluentValidation;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Forms.WorkOrder;

/// <summary>The rules of the akimat's order: rule 2 of the community-service rules, and the order of its dates.</summary>
internal sealed class WorkOrderValidator : FormPayloadValidator<WorkOrderPayload>, IRulesBeyondSchema
{
    public IReadOnlyList<string> RulesBeyondSchema { get; } =
    [
        "verdict.receivedDate: not before verdict.date; order.date not before verdict.receivedDate.",
        "work.hoursPerDay: at most 4 unless convict.hasPermanentJob and convict.isStudent are both false (then 8).",
        "work.daysPerWeek: hoursPerDay × daysPerWeek at most 40.",
        "convict.birthYear: the person is 14–100 years old (by year) on verdict.date.",
    ];

    public WorkOrderValidator()
    {
        RuleFor(x => x.Akimat).NotNull().Says(Say.Required);
        When(x => x.Akimat is not null, () =>
        {
            RuleFor(x => x.Akimat!.Name).RequiredText(Limits.Name);
            RuleFor(x => x.Akimat!.Place).RequiredText(Limits.PersonName);
        });

        RuleFor(x => x.Order).NotNull().Says(Say.Required);
        When(x => x.Order is not null, () =>
        {
            RuleFor(x => x.Order!.Number).RequiredText(Limits.Article);
            RuleFor(x => x.Order!.Date).RequiredDate();
            RuleFor(x => x.Order!.Date)
                .Must((p, d) => d >= p.Verdict!.ReceivedDate)
                .When(p => p.Order!.Date is not null && p.Verdict?.ReceivedDate is not null)
                .Says(Say.Of("before-verdict-received"));
        });

        VerdictRules(x => x.Verdict);
        When(x => x.Verdict is not null, () =>
        {
            RuleFor(x => x.Verdict!.ReceivedDate).RequiredDate();
            RuleFor(x => x.Verdict!.Kind).OneOf(VerdictKind.All);
            RuleFor(x => x.Verdict!.ReceivedDate)
                .Must((p, d) => d >= p.Verdict!.Date)
                .When(p => p.Verdict!.ReceivedDate is not null && p.Verdict!.Date is not null)
                .Says(Say.Of("before-verdict-date"));
        });

        ConvictRules(x => x.Convict, x => x.Verdict?.Date);
        When(x => x.Convict is not null, () =>
        {
            RuleFor(x => x.Convict!.HasPermanentJob).NotNull().Says(Say.Required);
            RuleFor(x => x.Convict!.IsStudent).NotNull().Says(Say.Required);
        });

        RuleFor(x => x.Work).NotNull().Says(Say.Required);
        When(x => x.Work is not null, () =>
        {
            RuleFor(x => x.Work!.Kind).RequiredText(Limits.Name);
            RuleFor(x => x.Work!.Object).RequiredText(Limits.Name);
            RuleFor(x => x.Work!.Conditions).RequiredText(Limits.LongText);
            RuleFor(x => x.Work!.ResponsibleOrganization).RequiredText(Limits.Name);
            RuleFor(x => x.Work!.RestTime).RequiredText(Limits.LongText);
            RuleFor(x => x.Work!.HoursPerDay).Cascade(CascadeMode.Stop)
                .NotNull().Says(Say.Required)
                .InclusiveBetween(1, WorkTimeRules.HoursPerDayWithoutJobOrStudy)
                .Says(Say.Between(1, WorkTimeRules.HoursPerDayWithoutJobOrStudy))
                .Must((p, h) => h <= WorkTimeRules.HoursPerDay || p.Convict is { HasPermanentJob: false, IsStudent: false })
                .Says(Say.Of("hours-per-day-order"));
            RuleFor(x => x.Work!.DaysPerWeek).Cascade(CascadeMode.Stop)
                .NotNull().Says(Say.Required)
                .InclusiveBetween(1, WorkTimeRules.DaysInWeek).Says(Say.Between(1, WorkTimeRules.DaysInWeek))
                .Must((p, d) => p.Work!.HoursPerDay is not { } h || h * d <= WorkTimeRules.HoursPerWeek)
                .Says((p, d) => Say.Of("hours-per-week-order", ("hours", p.Work!.HoursPerDay * d)));
        });

        When(x => x.Control is not null, () =>
        {
            RuleFor(x => x.Control!.Position).RequiredText(Limits.Name);
            RuleFor(x => x.Control!.FullName).RequiredText(Limits.PersonName);
        });

        RuleFor(x => x.Signatory).NotNull().Says(Say.Required);
        When(x => x.Signatory is not null, () =>
        {
            RuleFor(x => x.Signatory!.Position).RequiredText(Limits.Name);
            RuleFor(x => x.Signatory!.FullName).RequiredText(Limits.PersonName);
        });
    }
}
