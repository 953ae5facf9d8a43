using FormsService.Core.Forms.Order733.Calendar;
using FormsService.Core.Forms.ReferralCertificate;
using FormsService.Core.Forms.WorkOrder;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Forms;

/// <summary>The payload types the code knows: what a definition's <c>payloadType</c> may name.</summary>
internal static class PayloadRegistry
{
    public static IReadOnlyDictionary<string, IPayloadType> Create(TextGuard guard, DeadlineCalculator deadlines, WorkingCalendar calendar, VestSpecimen.VestPayloadType vest)
    {
        var workOrderWarnings = new WorkOrderWarnings(deadlines, calendar);
        IPayloadType[] types =
        [
            new PayloadType<ReferralCertificatePayload>("referral-certificate", new ReferralCertificateValidator(), guard),
            new PayloadType<WorkOrderPayload>("work-order", new WorkOrderValidator(), guard, workOrderWarnings.For),
            vest,
            new PayloadType<VerdictReceiptNotice.VerdictReceiptNoticePayload>("verdict-receipt-notice", new VerdictReceiptNotice.VerdictReceiptNoticeValidator(), guard, new VerdictReceiptNotice.VerdictReceiptNoticeWarnings(deadlines, calendar).For),
            new PayloadType<TimeSheet.TimeSheetPayload>("time-sheet", new TimeSheet.TimeSheetValidator(), guard, new TimeSheet.TimeSheetWarnings(calendar).For),
            new PayloadType<WorkAct.WorkActPayload>("work-act", new WorkAct.WorkActValidator(), guard, new WorkAct.WorkActWarnings(calendar).For),
            new PayloadType<ConductReport.ConductReportPayload>("conduct-report", new ConductReport.ConductReportValidator(), guard, new ConductReport.ConductReportWarnings(calendar).For),
            new PayloadType<EvasionReport.EvasionReportPayload>("evasion-report", new EvasionReport.EvasionReportValidator(), guard),
        ];
        return types.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }
}

/// <summary>The figures a definition may place, by id.</summary>
internal static class FigureRegistry
{
    public static IReadOnlyDictionary<string, Engine.Model.IFigureSource> Create(VestSpecimen.VestPayloadType vest) =>
        new Dictionary<string, Engine.Model.IFigureSource>(StringComparer.Ordinal) { [vest.Id] = vest };
}
