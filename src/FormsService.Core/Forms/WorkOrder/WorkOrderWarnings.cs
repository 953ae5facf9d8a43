using System.Globalization;
using FormsService.Core.Forms.Order733;
using FormsService.Core.Forms.Order733.Calendar;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Forms.WorkOrder;

/// <summary>
/// A late order is still a valid document: it renders, and the breach of the five-working-day deadline is reported
/// as a warning, never silently. So are an order dated ahead of today (Kazakhstan time) or on a day off, and a
/// person who may still have been 13.
/// </summary>
internal sealed class WorkOrderWarnings(DeadlineCalculator deadlines, WorkingCalendar calendar, TimeProvider clock)
{
    /// <summary>Kazakhstan keeps one time, UTC+5, since 1 March 2024.</summary>
    private static readonly TimeSpan KazakhstanOffset = TimeSpan.FromHours(5);

    public IEnumerable<PayloadWarning> For(WorkOrderPayload payload)
    {
        foreach (var warning in AgeWarnings.For(payload.Convict, payload.Verdict?.Date))
            yield return warning;
        if (payload.Order?.Date is { } dated)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(KazakhstanOffset).DateTime);
            if (dated > today)
                yield return new PayloadWarning("order-in-future", "order.date",
                    $"Өкім болашақ күнмен ({Iso(dated)}) белгіленген: бүгін Қазақстан уақытымен {Iso(today)} / " +
                    $"The order is dated in the future ({Iso(dated)}): today in Kazakhstan is {Iso(today)}.");
            if (dated.Year is >= CommonRules.FirstYear and <= CommonRules.LastYear && !calendar.IsWorkingDay(dated))
                yield return new PayloadWarning("order-on-day-off", "order.date",
                    $"Өкім жұмыс күні емес күнмен ({Iso(dated)}, {Kk(dated.DayOfWeek)}) белгіленген / " +
                    $"The order is dated on a day that is not a working day ({Iso(dated)}, {dated.DayOfWeek}).");
        }
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

    private static string Kk(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "дүйсенбі",
        DayOfWeek.Tuesday => "сейсенбі",
        DayOfWeek.Wednesday => "сәрсенбі",
        DayOfWeek.Thursday => "бейсенбі",
        DayOfWeek.Friday => "жұма",
        DayOfWeek.Saturday => "сенбі",
        _ => "жексенбі",
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
