using FluentValidation;
using FluentValidation.Validators;

namespace FormsService.Core.Engine.Payloads;

/// <summary>Maximum lengths of text fields, published in the schemas.</summary>
internal static class Limits
{
    public const int PersonName = 100;
    public const int Name = 250;
    public const int Address = 300;
    public const int Article = 30;
    public const int LongText = 500;
}

internal static class CommonRules
{
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().Says(Say.Required)
            .SetValidator(new NotBlankValidator<T>()).Says(Say.NotBlank)
            .MaximumLength(maxLength).Says(Say.TooLong(maxLength));

    public const int FirstYear = 1990, LastYear = 2100;

    /// <summary>A date of these documents lies between 1990 and 2100: anything else is a typing error (and breaks calendars).</summary>
    public static IRuleBuilderOptions<T, DateOnly?> RequiredDate<T>(this IRuleBuilderInitial<T, DateOnly?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().Says(Say.Required)
            .SetValidator(new YearsValidator<T>(FirstYear, LastYear))
            .Says(Say.Of("years-between", ("min", FirstYear), ("max", LastYear)));

    /// <summary>An optional date, when given, in 1990–2100 (the schema's pattern on the year).</summary>
    public static IRuleBuilderOptions<T, DateOnly?> DateInYears<T>(this IRuleBuilder<T, DateOnly?> rule, Message message) =>
        rule.SetValidator(new YearsValidator<T>(FirstYear, LastYear)).Says(message);

    /// <summary>A list of <paramref name="min"/>–<paramref name="max"/> items (the schema's <c>minItems</c>/<c>maxItems</c>).</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> CountBetween<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int min, int max) =>
        rule.SetValidator(new CountValidator<T, TItem>(min, max));

    /// <summary>Text with something besides spaces in it (the schema's <c>minLength</c> and pattern); null is left to other rules.</summary>
    public static IRuleBuilderOptions<T, string?> NotBlank<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new NotBlankValidator<T>()).Says(Say.NotBlank);

    /// <summary>One of a fixed set of codes, exactly as written (the schema's <c>enum</c>; codes are not free text).</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> values) =>
        rule.SetValidator(new OneOfValidator<T>(values))
            .Says(Say.Of("one-of", ("values", string.Join(", ", values))));

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).Says(Say.TooLong(maxLength));
}

/// <summary>A birth year must belong to someone old enough to be convicted, and alive.</summary>
internal static class AgeRules
{
    public const int MinAge = 14;
    public const int MaxAge = 100;
    public static readonly Message Message = Say.Of("age-on-verdict", ("min", MinAge), ("max", MaxAge));

    public static bool Plausible(int? birthYear, DateOnly? verdictDate) =>
        birthYear is null || verdictDate is null ||
        (verdictDate.Value.Year - birthYear.Value is >= MinAge and <= MaxAge);
}

/// <summary>Text with something in it besides spaces; the schema says so with <c>minLength</c> and a pattern.</summary>
internal interface INotBlankValidator;

/// <summary>A rule whose values are a fixed set; the schema says so with <c>enum</c>.</summary>
internal interface IOneOfValidator
{
    IReadOnlyList<string> Values { get; }
}

/// <summary>
/// A validator's rules that JSON Schema cannot state (they compare fields, or read the calendar): published in the
/// schema's description so that a client knows what only <c>/validate</c> checks.
/// </summary>
internal interface IRulesBeyondSchema
{
    IReadOnlyList<string> RulesBeyondSchema { get; }
}

/// <summary>A list whose length is bounded; the schema says so with <c>minItems</c> and <c>maxItems</c>.</summary>
internal interface ICountValidator
{
    int Min { get; }
    int Max { get; }
}

/// <summary>A date whose year is bounded; the schema says so with a pattern on the year (its format checks the rest).</summary>
internal interface IYearsValidator
{
    int Min { get; }
    int Max { get; }
}

internal sealed class CountValidator<T, TItem>(int min, int max) : PropertyValidator<T, IReadOnlyList<TItem>?>, ICountValidator
{
    public int Min => min;
    public int Max => max;
    public override string Name => "CountValidator";
    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<TItem>? value) => value is null || (value.Count >= min && value.Count <= max);
}

internal sealed class YearsValidator<T>(int min, int max) : PropertyValidator<T, DateOnly?>, IYearsValidator
{
    public int Min => min;
    public int Max => max;
    public override string Name => "YearsValidator";
    public override bool IsValid(ValidationContext<T> context, DateOnly? value) => value is not { } d || (d.Year >= min && d.Year <= max);
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
