using FluentValidation;
using FluentValidation.Results;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.EvasionReport;

/// <summary>The evasion report's rules: at least one fact, each after the work order and not after the report.</summary>
internal sealed class EvasionReportValidator : FormPayloadValidator<EvasionReportPayload>, IRulesBeyondSchema
{
    public IReadOnlyList<string> RulesBeyondSchema { get; } =
    [
        "outgoing.date: not before workOrder.date.",
        "facts[].date: not before workOrder.date and not after outgoing.date.",
        "facts[].description: required (not blank) when kind is \"other\".",
        "convict.birthYear: the person is 14–100 years old (by year) on workOrder.date.",
    ];

    public const int MaxFacts = 50;
    public const int MaxExplanation = 2000;

    public EvasionReportValidator()
    {
        this.OutgoingRules(x => x.Outgoing);
        RuleFor(x => x.LocalExecutiveBody).RequiredText(Limits.Name);
        RuleFor(x => x.ProbationOffice).RequiredText(Limits.Name);
        ConvictRules(x => x.Convict, x => x.WorkOrder?.Date);
        this.DocumentRules(x => x.WorkOrder);
        RuleFor(x => x.Outgoing!.Date)
            .Must((p, d) => d >= p.WorkOrder!.Date)
            .When(p => p.Outgoing?.Date is not null && p.WorkOrder?.Date is not null)
            .Says(Say.Of("before-work-order-date"));

        RuleFor(x => x.Facts).Cascade(CascadeMode.Stop)
            .NotNull().Says(Say.Required)
            .CountBetween(1, MaxFacts)
            .Says(Say.Of("facts-between", ("max", MaxFacts)));
        RuleForEach(x => x.Facts).NotNull().Says(Say.Required).ChildRules(fact =>
        {
            fact.RuleFor(f => f!.Date).RequiredDate();
            fact.RuleFor(f => f!.Kind).Cascade(CascadeMode.Stop)
                .NotNull().Says(Say.Required)
                .OneOf([.. EvasionKinds.Texts.Keys]);
            fact.RuleFor(f => f!.Description).OptionalText(Limits.LongText);
            fact.RuleFor(f => f!.Description).Must(d => !string.IsNullOrWhiteSpace(d))
                .When(f => f!.Kind == EvasionKinds.Other)
                .Says(Say.Of("required-for-other"));
        });
        RuleFor(x => x.Explanation).OptionalText(MaxExplanation);

        this.SignatoryRules(x => x.Signatory);
        this.ExecutorRules(x => x.Executor);

        // Rules across fields, each at the path it names; hung on a member so the schema's reader sees a named rule.
        RuleFor(x => x.Facts).Custom((_, context) =>
        {
            var report = context.InstanceToValidate;
            var facts = report.Facts ?? [];
            for (var i = 0; i < facts.Count; i++)
            {
                if (facts[i]?.Date is not { } date)
                    continue;
                if (report.WorkOrder?.Date is { } order && date < order)
                    context.AddFailure(Say.Of("before-work-order-date").At($"facts[{i}].date"));
                else if (report.Outgoing?.Date is { } sent && date > sent)
                    context.AddFailure(Say.Of("after-notice-date").At($"facts[{i}].date"));
            }
        });
    }
}
