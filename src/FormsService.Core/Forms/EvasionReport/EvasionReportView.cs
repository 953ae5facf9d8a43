using FormsService.Core.Forms.AkimatReports;

namespace FormsService.Core.Forms.EvasionReport;

/// <summary>What the evasion report prints: the facts in date order with the words for their kind, and the explanation or its absence.</summary>
internal sealed record EvasionReportView
{
    public required OutgoingDetails Outgoing { get; init; }
    public required string LocalExecutiveBody { get; init; }
    public required string ProbationOffice { get; init; }
    public required ReportConvict Convict { get; init; }
    public required DocumentReference WorkOrder { get; init; }
    public required IReadOnlyList<EvasionViewFact> Facts { get; init; }
    public required string Explanation { get; init; }
    public required SignatoryDetails Signatory { get; init; }
    public ExecutorDetails? Executor { get; init; }

    internal static EvasionReportView Of(EvasionReportPayload report, string language) => new()
    {
        Outgoing = report.Outgoing!,
        LocalExecutiveBody = report.LocalExecutiveBody!,
        ProbationOffice = report.ProbationOffice!,
        Convict = report.Convict!,
        WorkOrder = report.WorkOrder!,
        Facts = [.. (report.Facts ?? []).OfType<EvasionFact>().OrderBy(f => f.Date).Select(f => EvasionViewFact.Of(f, ViewWords.Of(language)))],
        Explanation = string.IsNullOrWhiteSpace(report.Explanation) ? ViewWords.Of(language).NoExplanation : report.Explanation,
        Signatory = report.Signatory!,
        Executor = report.Executor,
    };
}

/// <summary>A fact as printed: its date, the words of its kind, and what happened.</summary>
internal sealed record EvasionViewFact(DateOnly Date, string DateText, string Kind, string KindText, string? Description)
{
    internal static EvasionViewFact Of(EvasionFact f, ViewWords words) =>
        new(f.Date!.Value, DateTexts.Cell(f.Date.Value), f.Kind!, words.EvasionKinds[f.Kind!], f.Description);
}
