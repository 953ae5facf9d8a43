using System.ComponentModel;
using FormsService.Core.Forms.AkimatReports;

namespace FormsService.Core.Forms.EvasionReport;

/// <summary>
/// The akimat's report to the probation service of the person's evasion of community service (сотталған адамның
/// қоғамдық жұмыстарды орындаудан жалтару фактісі туралы хабарлама, rule 2-1 3) of the community-service rules).
/// </summary>
internal sealed record EvasionReportPayload
{
    [Description("Outgoing number and date of the report.")]
    public OutgoingDetails? Outgoing { get; init; }

    [Description("The local executive body (akimat) that sends the report.")]
    public string? LocalExecutiveBody { get; init; }

    [Description("The probation service it is sent to.")]
    public string? ProbationOffice { get; init; }

    [Description("The convicted person.")]
    public ReportConvict? Convict { get; init; }

    [Description("The akimat's order organising the community service that the person breaches.")]
    public DocumentReference? WorkOrder { get; init; }

    [Description("The facts of evasion, at least one: date, kind ('absent', 'refused', 'left', 'other') and description.")]
    public IReadOnlyList<EvasionFact?>? Facts { get; init; }

    [Description("Optional: the person's explanation; absent when the person gave none.")]
    public string? Explanation { get; init; }

    [Description("Who signs the report.")]
    public SignatoryDetails? Signatory { get; init; }

    [Description("Optional: the executor line at the foot of the letter (орындаушы, телефон).")]
    public ExecutorDetails? Executor { get; init; }
}

internal sealed record EvasionFact
{
    [Description("Date of the fact (YYYY-MM-DD).")]
    public DateOnly? Date { get; init; }

    [Description("Kind: 'absent' (did not come to work), 'refused' (refused to work), 'left' (left the work without leave), 'other'.")]
    public string? Kind { get; init; }

    [Description("What happened; required for kind 'other'.")]
    public string? Description { get; init; }
}
