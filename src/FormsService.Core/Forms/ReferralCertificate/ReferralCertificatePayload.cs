using System.ComponentModel;

namespace FormsService.Core.Forms.ReferralCertificate;

/// <summary>The data of Appendix 3 (Анықтама-жолдама) with its tear-off notification (Хабарлама).</summary>
internal sealed record ReferralCertificatePayload
{
    [Description("The local executive body (akimat) the person is sent to, as it is named in the addressee block.")]
    public string? LocalExecutiveBody { get; init; }

    [Description("Optional: the head of that body, printed in the blank over the caption 'басшы'.")]
    public string? AddresseeHead { get; init; }

    [Description("The verdict that sentenced the person to community service.")]
    public ReferralVerdict? Verdict { get; init; }

    [Description("The convicted person.")]
    public ReferralConvict? Convict { get; init; }

    [Description("The probation officer who issues the referral.")]
    public ReferralIssuer? Issuer { get; init; }

    [Description("Optional: the tear-off notification, filled by the akimat; absent, it prints blank to be filled by hand.")]
    public ReferralNotification? Notification { get; init; }
}

internal sealed record ReferralVerdict : Order733.IVerdictRecord
{
    [Description("Date of the verdict (YYYY-MM-DD).")]
    public DateOnly? Date { get; init; }

    [Description("The court, as written before 'сотымен' (e.g. 'Алматы қаласы Әуезов аудандық № 2').")]
    public string? Court { get; init; }

    [Description("Article of the Criminal Code (ҚК) the person was convicted under.")]
    public string? CriminalCodeArticle { get; init; }

    [Description("Term of community service in hours.")]
    public int? Hours { get; init; }
}

internal sealed record ReferralConvict : Order733.IConvictRecord
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

    [Description("Optional: main place of work or study.")]
    public string? WorkOrStudyPlace { get; init; }
}

internal sealed record ReferralIssuer
{
    [Description("Name of the probation service body that issues the referral.")]
    public string? BodyName { get; init; }

    [Description("Position of the signatory, one of: 'бастығы', 'аға инспекторы', 'инспекторы'.")]
    public string? Position { get; init; }

    [Description("Optional: special rank (e.g. 'полиция капитаны').")]
    public string? Rank { get; init; }

    [Description("Surname, name and patronymic of the signatory.")]
    public string? FullName { get; init; }

    [Description("Date of issue (YYYY-MM-DD).")]
    public DateOnly? Date { get; init; }
}

internal sealed record ReferralNotification
{
    [Description("Date of the notification (YYYY-MM-DD), printed on its first line: not before startDate (it reports a start) nor issuer.date.")]
    public DateOnly? Date { get; init; }

    [Description("Optional: outgoing number of the notification.")]
    public string? Number { get; init; }

    [Description("The probation service it is sent to, as written before 'пробация қызметіне'.")]
    public string? ProbationOffice { get; init; }

    [Description("The kind of work the person started.")]
    public string? WorkName { get; init; }

    [Description("Date the person started the work (YYYY-MM-DD).")]
    public DateOnly? StartDate { get; init; }

    [Description("Name of the local executive body that sends the notification.")]
    public string? BodyName { get; init; }

    [Description("Surname, name and patronymic of the head who signs it.")]
    public string? HeadFullName { get; init; }

    [Description("Optional: date under the head's signature (YYYY-MM-DD), the notification's last line; absent, notification.date is printed there.")]
    public DateOnly? SignedDate { get; init; }
}
