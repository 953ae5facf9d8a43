using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Layout;

/// <summary>A place in a paragraph's inlines: before character <see cref="Offset"/> of inline <see cref="Inline"/>.</summary>
internal readonly record struct InlinePosition(int Inline, int Offset) : IComparable<InlinePosition>
{
    public int CompareTo(InlinePosition other) => Inline != other.Inline ? Inline.CompareTo(other.Inline) : Offset.CompareTo(other.Offset);
}

/// <summary>
/// The few things about a document that only its layout knows, recorded by the layout as it works, for a writer that
/// reads the model (the DOCX): where each printed line of a paragraph with blanks ends in the model and how wide each
/// blank was drawn (its set lines), the height of rows that a cell spans and of the running header and footer.
/// Nothing here is found again by matching printed text to the model.
/// </summary>
internal sealed class LayoutFacts
{
    private readonly Dictionary<Paragraph, IReadOnlyList<SetLine>> _lines = new(ReferenceEqualityComparer.Instance);
    private Dictionary<TableRow, float>? _rowHeights;
    private Dictionary<RunningText, float>? _running;

    /// <summary>
    /// A paragraph's lines as set in its text area (x from the area's left edge), when it holds blanks; the first
    /// setting is kept (a paragraph is set once per table and width).
    /// </summary>
    public void Set(Paragraph p, IReadOnlyList<SetLine> lines) => _lines.TryAdd(p, lines);

    /// <summary>The lines a paragraph with blanks was set in; none for a paragraph of text alone (a writer needs none).</summary>
    public IReadOnlyList<SetLine> LinesOf(Paragraph p) => _lines.TryGetValue(p, out var lines) ? lines : [];

    /// <summary>The height the layout gave a row joined to others by a cell spanning them (it shares the cell's height among them).</summary>
    public void RowHeight(TableRow row, float height) => (_rowHeights ??= new(ReferenceEqualityComparer.Instance))[row] = height;

    public float? RowHeightOf(TableRow row) => _rowHeights is { } h && h.TryGetValue(row, out var v) ? v : null;

    public void RunningHeight(RunningText running, float height) => (_running ??= new(ReferenceEqualityComparer.Instance)).TryAdd(running, height);

    public float? RunningHeightOf(RunningText running) => _running is { } r && r.TryGetValue(running, out var v) ? v : null;
}
