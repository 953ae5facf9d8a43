using System.ComponentModel;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>The outgoing number and date an official letter of the akimat carries.</summary>
internal sealed record OutgoingDetails
{
    [Description("Outgoing number of the letter.")]
    public string? Number { get; init; }

    [Description("Outgoing date of the letter (YYYY-MM-DD).")]
    public DateOnly? Date { get; init; }
}

/// <summary>A document's number and date (the akimat's work order, an act).</summary>
internal sealed record DocumentReference
{
    [Description("Number of the document.")]
    public string? Number { get; init; }

    [Description("Date of the document (YYYY-MM-DD).")]
    public DateOnly? Date { get; init; }
}

/// <summary>An official who signs: position and full name.</summary>
/// <summary>
/// The executor line Kazakh official letters carry at the foot of the last page (орындаушы, телефон): who prepared
/// the letter and how to reach them.
/// </summary>
internal sealed record ExecutorDetails
{
    [Description("Name of the official who prepared the letter, as the letter prints it (e.g. 'Д. Ахметова').")]
    public string? FullName { get; init; }

    [Description("Optional: their telephone (e.g. '8 (727) 300-00-00').")]
    public string? Phone { get; init; }
}

internal sealed record SignatoryDetails
{
    [Description("Position of the signatory (e.g. 'Әуезов ауданы әкімінің орынбасары').")]
    public string? Position { get; init; }

    [Description("Surname, name and patronymic of the signatory.")]
    public string? FullName { get; init; }
}

/// <summary>The person doing community service, as the akimat's reports name them.</summary>
internal sealed record ReportConvict : Order733.IConvictRecord
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
}

/// <summary>The person on an act of work done: the daily limit depends on their job and study.</summary>
internal sealed record WorkingConvict : Order733.IConvictRecord
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
