using FormsService.Core.Forms.AkimatReports;

namespace FormsService.Core.Forms.WorkAct;

/// <summary>What the act prints beyond what was typed: its period, the works in date order, numbered, and the total.</summary>
internal sealed record WorkActView
{
    public required DocumentReference Act { get; init; }
    public required string Month { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    /// <summary>"2025 жылғы 1–30 қараша".</summary>
    public required string PeriodText { get; init; }
    public required string LocalExecutiveBody { get; init; }
    public required string ResponsibleOrganization { get; init; }
    public required string WorkObject { get; init; }
    public required WorkingConvict Convict { get; init; }
    public required IReadOnlyList<WorkActViewItem> Works { get; init; }
    public required int TotalHours { get; init; }
    public required SignatoryDetails OrganizationRepresentative { get; init; }
    public required SignatoryDetails AkimatOfficial { get; init; }

    internal static WorkActView Of(WorkActPayload act, MonthTexts months)
    {
        var (from, to) = WorkActValidator.Period(act) ?? throw new ArgumentException("The act's month is not valid.", nameof(act));
        // Stable: works of one day keep the order they were given in.
        var works = (act.Works ?? []).OfType<WorkActItem>().OrderBy(w => w.Date)
            .Select(w => new WorkActViewItem(w.Date!.Value, DateTexts.Cell(w.Date.Value), w.Description!, w.Hours!.Value)).ToList();
        return new WorkActView
        {
            Act = act.Act!,
            Month = act.Month!,
            From = from,
            To = to,
            PeriodText = months.Period(from, to),
            LocalExecutiveBody = act.LocalExecutiveBody!,
            ResponsibleOrganization = act.ResponsibleOrganization!,
            WorkObject = act.WorkObject!,
            Convict = act.Convict!,
            Works = works,
            TotalHours = works.Sum(w => w.Hours),
            OrganizationRepresentative = act.OrganizationRepresentative!,
            AkimatOfficial = act.AkimatOfficial!,
        };
    }
}

/// <summary>A row of the act's table: the date as the cell prints it, what was done, the hours.</summary>
internal sealed record WorkActViewItem(DateOnly Date, string DateText, string Description, int Hours);
