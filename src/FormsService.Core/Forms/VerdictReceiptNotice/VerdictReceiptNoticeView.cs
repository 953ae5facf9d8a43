using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.VerdictReceiptNotice;

/// <summary>What the notice prints: the payload and the verdict's or ruling's words in the cases its sentences need.</summary>
internal sealed record VerdictReceiptNoticeView
{
    public required OutgoingDetails Outgoing { get; init; }
    public required string LocalExecutiveBody { get; init; }
    public required string ProbationOffice { get; init; }
    public required NoticeVerdict Verdict { get; init; }
    public required ReportConvict Convict { get; init; }
    public required DocumentReference WorkOrder { get; init; }
    public required SignatoryDetails Signatory { get; init; }
    public ExecutorDetails? Executor { get; init; }

    /// <summary>"үкімін" / "қаулысын", "Үкіммен" / "Қаулымен".</summary>
    public required VerdictWords VerdictWords { get; init; }

    internal static VerdictReceiptNoticeView Of(VerdictReceiptNoticePayload p, string language) => new()
    {
        Outgoing = p.Outgoing!,
        LocalExecutiveBody = p.LocalExecutiveBody!,
        ProbationOffice = p.ProbationOffice!,
        Verdict = p.Verdict!,
        Convict = p.Convict!,
        WorkOrder = p.WorkOrder!,
        Signatory = p.Signatory!,
        Executor = p.Executor,
        VerdictWords = VerdictKind.Words(p.Verdict!.Kind, language),
    };
}
