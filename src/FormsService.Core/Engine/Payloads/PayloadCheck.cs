namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// The outcome of checking a payload: errors keyed by JSON path, and warnings that do not stop a render. Messages are
/// values (<see cref="Message"/>): the response a reader gets words them in that reader's language.
/// </summary>
internal sealed record PayloadCheck(IReadOnlyDictionary<string, Message[]> Errors, IReadOnlyList<PayloadWarning> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// For a valid payload, what its documents print from: the form's view of the bound record (the record with the
    /// values its form computes), built once and read in place (<see cref="Model.ViewNode"/>); documents and file
    /// names read only this, never the raw body. Null when invalid.
    /// </summary>
    public object? View { get; init; }

    /// <summary>
    /// For a valid payload, the record it was bound to: the request normalised (its ETag is hashed from it; a Word
    /// document carries it, serialized).
    /// </summary>
    internal object? Record { get; init; }
}

/// <summary>Something a clerk must know that still gives a valid document (a late order, say).</summary>
internal sealed record PayloadWarning(string Code, string Path, Message Message);
