using System.ComponentModel;

namespace FormsService.Core.Forms.WorkOrder;

/// <summary>The akimat's order (өкім) organising community service (rule 2 of the community-service rules).</summary>
internal sealed record WorkOrderPayload
{
    [Description("The akimat (its akim) that issues the order, and where.")]
    public WorkOrderAkimat? Akimat { get; init; }

    [Description("Number and date of the order.")]
    public WorkOrderDetails? Order { get; init; }

    [Description("The verdict the order executes.")]
    public WorkOrderVerdict? Verdict { get; init; }

    [Description("The convicted person.")]
    public WorkOrderConvict? Convict { get; init; }

    [Description("The work: kind, object, conditions, responsible organisation, working and rest time.")]
    public WorkOrderWork? Work { get; init; }

    [Description("Who signs the order.")]
    public WorkOrderSignatory? Signatory { get; init; }

    [Description("Optional: the official the akim gives control of the order to (a deputy akim, the head of the akim's office); absent, the akim keeps it ('Осы өкімнің орындалуын бақылауды өзіме қалдырамын').")]
    public WorkOrderControl? Control { get; init; }
}

internal sealed record WorkOrderControl
{
    [Description("Position of the official, as it reads before the name (e.g. 'аудан әкімінің орынбасары').")]
    public string? Position { get; init; }

    [Description("Name of the official, as it reads in the order (e.g. 'Б. Қ. Серіков').")]
    public string? FullName { get; init; }
}

internal sealed record WorkOrderAkimat
{
    [Description("Name at the head of the order (e.g. 'Алматы қаласы Әуезов ауданының әкімі').")]
    public string? Name { get; init; }

    [Description("Place where the order is issued (e.g. 'Алматы қаласы').")]
    public string? Place { get; init; }
}

internal sealed record WorkOrderDetails
{
    [Description("Number of the order.")]
    public string? Number { get; init; }

    [Description("Date of the order (YYYY-MM-DD): due within five working days of verdict.receivedDate; a date in the future or on a day off is reported as a warning.")]
    public DateOnly? Date { get; init; }
}

internal sealed record WorkOrderVerdict : Order733.IVerdictRecord
{
    [Description("The court that passed the verdict.")]
    public string? Court { get; init; }

    [Description("Date of the verdict (YYYY-MM-DD).")]
    public DateOnly? Date { get; init; }

    [Description("Date the akimat received the verdict (YYYY-MM-DD); the deadlines count from it.")]
    public DateOnly? ReceivedDate { get; init; }

    [Description("Article of the Criminal Code (ҚК).")]
    public string? CriminalCodeArticle { get; init; }

    [Description("Term of community service in hours.")]
    public int? Hours { get; init; }

    [Description("Optional: 'verdict' (үкім, the default) or 'ruling' (қаулы): which the court's decision is; the order prints it in the right case ('үкімін' / 'қаулысын').")]
    public string? Kind { get; init; }
}

internal sealed record WorkOrderConvict : Order733.IConvictRecord
{
    [Description("Surname.")]
    public string? Surname { get; init; }

    [Description("Given name.")]
    public string? Name { get; init; }

    [Description("Patronymic, if the person has one.")]
    public string? Patronymic { get; init; }

    [Description("Year of birth.")]
    public int? BirthYear { get; init; }

    [Description("Place of residence.")]
    public string? Residence { get; init; }

    [Description("Whether the person has a permanent job (decides the daily limit: 4 h, or up to 8 h for those with no job who do not study).")]
    public bool? HasPermanentJob { get; init; }

    [Description("Whether the person studies.")]
    public bool? IsStudent { get; init; }
}

internal sealed record WorkOrderWork
{
    [Description("Kind of unpaid socially useful work needing no particular qualification.")]
    public string? Kind { get; init; }

    [Description("The object (place) where the work is done, near the person's residence.")]
    public string? Object { get; init; }

    [Description("Conditions of doing the work, with its safety.")]
    public string? Conditions { get; init; }

    [Description("The organisation responsible for the work.")]
    public string? ResponsibleOrganization { get; init; }

    [Description("Hours a day: 1–4; up to 8 for a person with no permanent job who does not study.")]
    public int? HoursPerDay { get; init; }

    [Description("Working days a week: 1–7; hoursPerDay × daysPerWeek ≤ 40.")]
    public int? DaysPerWeek { get; init; }

    [Description("Rest time.")]
    public string? RestTime { get; init; }
}

internal sealed record WorkOrderSignatory
{
    [Description("Position of the signatory (e.g. 'Әуезов ауданының әкімі').")]
    public string? Position { get; init; }

    [Description("Name of the signatory as the payload gives it: 'Исаев Марат Бекұлы' (surname, name, patronymic) prints as akims' acts sign, 'М. Исаев'; a name already written with an initial prints as given.")]
    public string? FullName { get; init; }
}
