using FluentValidation;
using FluentValidation.Results;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.ConductReport;

/// <summary>The conduct report's rules: an assessment of at most 2,000 characters, breaches inside the month and before the report.</summary>
internal sealed class ConductReportValidator : FormPayloadValidator<ConductReportPayload>, IRulesBeyondSchema
{
    public IReadOnlyList<string> RulesBeyondSchema { get; } =
    [
        "assessment: its paragraphs hold at most 2,000 characters together.",
        "outgoing.date: not before the first day of month.",
        "breaches[].date: inside month and not after outgoing.date.",
        "convict.birthYear: the person is 14–100 years old (by year) in the report's month.",
    ];

    public const int MaxAssessment = 2000;
    public const int MaxParagraphs = 20;
    public const int MaxBreaches = 50;

    public ConductReportValidator()
    {
        this.OutgoingRules(x => x.Outgoing);
        RuleFor(x => x.LocalExecutiveBody).RequiredText(Limits.Name);
        RuleFor(x => x.ProbationOffice).RequiredText(Limits.Name);
        this.MonthRules(x => x.Month);
        ConvictRules(x => x.Convict, x => ReportMonth.Parse(x.Month));
        RuleFor(x => x.WorkObject).OptionalText(Limits.Name);

        RuleFor(x => x.Assessment).Cascade(CascadeMode.Stop)
            .NotNull().Says(Say.Required)
            .CountBetween(1, MaxParagraphs)
            .Says(Say.Of("paragraphs-between", ("max", MaxParagraphs)))
            .Must(a => a!.Sum(p => p?.Length ?? 0) <= MaxAssessment)
            .Says(Say.TooLong(MaxAssessment));
        RuleForEach(x => x.Assessment).Cascade(CascadeMode.Stop)
            .NotNull().Says(Say.Required)
            .NotBlank()
            // Implied by the total, stated per paragraph so that the schema can say it (items' maxLength).
            .MaximumLength(MaxAssessment).Says(Say.TooLong(MaxAssessment));

        RuleFor(x => x.Breaches).Cascade(CascadeMode.Stop)
            .NotNull().Says(Say.Required)
            .CountBetween(0, MaxBreaches).Says(Say.Of("breaches-at-most", ("max", MaxBreaches)));
        RuleForEach(x => x.Breaches).NotNull().Says(Say.Required).ChildRules(breach =>
        {
            breach.RuleFor(b => b!.Date).RequiredDate();
            breach.RuleFor(b => b!.Description).RequiredText(Limits.LongText);
        });

        this.SignatoryRules(x => x.Signatory);
        this.ExecutorRules(x => x.Executor);

        // Rules across fields, each at the path it names; hung on a member so the schema's reader sees a named rule.
        RuleFor(x => x.Breaches).Custom((_, context) =>
        {
            var report = context.InstanceToValidate;
            if (ReportMonth.Parse(report.Month) is not { } first)
                return;
            var last = ReportMonth.Last(first);
            if (report.Outgoing?.Date is { } sent && sent < first)
                context.AddFailure(Say.Of("before-report-month").At("outgoing.date"));
            var breaches = report.Breaches ?? [];
            for (var i = 0; i < breaches.Count; i++)
            {
                if (breaches[i]?.Date is not { } date)
                    continue;
                if (date < first || date > last)
                    context.AddFailure(Say.Of("outside-report-month").At($"breaches[{i}].date"));
                else if (report.Outgoing?.Date is { } s && date > s)
                    context.AddFailure(Say.Of("after-outgoing-date").At($"breaches[{i}].date"));
            }
        });
    }
}
