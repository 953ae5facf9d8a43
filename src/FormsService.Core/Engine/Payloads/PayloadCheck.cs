using System.Text.Json;

namespace FormsService.Core.Engine.Payloads;

/// <summary>The outcome of checking a payload: errors keyed by JSON path, and warnings that do not stop a render.</summary>
public sealed record PayloadCheck(IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<PayloadWarning> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// For a valid payload, what its documents print from: the bound record with the values its form computes,
    /// serialized to JSON (documents and file names read only this, never the raw body). Null when invalid.
    /// </summary>
    public JsonElement? View { get; init; }

    /// <summary>
    /// The same check with its messages as codes (<see cref="Say"/>), for a reader who asks for a language; null when
    /// <see cref="Errors"/> and the warnings' messages are already the codes.
    /// </summary>
    public PayloadCheck? Coded { get; init; }

    /// <summary>This check with every message worded by <paramref name="text"/> (its codes kept in <see cref="Coded"/>).</summary>
    public PayloadCheck In(Func<string, string> text) => Errors.Count == 0 && Warnings.Count == 0 ? this : this with
    {
        Errors = Errors.ToDictionary(e => e.Key, e => e.Value.Select(text).ToArray(), StringComparer.Ordinal),
        Warnings = Warnings.Select(w => w with { Message = text(w.Message) }).ToList(),
        Coded = Coded ?? this,
    };
}

/// <summary>Something a clerk must know that still gives a valid document (a late order, say).</summary>
public sealed record PayloadWarning(string Code, string Path, string Message);

/// <summary>
/// Messages of the spreadsheet and request plumbing outside a payload's rules, Kazakh with the English after a slash.
/// A payload's rules speak in codes (<see cref="Say"/>), worded in every language by <see cref="MessageTable"/>.
/// </summary>
internal static class Messages
{
    public const string Required = "Міндетті өріс / Required.";
    public const string NotBlank = "Бос болмауы керек / Must not be blank.";
    public const string WholeNumber = "Бүтін сан болуы керек / Must be a whole number.";
    public const string Number = "Сан болуы керек / Must be a number.";
    public const string Text = "Мәтін болуы керек / Must be a string.";
    public const string Boolean = "true немесе false болуы керек / Must be true or false.";
    public const string Date = "Күн ЖЖЖЖ-АА-КК пішімінде болуы керек / Must be a date as YYYY-MM-DD.";
    public const string Object = "Нысан (JSON object) болуы керек / Must be an object.";
    public const string UnknownField = "Белгісіз өріс / Unknown field.";
    public const string ControlCharacter = "Басқару таңбалары рұқсат етілмейді / Control characters are not allowed.";
    public static string TooLong(int max) => $"{max} таңбадан аспауы керек / At most {max} characters.";
    public static string Between(long min, long max) => $"{min}–{max} аралығында болуы керек / Must be from {min} to {max}.";
    public static string Unprintable(string ch) => $"{ch} таңбасын қаріп баса алмайды / The fonts cannot print {ch}.";
}
