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
        var workOrderWarnings = new WorkOrderWarnings(deadlines, calendar, TimeProvider.System);
        IPayloadType[] types =
        [
            new PayloadType<ReferralCertificatePayload>("referral-certificate", new ReferralCertificateValidator(), guard, ReferralCertificateWarnings.For),
            new PayloadType<WorkOrderPayload>("work-order", new WorkOrderValidator(), guard, workOrderWarnings.For),
            vest,
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
