using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.AkimatReports;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core.Forms.TimeSheet;

/// <summary>
/// What a clerk must know about a valid sheet: it is sent after the month's last working day (rule 2-1 2)), or a
/// person serves the last hour of the sentence this month (the probation service closes the case).
/// </summary>
internal sealed class TimeSheetWarnings(WorkingCalendar calendar)
{
    public IEnumerable<PayloadWarning> For(TimeSheetPayload sheet)
    {
        if (ReportMonth.Parse(sheet.Month) is not { } first)
            yield break;
        foreach (var warning in MonthlyReportWarnings.For(calendar, first, sheet.CompiledBy?.Date, "compiledBy.date", "late-time-sheet"))
            yield return warning;
        var view = TimeSheetView.RowsOf(sheet.Persons ?? []);
        for (var i = 0; i < view.Count; i++)
            if (view[i].CompletesSentence)
                yield return new PayloadWarning("sentence-completed", $"persons[{i}]",
                    Say.Of("sentence-completed", ("name", view[i].FullName), ("hours", view[i].SentenceHours)));
    }
}
