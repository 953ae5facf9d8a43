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
                    Say.Of("order-in-future", ("date", Iso(dated)), ("today", Iso(today))));
            if (dated.Year is >= CommonRules.FirstYear and <= CommonRules.LastYear && !calendar.IsWorkingDay(dated))
                yield return new PayloadWarning("order-on-day-off", "order.date",
                    Say.Of("order-on-day-off", ("date", Iso(dated))));
        }
        if (payload.Verdict?.ReceivedDate is not { } received || payload.Order?.Date is not { } date)
            yield break;
        var due = deadlines.OrderDue(received);
        if (date > due)
            yield return new PayloadWarning("late-order", "order.date",
                Say.Of("late-order", ("received", Iso(received)), ("due", Iso(due))));
        if (!calendar.IsConfirmed(received, due))
            yield return new PayloadWarning("calendar-unconfirmed", "verdict.receivedDate",
                Say.Of("calendar-unconfirmed", ("year", received.Year), ("due", Iso(due))));
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
