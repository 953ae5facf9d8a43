using FormsService.Core.Engine.Payloads;
using System.Linq.Expressions;
using FluentValidation;

namespace FormsService.Core.Forms.Order733;

/// <summary>The convicted person, as every form of the order names them.</summary>
internal interface IConvictRecord
{
    string? Surname { get; }
    string? Name { get; }
    string? Patronymic { get; }
    int? BirthYear { get; }
    string? Residence { get; }
}

/// <summary>The verdict a form executes.</summary>
internal interface IVerdictRecord
{
    DateOnly? Date { get; }
    string? Court { get; }
    string? CriminalCodeArticle { get; }
    int? Hours { get; }
}

/// <summary>
/// Rules that the forms of the order share — the convicted person, the verdict — written once. They are declared on
/// the root validator (not as child validators), so their JSON paths and limits reach the published schema.
/// </summary>
internal abstract class FormPayloadValidator<T> : AbstractValidator<T>
{
    /// <summary>Criminal Code of Kazakhstan, art. 43: community service up to 1200 hours.</summary>
    public const int MaxHours = 1200;

    protected void VerdictRules<TVerdict>(Expression<Func<T, TVerdict?>> verdict) where TVerdict : class, IVerdictRecord
    {
        var get = verdict.Compile();
        RuleFor(verdict).NotNull().Says(Say.Required);
        When(x => get(x) is not null, () =>
        {
            RuleFor(Member<TVerdict, DateOnly?>(verdict, nameof(IVerdictRecord.Date))).RequiredDate();
            RuleFor(Member<TVerdict, string?>(verdict, nameof(IVerdictRecord.Court))).RequiredText(Limits.Name);
            RuleFor(Member<TVerdict, string?>(verdict, nameof(IVerdictRecord.CriminalCodeArticle))).RequiredText(Limits.Article);
            RuleFor(Member<TVerdict, int?>(verdict, nameof(IVerdictRecord.Hours))).NotNull().Says(Say.Required)
                .InclusiveBetween(1, MaxHours).Says(Say.Between(1, MaxHours));
        });
    }

    protected void ConvictRules<TConvict>(Expression<Func<T, TConvict?>> convict, Func<T, DateOnly?> verdictDate) where TConvict : class, IConvictRecord
    {
        var get = convict.Compile();
        RuleFor(convict).NotNull().Says(Say.Required);
        When(x => get(x) is not null, () =>
        {
            RuleFor(Member<TConvict, string?>(convict, nameof(IConvictRecord.Surname))).RequiredText(Limits.PersonName);
            RuleFor(Member<TConvict, string?>(convict, nameof(IConvictRecord.Name))).RequiredText(Limits.PersonName);
            RuleFor(Member<TConvict, string?>(convict, nameof(IConvictRecord.Patronymic))).OptionalText(Limits.PersonName);
            var birthYear = Member<TConvict, int?>(convict, nameof(IConvictRecord.BirthYear));
            RuleFor(birthYear).NotNull().Says(Say.Required)
                .InclusiveBetween(1900, 2100).Says(Say.Between(1900, 2100));
            RuleFor(birthYear)
                .Must((p, year) => AgeRules.Plausible(year, verdictDate(p)))
                .When(p => get(p)!.BirthYear is >= 1900 and <= 2100 && verdictDate(p) is not null)
                .Says(AgeRules.Message);
            RuleFor(Member<TConvict, string?>(convict, nameof(IConvictRecord.Residence))).RequiredText(Limits.Address);
        });
    }

    /// <summary><c>x => x.Convict</c> and "Surname" → <c>x => x.Convict.Surname</c>: the path FluentValidation names errors by.</summary>
    private static Expression<Func<T, TProperty>> Member<TParent, TProperty>(Expression<Func<T, TParent?>> parent, string name) =>
        Expression.Lambda<Func<T, TProperty>>(Expression.Property(parent.Body, name), parent.Parameters);
}

/// <summary>
/// With only a birth year, the age on the verdict date is known to a year: a person born in the year fourteen years
/// before the verdict's is 14 only if their birthday had come. Criminal liability starts at 16, or at 14 for the
/// crimes art. 15 of the Criminal Code lists: fewer than 14 years between the years is refused (the validator),
/// exactly 14 is a warning that the person may still have been 13.
/// </summary>
internal static class AgeWarnings
{
    public static IEnumerable<PayloadWarning> For(IConvictRecord? convict, DateOnly? verdictDate, string path = "convict.birthYear")
    {
        if (convict?.BirthYear is not { } year || verdictDate is not { } verdict || verdict.Year - year != AgeRules.MinAge)
            yield break;
        var on = verdict.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        yield return new PayloadWarning("possibly-under-14", path,
            Say.Of("possibly-under-14", ("year", year), ("on", on)));
    }
}
