using System.Globalization;
using FormsService.Core.Forms.Order733.Calendar;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Forms.WorkOrder;

/// <summary>
/// A late order is still a valid document: it renders, and the breach of the five-working-day deadline is reported
/// as a warning, never silently.
/// </summary>
internal sealed class WorkOrderWarnings(DeadlineCalculator deadlines, WorkingCalendar calendar)
{
    public IEnumerable<PayloadWarning> For(WorkOrderPayload payload)
    {
        if (payload.Verdict?.ReceivedDate is not { } received || payload.Order?.Date is not { } date)
            yield break;
        var due = deadlines.OrderDue(received);
        if (date > due)
            yield return new PayloadWarning("late-order", "order.date",
                $"Өкім мерзімі өтіп кеткен: үкім {Iso(received)} келіп түсті, өкім {Iso(due)} дейін (5 жұмыс күні) шығарылуы тиіс еді / " +
                $"The order is late: the verdict was received on {Iso(received)}, the order was due by {Iso(due)} (5 working days).");
        if (!calendar.IsConfirmed(received, due))
            yield return new PayloadWarning("calendar-unconfirmed", "verdict.receivedDate",
                $"Жұмыс күндері {received.Year} жылдың расталған күнтізбесінсіз есептелді / " +
                $"Working days were counted without a confirmed calendar for {received.Year}: the due date {Iso(due)} may move.");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
