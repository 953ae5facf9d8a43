using System.Globalization;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>The warnings every monthly report shares: late after the month's last working day, an unconfirmed calendar.</summary>
internal static class MonthlyReportWarnings
{
    public static IEnumerable<PayloadWarning> For(WorkingCalendar calendar, DateOnly first, DateOnly? sent, string path, string what)
    {
        var due = calendar.LastWorkingDayOfMonth(first.Year, first.Month);
        if (sent is { } date && date > due)
            yield return new PayloadWarning("late-monthly-report", path,
                $"{what} мерзімі өтіп кеткен: айдың соңғы жұмыс күні {Iso(due)} (Қағидалардың 2-1-тармағы 2) тармақшасы) / " +
                $"Late: due by the month's last working day, {Iso(due)} (rule 2-1.2).");
        if (!calendar.IsConfirmed(first.AddDays(-1), ReportMonth.Last(first)))
            yield return new PayloadWarning("calendar-unconfirmed", path,
                $"{first.Year} жылдың расталған күнтізбесі жоқ: демалыс күндері мен мерзім өзгеруі мүмкін / " +
                $"No confirmed calendar for {first.Year}: the days off and the due date {Iso(due)} may move.");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
