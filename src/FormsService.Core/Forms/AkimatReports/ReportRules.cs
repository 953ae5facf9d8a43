using System.Linq.Expressions;
using FluentValidation;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>
/// The rules of the parts every akimat letter shares (outgoing number and date, a referenced document, a signatory),
/// declared on the root validator so their paths and limits reach the published schema.
/// </summary>
internal static class ReportRules
{
    public static void OutgoingRules<T>(this AbstractValidator<T> v, Expression<Func<T, OutgoingDetails?>> outgoing)
    {
        var get = outgoing.Compile();
        v.RuleFor(outgoing).NotNull().Says(Say.Required);
        v.When(x => get(x) is not null, () =>
        {
            v.RuleFor(Member<T, OutgoingDetails, string?>(outgoing, nameof(OutgoingDetails.Number))).RequiredText(Limits.Article);
            v.RuleFor(Member<T, OutgoingDetails, DateOnly?>(outgoing, nameof(OutgoingDetails.Date))).RequiredDate();
        });
    }

    public static void DocumentRules<T>(this AbstractValidator<T> v, Expression<Func<T, DocumentReference?>> document)
    {
        var get = document.Compile();
        v.RuleFor(document).NotNull().Says(Say.Required);
        v.When(x => get(x) is not null, () =>
        {
            v.RuleFor(Member<T, DocumentReference, string?>(document, nameof(DocumentReference.Number))).RequiredText(Limits.Article);
            v.RuleFor(Member<T, DocumentReference, DateOnly?>(document, nameof(DocumentReference.Date))).RequiredDate();
        });
    }

    public static void SignatoryRules<T>(this AbstractValidator<T> v, Expression<Func<T, SignatoryDetails?>> signatory)
    {
        var get = signatory.Compile();
        v.RuleFor(signatory).NotNull().Says(Say.Required);
        v.When(x => get(x) is not null, () =>
        {
            v.RuleFor(Member<T, SignatoryDetails, string?>(signatory, nameof(SignatoryDetails.Position))).RequiredText(Limits.Name);
            v.RuleFor(Member<T, SignatoryDetails, string?>(signatory, nameof(SignatoryDetails.FullName))).RequiredText(Limits.PersonName);
        });
    }

    /// <summary>The optional executor line: when given, a name, and a telephone of at most 50 characters.</summary>
    public static void ExecutorRules<T>(this AbstractValidator<T> v, Expression<Func<T, ExecutorDetails?>> executor)
    {
        var get = executor.Compile();
        v.When(x => get(x) is not null, () =>
        {
            v.RuleFor(Member<T, ExecutorDetails, string?>(executor, nameof(ExecutorDetails.FullName))).RequiredText(Limits.PersonName);
            v.RuleFor(Member<T, ExecutorDetails, string?>(executor, nameof(ExecutorDetails.Phone))).OptionalText(PhoneLength);
        });
    }

    private const int PhoneLength = 50;

    /// <summary>A month as YYYY-MM, required.</summary>
    public static void MonthRules<T>(this AbstractValidator<T> v, Expression<Func<T, string?>> month) =>
        v.RuleFor(month).Cascade(CascadeMode.Stop)
            .NotNull().Says(Say.Required)
            .Must(m => ReportMonth.Parse(m) is not null).Says(ReportMonth.Message);

    private static Expression<Func<T, TProperty>> Member<T, TParent, TProperty>(Expression<Func<T, TParent?>> parent, string name) where TParent : class =>
        Expression.Lambda<Func<T, TProperty>>(Expression.Property(parent.Body, name), parent.Parameters);
}
