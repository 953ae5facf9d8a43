using FluentValidation;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.VerdictReceiptNotice;

/// <summary>The notice's rules: the verdict received after it was passed; neither the notice nor the order before receipt.</summary>
internal sealed class VerdictReceiptNoticeValidator : FormPayloadValidator<VerdictReceiptNoticePayload>, IRulesBeyondSchema
{
    public IReadOnlyList<string> RulesBeyondSchema { get; } =
    [
        "verdict.receivedDate: not before verdict.date.",
        "outgoing.date, workOrder.date: not before verdict.receivedDate.",
        "convict.birthYear: the person is 14–100 years old (by year) on verdict.date.",
    ];

    private static readonly Message NotBeforeReceipt = Say.Of("before-verdict-received");

    public VerdictReceiptNoticeValidator()
    {
        this.OutgoingRules(x => x.Outgoing);
        RuleFor(x => x.Outgoing!.Date)
            .Must((p, d) => d >= p.Verdict!.ReceivedDate)
            .When(p => p.Outgoing?.Date is not null && p.Verdict?.ReceivedDate is not null)
            .Says(NotBeforeReceipt);
        RuleFor(x => x.LocalExecutiveBody).RequiredText(Limits.Name);
        RuleFor(x => x.ProbationOffice).RequiredText(Limits.Name);

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

        this.DocumentRules(x => x.WorkOrder);
        RuleFor(x => x.WorkOrder!.Date)
            .Must((p, d) => d >= p.Verdict!.ReceivedDate)
            .When(p => p.WorkOrder?.Date is not null && p.Verdict?.ReceivedDate is not null)
            .Says(NotBeforeReceipt);

        this.SignatoryRules(x => x.Signatory);
        this.ExecutorRules(x => x.Executor);
    }
}
