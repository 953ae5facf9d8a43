using System.ComponentModel;
using FormsService.Core.Forms.AkimatReports;

namespace FormsService.Core.Forms.VerdictReceiptNotice;

/// <summary>
/// The akimat's notice to the probation service that the court's verdict (ruling) was received (сот үкімін немесе
/// қаулысын алғаны туралы хабарлама, rule 2 3) of the community-service rules), sent with the work order.
/// </summary>
internal sealed record VerdictReceiptNoticePayload
{
    [Description("Outgoing number and date of the notice.")]
    public OutgoingDetails? Outgoing { get; init; }

    [Description("The local executive body (akimat) that sends the notice.")]
    public string? LocalExecutiveBody { get; init; }

    [Description("The probation service it is sent to.")]
    public string? ProbationOffice { get; init; }

    [Description("The verdict (or ruling) received.")]
    public NoticeVerdict? Verdict { get; init; }

    [Description("The convicted person.")]
    public ReportConvict? Convict { get; init; }

    [Description("The akimat's order organising the community service, sent with the notice (rule 2 3)).")]
    public DocumentReference? WorkOrder { get; init; }

    [Description("Who signs the notice.")]
    public SignatoryDetails? Signatory { get; init; }

    [Description("Optional: the executor line at the foot of the letter (орындаушы, телефон).")]
    public ExecutorDetails? Executor { get; init; }
}

internal sealed record NoticeVerdict : Order733.IVerdictRecord
{
    [Description("Date of the verdict (YYYY-MM-DD).")]
    public DateOnly? Date { get; init; }

    [Description("The court that passed the verdict.")]
    public string? Court { get; init; }

    [Description("Article of the Criminal Code (ҚК).")]
    public string? CriminalCodeArticle { get; init; }

    [Description("Term of community service in hours.")]
    public int? Hours { get; init; }

    [Description("Date the akimat received the verdict (YYYY-MM-DD); rule 2's five working days count from it.")]
    public DateOnly? ReceivedDate { get; init; }

    [Description("Optional: 'verdict' (үкім, the default) or 'ruling' (қаулы): which the court's decision is; the notice prints it in the right case ('үкімін' / 'қаулысын', 'Үкіммен' / 'Қаулымен').")]
    public string? Kind { get; init; }
}
