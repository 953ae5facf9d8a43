using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Catalog;

/// <summary>
/// A table as the definition writes it: columns (some repeated over an array of the payload), header rows, and
/// row templates (some repeated over an array). Paths inside a repeated row or cell are relative to its item.
/// </summary>
internal sealed record TableTemplate(
    IReadOnlyList<ColumnTemplate> Columns,
    IReadOnlyList<RowTemplate> Header,
    IReadOnlyList<RowTemplate> Rows,
    CellLook Look,
    float SpaceBeforePt,
    float SpaceAfterPt) : BlockTemplate
{
    /// <summary>A path: the table prints only when it has a value (an array with items), or on the blank form.</summary>
    public string? If { get; init; }
}

/// <summary>A column, or with <see cref="Each"/> a group of columns: one per item of that payload array.</summary>
/// <param name="WidthMm">Fixed width; 0 when the column takes a <see cref="Share"/> of the width left.</param>
/// <param name="ShadeWhen">A yes/no path of the group's item: when true, the column's cells are shaded.</param>
internal sealed record ColumnTemplate(float WidthMm, float Share, string? Each, string? ShadeWhen, InkColor Shade);

/// <param name="Each">A payload array: the row repeats once per item.</param>
/// <param name="BreakWhen">A yes/no path of the item: when true, the row starts a new page.</param>
internal sealed record RowTemplate(
    IReadOnlyList<CellTemplate> Cells,
    string? Each,
    bool? KeepTogether,
    bool BreakBefore,
    string? BreakWhen,
    float MinHeightMm,
    CellLook Look)
{
    /// <summary>On the blank form, the row printed empty as many times as fill the page; null: printed as usual.</summary>
    public BlankFill? Fill { get; init; }
}

/// <summary>
/// Empty rows of a blank form, written in by hand: as many as fill the rest of the page the table is on.
/// </summary>
/// <param name="MinHeightMm">Their least height (0: the row's own <c>minHeightMm</c>).</param>
/// <param name="Share">Their part of the page's free space when several tables fill one page.</param>
/// <param name="Borders">Their borders over the row's (a bottom rule alone: lines to write on).</param>
internal sealed record BlankFill(float MinHeightMm, float Share, EdgeSpec? Borders);

/// <param name="ColumnSpan">Columns covered; 0: the rest of the repeated column group the cell starts in.</param>
/// <param name="Each">Repeats the cell over the column group it falls on, item i of this array in column i.</param>
internal sealed record CellTemplate(IReadOnlyList<ParagraphTemplate> Content, int ColumnSpan, int RowSpan, string? Each, CellLook Look);

/// <summary>
/// What a table, row or cell says about its cells' look; unset parts fall through from cell to row to table.
/// </summary>
internal sealed record CellLook(
    EdgeSpec? Borders = null,
    Padding? Padding = null,
    Alignment? Align = null,
    VerticalAlignment? VerticalAlign = null,
    InkColor? Shading = null,
    bool? Bold = null,
    float? SizePt = null,
    bool? KeepTogether = null)
{
    public static readonly CellLook None = new();

    /// <summary>This look with the gaps filled from <paramref name="outer"/>.</summary>
    public CellLook Over(CellLook outer) => new(
        EdgeSpec.Merge(Borders, outer.Borders),
        Padding ?? outer.Padding,
        Align ?? outer.Align,
        VerticalAlign ?? outer.VerticalAlign,
        Shading ?? outer.Shading,
        Bold ?? outer.Bold,
        SizePt ?? outer.SizePt,
        KeepTogether ?? outer.KeepTogether);
}

/// <summary>Borders as written: each edge set or left to the outer level.</summary>
internal sealed record EdgeSpec(Border? Top, Border? Right, Border? Bottom, Border? Left)
{
    public static EdgeSpec? Merge(EdgeSpec? inner, EdgeSpec? outer) => (inner, outer) switch
    {
        (null, _) => outer,
        (_, null) => inner,
        _ => new EdgeSpec(inner.Top ?? outer.Top, inner.Right ?? outer.Right, inner.Bottom ?? outer.Bottom, inner.Left ?? outer.Left),
    };

    public Borders Resolve() => new(Top ?? Border.None, Right ?? Border.None, Bottom ?? Border.None, Left ?? Border.None);
}
