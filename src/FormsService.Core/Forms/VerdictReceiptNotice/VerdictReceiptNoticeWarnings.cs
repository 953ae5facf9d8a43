using System.Globalization;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core.Forms.VerdictReceiptNotice;

/// <summary>
/// Rule 2: the order and the notice are due within five working days of receiving the verdict. Late papers are
/// still sent: the breach is a warning, never a refusal.
/// </summary>
internal sealed class VerdictReceiptNoticeWarnings(DeadlineCalculator deadlines, WorkingCalendar calendar)
{
    public IEnumerable<PayloadWarning> For(VerdictReceiptNoticePayload notice)
    {
        if (notice.Verdict?.ReceivedDate is not { } received)
            yield break;
        var due = deadlines.OrderDue(received);
        if (notice.WorkOrder?.Date is { } order && order > due)
            yield return Late("late-order", "workOrder.date", "notice-late-order", received, due);
        if (notice.Outgoing?.Date is { } sent && sent > due)
            yield return Late("late-notice", "outgoing.date", "notice-late-notice", received, due);
        if (!calendar.IsConfirmed(received, due))
            yield return new PayloadWarning("calendar-unconfirmed", "verdict.receivedDate",
                Say.Of("calendar-unconfirmed", ("year", received.Year), ("due", Iso(due))));
    }

    private static PayloadWarning Late(string code, string path, string message, DateOnly received, DateOnly due) =>
        new(code, path, Say.Of(message, ("received", Iso(received)), ("due", Iso(due))));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
