using System.ComponentModel;
using FormsService.Core.Forms.AkimatReports;

namespace FormsService.Core.Forms.ConductReport;

/// <summary>
/// Information on the convicted person's conduct for a month (сотталған адамның мінез-құлқы туралы ақпарат,
/// rule 2-1 2) of the community-service rules).
/// </summary>
internal sealed record ConductReportPayload
{
    [Description("Outgoing number and date of the report.")]
    public OutgoingDetails? Outgoing { get; init; }

    [Description("The local executive body (akimat) that sends the report.")]
    public string? LocalExecutiveBody { get; init; }

    [Description("The probation service it is sent to.")]
    public string? ProbationOffice { get; init; }

    [Description("The month reported on, as YYYY-MM (e.g. '2025-11').")]
    [System.ComponentModel.DataAnnotations.RegularExpression(AkimatReports.ReportMonth.Pattern)]
    public string? Month { get; init; }

    [Description("The convicted person.")]
    public ReportConvict? Convict { get; init; }

    [Description("Optional: the object where the person works.")]
    public string? WorkObject { get; init; }

    [Description("The assessment of the person's conduct: its paragraphs, in order (at most 2,000 characters in all).")]
    public IReadOnlyList<string?>? Assessment { get; init; }

    [Description("Breaches of discipline or of the order of serving during the month: date and description; empty when there were none.")]
    public IReadOnlyList<ConductBreach?>? Breaches { get; init; }

    [Description("Who signs the report.")]
    public SignatoryDetails? Signatory { get; init; }

    [Description("Optional: the executor line at the foot of the letter (орындаушы, телефон).")]
    public ExecutorDetails? Executor { get; init; }
}

internal sealed record ConductBreach
{
    [Description("Date of the breach (YYYY-MM-DD), inside the month.")]
    public DateOnly? Date { get; init; }

    [Description("What happened.")]
    public string? Description { get; init; }
}
