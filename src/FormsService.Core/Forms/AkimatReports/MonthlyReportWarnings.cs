using System.Globalization;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>The warnings every monthly report shares: late after the month's last working day, an unconfirmed calendar.</summary>
internal static class MonthlyReportWarnings
{
    public static IEnumerable<PayloadWarning> For(WorkingCalendar calendar, DateOnly first, DateOnly? sent, string path, string lateMessage)
    {
        var due = calendar.LastWorkingDayOfMonth(first.Year, first.Month);
        if (sent is { } date && date > due)
            yield return new PayloadWarning("late-monthly-report", path,
                Say.Of(lateMessage, ("due", Iso(due))));
        if (!calendar.IsConfirmed(first.AddDays(-1), ReportMonth.Last(first)))
            yield return new PayloadWarning("calendar-unconfirmed", path,
                Say.Of("month-calendar-unconfirmed", ("year", first.Year), ("due", Iso(due))));
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
