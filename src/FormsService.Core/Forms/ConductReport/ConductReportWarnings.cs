using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core.Forms.ConductReport;

/// <summary>A conduct report sent after the month's last working day is late (rule 2-1 2)): it still renders, with a warning.</summary>
internal sealed class ConductReportWarnings(WorkingCalendar calendar)
{
    public IEnumerable<PayloadWarning> For(ConductReportPayload report) =>
        ReportMonth.Parse(report.Month) is { } first
            ? MonthlyReportWarnings.For(calendar, first, report.Outgoing?.Date, "outgoing.date", "late-conduct-report")
            : [];
}
