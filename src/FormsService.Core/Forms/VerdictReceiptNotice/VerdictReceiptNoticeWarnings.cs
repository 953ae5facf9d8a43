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
            yield return Late("late-order", "workOrder.date", "Өкім", received, due);
        if (notice.Outgoing?.Date is { } sent && sent > due)
            yield return Late("late-notice", "outgoing.date", "Хабарлама", received, due);
        if (!calendar.IsConfirmed(received, due))
            yield return new PayloadWarning("calendar-unconfirmed", "verdict.receivedDate",
                $"Жұмыс күндері {received.Year} жылдың расталған күнтізбесінсіз есептелді / " +
                $"Working days were counted without a confirmed calendar for {received.Year}: the due date {Iso(due)} may move.");
    }

    private static PayloadWarning Late(string code, string path, string what, DateOnly received, DateOnly due) =>
        new(code, path,
            $"{what} мерзімі өтіп кеткен: үкім {Iso(received)} келіп түсті, {Iso(due)} дейін (5 жұмыс күні) жіберілуі тиіс еді (Қағидалардың 2-тармағы) / " +
            $"Late: the verdict was received on {Iso(received)}; due by {Iso(due)} (5 working days, rule 2).");

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
