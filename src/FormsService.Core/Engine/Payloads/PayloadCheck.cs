using System.Text.Json;

namespace FormsService.Core.Engine.Payloads;

/// <summary>The outcome of checking a payload: errors keyed by JSON path, and warnings that do not stop a render.</summary>
internal sealed record PayloadCheck(IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<PayloadWarning> Warnings)
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

    /// <summary>For a valid payload, the record it was bound to (a Word document carries it, serialized).</summary>
    internal object? Record { get; init; }

    /// <summary>This check with every message worded by <paramref name="text"/> (its codes kept in <see cref="Coded"/>).</summary>
    public PayloadCheck In(Func<string, string> text) => Errors.Count == 0 && Warnings.Count == 0 ? this : this with
    {
        Errors = Errors.ToDictionary(e => e.Key, e => e.Value.Select(text).ToArray(), StringComparer.Ordinal),
        Warnings = Warnings.Select(w => w with { Message = text(w.Message) }).ToList(),
        Coded = Coded ?? this,
    };
}

/// <summary>Something a clerk must know that still gives a valid document (a late order, say).</summary>
internal sealed record PayloadWarning(string Code, string Path, string Message);
