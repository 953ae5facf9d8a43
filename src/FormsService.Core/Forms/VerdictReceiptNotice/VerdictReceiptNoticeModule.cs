using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.VerdictReceiptNotice;

/// <summary>The notice that the verdict was received: its payload with the verdict's or ruling's words as the view; late papers are warnings; rule 2's deadlines shown under the day of receipt.</summary>
internal static class VerdictReceiptNoticeModule
{
    public const string Name = "verdict-receipt-notice";

    public static IFormModule Create(ModuleServices services, Order733Services order) =>
        new RecordModule<VerdictReceiptNoticePayload, VerdictReceiptNoticeView>(Name,
            new PayloadType<VerdictReceiptNoticePayload>(new VerdictReceiptNoticeValidator(), services.Guard,
                new VerdictReceiptNoticeWarnings(order.Deadlines, order.Calendar).For),
            VerdictReceiptNoticeView.Of,
            new PageHints(DeadlinesFrom: "verdict.receivedDate"));
}
