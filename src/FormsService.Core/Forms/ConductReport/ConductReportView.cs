using FormsService.Core.Forms.AkimatReports;

namespace FormsService.Core.Forms.ConductReport;

/// <summary>What the conduct report prints: the payload, the month in words, and whether there were breaches at all.</summary>
internal sealed record ConductReportView
{
    public required OutgoingDetails Outgoing { get; init; }
    public required string LocalExecutiveBody { get; init; }
    public required string ProbationOffice { get; init; }
    public required string Month { get; init; }
    /// <summary>"2025 жылғы қараша".</summary>
    public required string MonthTitle { get; init; }
    public required ReportConvict Convict { get; init; }
    public string? WorkObject { get; init; }
    public required IReadOnlyList<TextParagraph> Assessment { get; init; }
    public required IReadOnlyList<ConductViewBreach> Breaches { get; init; }
    /// <summary>Set when the month had no breach: the report says so instead of the table (printed only with breaches).</summary>
    public string? NoBreaches { get; init; }
    public required SignatoryDetails Signatory { get; init; }
    public ExecutorDetails? Executor { get; init; }

    internal static ConductReportView Of(ConductReportPayload report, MonthTexts months)
    {
        var words = ViewWords.Of(months.Language);
        var first = ReportMonth.Parse(report.Month) ?? throw new ArgumentException("The report's month is not valid.", nameof(report));
        var breaches = (report.Breaches ?? []).OfType<ConductBreach>().OrderBy(b => b.Date)
            .Select(b => new ConductViewBreach(b.Date!.Value, DateTexts.Cell(b.Date.Value), b.Description!)).ToList();
        return new ConductReportView
        {
            Outgoing = report.Outgoing!,
            LocalExecutiveBody = report.LocalExecutiveBody!,
            ProbationOffice = report.ProbationOffice!,
            Month = report.Month!,
            MonthTitle = months.Title(first),
            Convict = report.Convict!,
            WorkObject = report.WorkObject,
            Assessment = [.. (report.Assessment ?? []).OfType<string>().Select(p => new TextParagraph(p))],
            Breaches = breaches,
            NoBreaches = breaches.Count == 0 ? words.NoBreaches : null,
            Signatory = report.Signatory!,
            Executor = report.Executor,
        };
    }
}

/// <summary>A row of the breaches table: the date as the cell prints it, and what happened.</summary>
internal sealed record ConductViewBreach(DateOnly Date, string DateText, string Description);
