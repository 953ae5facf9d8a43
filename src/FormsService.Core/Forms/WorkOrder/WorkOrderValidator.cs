using FormsService.Core.Forms.Order733;
using FluentValidation;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Forms.WorkOrder;

/// <summary>The rules of the akimat's order: rule 2 of the community-service rules, and the order of its dates.</summary>
public sealed class WorkOrderValidator : FormPayloadValidator<WorkOrderPayload>
{
    public WorkOrderValidator()
    {
        RuleFor(x => x.Akimat).NotNull().WithMessage(Messages.Required);
        When(x => x.Akimat is not null, () =>
        {
            RuleFor(x => x.Akimat!.Name).RequiredText(Limits.Name);
            RuleFor(x => x.Akimat!.Place).RequiredText(Limits.PersonName);
        });

        RuleFor(x => x.Order).NotNull().WithMessage(Messages.Required);
        When(x => x.Order is not null, () =>
        {
            RuleFor(x => x.Order!.Number).RequiredText(Limits.Article);
            RuleFor(x => x.Order!.Date).RequiredDate();
            RuleFor(x => x.Order!.Date)
                .Must((p, d) => d >= p.Verdict!.ReceivedDate)
                .When(p => p.Order!.Date is not null && p.Verdict?.ReceivedDate is not null)
                .WithMessage("Үкім келіп түскен күннен ерте болмауы керек / Must not be before verdict.receivedDate.");
        });

        VerdictRules(x => x.Verdict);
        When(x => x.Verdict is not null, () =>
        {
            RuleFor(x => x.Verdict!.ReceivedDate).RequiredDate();
            RuleFor(x => x.Verdict!.ReceivedDate)
                .Must((p, d) => d >= p.Verdict!.Date)
                .When(p => p.Verdict!.ReceivedDate is not null && p.Verdict!.Date is not null)
                .WithMessage("Үкім күнінен ерте болмауы керек / Must not be before verdict.date.");
        });

        ConvictRules(x => x.Convict, x => x.Verdict?.Date);
        When(x => x.Convict is not null, () =>
        {
            RuleFor(x => x.Convict!.HasPermanentJob).NotNull().WithMessage(Messages.Required);
            RuleFor(x => x.Convict!.IsStudent).NotNull().WithMessage(Messages.Required);
        });

        RuleFor(x => x.Work).NotNull().WithMessage(Messages.Required);
        When(x => x.Work is not null, () =>
        {
            RuleFor(x => x.Work!.Kind).RequiredText(Limits.Name);
            RuleFor(x => x.Work!.Object).RequiredText(Limits.Name);
            RuleFor(x => x.Work!.Conditions).RequiredText(Limits.LongText);
            RuleFor(x => x.Work!.ResponsibleOrganization).RequiredText(Limits.Name);
            RuleFor(x => x.Work!.RestTime).RequiredText(Limits.LongText);
            RuleFor(x => x.Work!.HoursPerDay).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(Messages.Required)
                .InclusiveBetween(1, WorkTimeRules.HoursPerDayWithoutJobOrStudy)
                .WithMessage(Messages.Between(1, WorkTimeRules.HoursPerDayWithoutJobOrStudy))
                .Must((p, h) => h <= WorkTimeRules.HoursPerDay || p.Convict is { HasPermanentJob: false, IsStudent: false })
                .WithMessage("Күніне 4 сағаттан аспауы керек; 8 сағатқа дейін тек тұрақты жұмысы жоқ және оқымайтын адамға рұқсат (Қағидалардың 2-тармағы 2) тармақшасы) / " +
                             "At most 4 hours a day; up to 8 only for a person with no permanent job who does not study (rule 2.2).");
            RuleFor(x => x.Work!.DaysPerWeek).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(Messages.Required)
                .InclusiveBetween(1, WorkTimeRules.DaysInWeek).WithMessage(Messages.Between(1, WorkTimeRules.DaysInWeek))
                .Must((p, d) => p.Work!.HoursPerDay is not { } h || h * d <= WorkTimeRules.HoursPerWeek)
                .WithMessage((p, d) => $"Аптасына {p.Work!.HoursPerDay * d} сағат: 40 сағаттан аспауы керек (Қағидалардың 2-тармағы 2) тармақшасы) / " +
                                       $"{p.Work!.HoursPerDay * d} hours a week: at most 40 (rule 2.2).");
        });

        When(x => x.Control is not null, () =>
        {
            RuleFor(x => x.Control!.Position).RequiredText(Limits.Name);
            RuleFor(x => x.Control!.FullName).RequiredText(Limits.PersonName);
        });

        RuleFor(x => x.Signatory).NotNull().WithMessage(Messages.Required);
        When(x => x.Signatory is not null, () =>
        {
            RuleFor(x => x.Signatory!.Position).RequiredText(Limits.Name);
            RuleFor(x => x.Signatory!.FullName).RequiredText(Limits.PersonName);
        });
    }
}
