using FluentValidation;
using FormsService.Core.Payloads;

namespace FormsService.Core.Forms.ReferralCertificate;

/// <summary>The rules a referral-certificate must keep (rule 14 of the probation-service rules, and common sense).</summary>
public sealed class ReferralCertificateValidator : AbstractValidator<ReferralCertificatePayload>
{
    /// <summary>The positions the form lists: "Бастығы (аға инспекторы, инспекторы)".</summary>
    public static readonly string[] Positions = ["бастығы", "аға инспекторы", "инспекторы"];

    /// <summary>Criminal Code of Kazakhstan, art. 43: community service from 80 to 1200 hours; any positive term is accepted up to the maximum.</summary>
    public const int MaxHours = 1200;

    public ReferralCertificateValidator()
    {
        RuleFor(x => x.LocalExecutiveBody).RequiredText(Limits.Name);
        RuleFor(x => x.AddresseeHead).OptionalText(Limits.Name);

        RuleFor(x => x.Verdict).NotNull().WithMessage(Messages.Required);
        When(x => x.Verdict is not null, () =>
        {
            RuleFor(x => x.Verdict!.Date).RequiredDate();
            RuleFor(x => x.Verdict!.Court).RequiredText(Limits.Name);
            RuleFor(x => x.Verdict!.CriminalCodeArticle).RequiredText(Limits.Article);
            RuleFor(x => x.Verdict!.Hours).NotNull().WithMessage(Messages.Required)
                .InclusiveBetween(1, MaxHours).WithMessage(Messages.Between(1, MaxHours));
        });

        RuleFor(x => x.Convict).NotNull().WithMessage(Messages.Required);
        When(x => x.Convict is not null, () =>
        {
            RuleFor(x => x.Convict!.Surname).RequiredText(Limits.PersonName);
            RuleFor(x => x.Convict!.Name).RequiredText(Limits.PersonName);
            RuleFor(x => x.Convict!.Patronymic).OptionalText(Limits.PersonName);
            RuleFor(x => x.Convict!.BirthYear).NotNull().WithMessage(Messages.Required)
                .InclusiveBetween(1900, 2100).WithMessage(Messages.Between(1900, 2100));
            RuleFor(x => x.Convict!.BirthYear)
                .Must((p, year) => AgeRules.Plausible(year, p.Verdict?.Date))
                .When(p => p.Convict!.BirthYear is >= 1900 and <= 2100 && p.Verdict?.Date is not null)
                .WithMessage(AgeRules.Message);
            RuleFor(x => x.Convict!.Residence).RequiredText(Limits.Address);
            RuleFor(x => x.Convict!.WorkOrStudyPlace).OptionalText(Limits.Address);
        });

        RuleFor(x => x.Issuer).NotNull().WithMessage(Messages.Required);
        When(x => x.Issuer is not null, () =>
        {
            RuleFor(x => x.Issuer!.BodyName).RequiredText(Limits.Name);
            RuleFor(x => x.Issuer!.Position).RequiredText(Limits.Name)
                .Must(p => p is null || Positions.Contains(p.Trim().ToLowerInvariant()))
                .WithMessage($"Мына мәндердің бірі болуы керек / Must be one of: {string.Join(", ", Positions)}.");
            RuleFor(x => x.Issuer!.Rank).OptionalText(Limits.PersonName);
            RuleFor(x => x.Issuer!.FullName).RequiredText(Limits.PersonName);
            RuleFor(x => x.Issuer!.Date).RequiredDate();
            RuleFor(x => x.Issuer!.Date)
                .Must((p, d) => d >= p.Verdict!.Date)
                .When(p => p.Issuer!.Date is not null && p.Verdict?.Date is not null)
                .WithMessage("Үкім күнінен ерте болмауы керек / Must not be before verdict.date.");
        });

        When(x => x.Notification is not null, () =>
        {
            RuleFor(x => x.Notification!.Date).RequiredDate();
            RuleFor(x => x.Notification!.Number).OptionalText(Limits.Article);
            RuleFor(x => x.Notification!.ProbationOffice).RequiredText(Limits.Name);
            RuleFor(x => x.Notification!.WorkName).RequiredText(Limits.Name);
            RuleFor(x => x.Notification!.StartDate).RequiredDate();
            RuleFor(x => x.Notification!.StartDate)
                .Must((p, d) => d >= p.Issuer!.Date)
                .When(p => p.Notification!.StartDate is not null && p.Issuer?.Date is not null)
                .WithMessage("Жолдама берілген күннен ерте болмауы керек / Must not be before issuer.date.");
            RuleFor(x => x.Notification!.BodyName).RequiredText(Limits.Name);
            RuleFor(x => x.Notification!.HeadFullName).RequiredText(Limits.PersonName);
        });
    }
}
