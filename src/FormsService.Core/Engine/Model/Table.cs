namespace FormsService.Core.Engine.Model;

/// <summary>
/// A table of the document: columns of fixed widths, header rows repeated at the top of every page the table
/// reaches, body rows (already expanded from the payload's arrays) and cells holding paragraphs.
/// </summary>
/// <param name="Columns">Widths in points, resolved from millimetres or shares against the content width.</param>
internal sealed record Table(
    IReadOnlyList<float> Columns,
    IReadOnlyList<TableRow> HeaderRows,
    IReadOnlyList<TableRow> Rows,
    float SpaceBeforePt,
    float SpaceAfterPt) : Block
{
    public float WidthPt => Columns.Sum();
}

/// <param name="KeepTogether">The row moves whole to the next page rather than split between its lines.</param>
/// <param name="BreakBefore">The row starts a new page.</param>
/// <param name="MinHeightPt">The row is at least this tall (a blank row to be written in by hand).</param>
internal sealed record TableRow(IReadOnlyList<TableCell> Cells, bool KeepTogether, bool BreakBefore, float MinHeightPt = 0)
{
    /// <summary>
    /// Above 0: an empty row of a blank form, which the layout repeats to fill the rest of its page; the number is
    /// its part of the free space when several tables fill one page. The laid-out document holds the rows repeated.
    /// </summary>
    public float FillShare { get; init; }
}

internal enum VerticalAlignment { Top, Middle, Bottom }

/// <summary>
/// One cell, at its first column: it covers <see cref="ColumnSpan"/> columns and <see cref="RowSpan"/> rows (rows
/// it spans hold no cell at its columns). Its paragraphs are laid out in the cell's width less its padding.
/// </summary>
internal sealed record TableCell(int Column, int ColumnSpan, int RowSpan, IReadOnlyList<Paragraph> Content, CellStyle Style);

internal sealed record CellStyle(Borders Borders, Padding Padding, Alignment Align, VerticalAlignment VerticalAlign, InkColor? Shading);

/// <summary>One edge of a cell; a width of 0 draws nothing.</summary>
internal readonly record struct Border(float WidthPt, InkColor Color = default)
{
    public static readonly Border None = new(0);
    public bool Visible => WidthPt > 0;
}

internal sealed record Borders(Border Top, Border Right, Border Bottom, Border Left)
{
    public static readonly Borders None = new(Border.None, Border.None, Border.None, Border.None);
    public static Borders All(Border b) => new(b, b, b, b);
}

internal sealed record Padding(float TopPt, float RightPt, float BottomPt, float LeftPt)
{
    public static Padding All(float pt) => new(pt, pt, pt, pt);
}
