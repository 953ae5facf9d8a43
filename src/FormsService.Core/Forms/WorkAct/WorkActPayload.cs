using System.ComponentModel;
using FormsService.Core.Forms.AkimatReports;

namespace FormsService.Core.Forms.WorkAct;

/// <summary>
/// The act of work done (орындалған жұмыстар актісі, rule 2-1 2) of the community-service rules) for one person and
/// one month, or a period inside one month.
/// </summary>
internal sealed record WorkActPayload
{
    [Description("Number and date of the act.")]
    public DocumentReference? Act { get; init; }

    [Description("The month of the act, as YYYY-MM (e.g. '2025-11').")]
    [System.ComponentModel.DataAnnotations.RegularExpression(AkimatReports.ReportMonth.Pattern)]
    public string? Month { get; init; }

    [Description("Optional: first day of the period inside the month (YYYY-MM-DD); the month's first day when absent.")]
    public DateOnly? From { get; init; }

    [Description("Optional: last day of the period inside the month (YYYY-MM-DD); the month's last day when absent.")]
    public DateOnly? To { get; init; }

    [Description("The local executive body (akimat).")]
    public string? LocalExecutiveBody { get; init; }

    [Description("The organisation responsible for the work.")]
    public string? ResponsibleOrganization { get; init; }

    [Description("The object (place) where the work was done.")]
    public string? WorkObject { get; init; }

    [Description("The person who did the work.")]
    public WorkingConvict? Convict { get; init; }

    [Description("The works done: date, description, hours (1–100 entries).")]
    public IReadOnlyList<WorkActItem?>? Works { get; init; }

    [Description("The responsible organisation's representative who signs the act.")]
    public SignatoryDetails? OrganizationRepresentative { get; init; }

    [Description("The akimat's official who signs the act.")]
    public SignatoryDetails? AkimatOfficial { get; init; }
}

internal sealed record WorkActItem
{
    [Description("Date the work was done (YYYY-MM-DD), inside the period.")]
    public DateOnly? Date { get; init; }

    [Description("What was done.")]
    public string? Description { get; init; }

    [Description("Hours worked: 1–4 a day, or up to 8 for a person with no permanent job who does not study.")]
    public int? Hours { get; init; }
}
