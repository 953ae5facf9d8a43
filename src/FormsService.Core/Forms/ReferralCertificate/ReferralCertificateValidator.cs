using FormsService.Core.Forms.Order733;
using FluentValidation;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Forms.ReferralCertificate;

/// <summary>The rules a referral-certificate must keep (rule 14 of the probation-service rules, and common sense).</summary>
internal sealed class ReferralCertificateValidator : FormPayloadValidator<ReferralCertificatePayload>, IRulesBeyondSchema
{
    public IReadOnlyList<string> RulesBeyondSchema { get; } =
    [
        "issuer.date: not before verdict.date.",
        "notification.startDate: not before issuer.date.",
        "notification.date, notification.signedDate: not before notification.startDate nor issuer.date.",
        "convict.birthYear: the person is 14–100 years old (by year) on verdict.date.",
    ];

    /// <summary>The notification reports that the person started (кірісті): it is dated on or after the start and the referral.</summary>
    private void NotBeforeStartOrIssue(System.Linq.Expressions.Expression<Func<ReferralCertificatePayload, DateOnly?>> date)
    {
        var get = date.Compile();
        RuleFor(date)
            .Must((p, d) => d >= p.Notification!.StartDate)
            .When(p => get(p) is not null && p.Notification!.StartDate is not null)
            .Says(BeforeStart);
        RuleFor(date)
            .Must((p, d) => d >= p.Issuer!.Date)
            .When(p => get(p) is not null && p.Issuer?.Date is not null)
            .Says(BeforeIssue);
    }

    /// <summary>The positions the form lists: "Бастығы (аға инспекторы, инспекторы)".</summary>
    public static readonly string[] Positions = ["бастығы", "аға инспекторы", "инспекторы"];

    private static readonly Message BeforeIssue = Say.Of("before-issue-date");
    private static readonly Message BeforeStart = Say.Of("before-start-date");

    public ReferralCertificateValidator()
    {
        RuleFor(x => x.LocalExecutiveBody).RequiredText(Limits.Name);
        RuleFor(x => x.AddresseeHead).OptionalText(Limits.Name);

        VerdictRules(x => x.Verdict);
        ConvictRules(x => x.Convict, x => x.Verdict?.Date);
        // The whole rule under the parent's presence (not a condition on the check): the schema states its length.
        When(x => x.Convict is not null, () => RuleFor(x => x.Convict!.WorkOrStudyPlace).OptionalText(Limits.Address));

        RuleFor(x => x.Issuer).NotNull().Says(Say.Required);
        When(x => x.Issuer is not null, () =>
        {
            RuleFor(x => x.Issuer!.BodyName).RequiredText(Limits.Name);
            RuleFor(x => x.Issuer!.Position).RequiredText(Limits.Name).OneOf(Positions);
            RuleFor(x => x.Issuer!.Rank).OptionalText(Limits.PersonName);
            RuleFor(x => x.Issuer!.FullName).RequiredText(Limits.PersonName);
            RuleFor(x => x.Issuer!.Date).RequiredDate();
            RuleFor(x => x.Issuer!.Date)
                .Must((p, d) => d >= p.Verdict!.Date)
                .When(p => p.Issuer!.Date is not null && p.Verdict?.Date is not null)
                .Says(Say.Of("before-verdict-date"));
        });

        When(x => x.Notification is not null, () =>
        {
            RuleFor(x => x.Notification!.Date).RequiredDate();
            NotBeforeStartOrIssue(x => x.Notification!.Date);
            RuleFor(x => x.Notification!.Number).OptionalText(Limits.Article);
            RuleFor(x => x.Notification!.ProbationOffice).RequiredText(Limits.Name);
            RuleFor(x => x.Notification!.WorkName).RequiredText(Limits.Name);
            RuleFor(x => x.Notification!.StartDate).RequiredDate();
            RuleFor(x => x.Notification!.StartDate)
                .Must((p, d) => d >= p.Issuer!.Date)
                .When(p => p.Notification!.StartDate is not null && p.Issuer?.Date is not null)
                .Says(BeforeIssue);
            RuleFor(x => x.Notification!.BodyName).RequiredText(Limits.Name);
            RuleFor(x => x.Notification!.HeadFullName).RequiredText(Limits.PersonName);
            RuleFor(x => x.Notification!.SignedDate)
                .DateInYears(Say.Of("years-between", ("min", CommonRules.FirstYear), ("max", CommonRules.LastYear)));
            NotBeforeStartOrIssue(x => x.Notification!.SignedDate);
        });
    }
}
