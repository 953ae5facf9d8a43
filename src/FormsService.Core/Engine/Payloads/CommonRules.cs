using FluentValidation;
using FluentValidation.Validators;

namespace FormsService.Core.Engine.Payloads;

/// <summary>Maximum lengths of text fields, published in the schemas.</summary>
public static class Limits
{
    public const int PersonName = 100;
    public const int Name = 250;
    public const int Address = 300;
    public const int Article = 30;
    public const int LongText = 500;
}

public static class CommonRules
{
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Say.Required)
            .SetValidator(new NotBlankValidator<T>()).WithMessage(Say.NotBlank)
            .MaximumLength(maxLength).WithMessage(Say.TooLong(maxLength));

    public const int FirstYear = 1990, LastYear = 2100;

    /// <summary>A date of these documents lies between 1990 and 2100: anything else is a typing error (and breaks calendars).</summary>
    public static IRuleBuilderOptions<T, DateOnly?> RequiredDate<T>(this IRuleBuilderInitial<T, DateOnly?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Say.Required)
            .Must(d => d!.Value.Year is >= FirstYear and <= LastYear)
            .WithMessage(Say.Of("years-between", ("min", FirstYear), ("max", LastYear)));

    /// <summary>One of a fixed set of codes, exactly as written (the schema's <c>enum</c>; codes are not free text).</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> values) =>
        rule.SetValidator(new OneOfValidator<T>(values))
            .WithMessage(Say.Of("one-of", ("values", string.Join(", ", values))));

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).WithMessage(Say.TooLong(maxLength));
}

/// <summary>A birth year must belong to someone old enough to be convicted, and alive.</summary>
public static class AgeRules
{
    public const int MinAge = 14;
    public const int MaxAge = 100;
    public static readonly string Message = Say.Of("age-on-verdict", ("min", MinAge), ("max", MaxAge));

    public static bool Plausible(int? birthYear, DateOnly? verdictDate) =>
        birthYear is null || verdictDate is null ||
        (verdictDate.Value.Year - birthYear.Value is >= MinAge and <= MaxAge);
}

/// <summary>Text with something in it besides spaces; the schema says so with <c>minLength</c> and a pattern.</summary>
public interface INotBlankValidator;

/// <summary>A rule whose values are a fixed set; the schema says so with <c>enum</c>.</summary>
public interface IOneOfValidator
{
    IReadOnlyList<string> Values { get; }
}

internal sealed class NotBlankValidator<T> : PropertyValidator<T, string?>, INotBlankValidator
{
    public override string Name => "NotBlankValidator";
    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || !string.IsNullOrWhiteSpace(value);
}

internal sealed class OneOfValidator<T>(IReadOnlyList<string> values) : PropertyValidator<T, string?>, IOneOfValidator
{
    public IReadOnlyList<string> Values => values;
    public override string Name => "OneOfValidator";
    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || values.Contains(value, StringComparer.Ordinal);
}
