using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core.Forms.WorkAct;

/// <summary>An act drawn after the month's last working day is late (rule 2-1 2)): it still renders, with a warning.</summary>
internal sealed class WorkActWarnings(WorkingCalendar calendar)
{
    public IEnumerable<PayloadWarning> For(WorkActPayload act) =>
        ReportMonth.Parse(act.Month) is { } first
            ? MonthlyReportWarnings.For(calendar, first, act.Act?.Date, "act.date", "late-work-act")
            : [];
}
