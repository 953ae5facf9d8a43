using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Kinds;

namespace FormsService.Core.Engine.Model;

/// <summary>
/// A table template + values → a model table: column groups and row templates expanded over their arrays, widths
/// resolved to points, every cell's look resolved from cell, column, row and table.
/// </summary>
internal static class TableBuilder
{
    /// <summary>A table's look where the definition says nothing: a thin black grid and a little padding.</summary>
    internal static readonly CellLook Defaults = new(
        new EdgeSpec(new Border(0.5f), new Border(0.5f), new Border(0.5f), new Border(0.5f)),
        new Padding(1f, 2f, 1f, 2f),
        Alignment.Left,
        VerticalAlignment.Top,
        null,
        false,
        null,
        false);

    private sealed record ColumnGroup(int First, int Count);

    public static Table Build(TableTemplate t, BuildContext context)
    {
        var widths = new List<float>();
        var shades = new List<InkColor?>();
        var groups = new List<ColumnGroup>();
        float fixedPt = 0, shares = 0;
        foreach (var c in t.Columns)
        {
            var items = c.Each is null ? null : context.Values.Items(c.Each);
            var count = items?.Count ?? 1;
            if (c.Each is not null)
                groups.Add(new ColumnGroup(widths.Count, count));
            for (var i = 0; i < count; i++)
            {
                var shaded = c.ShadeWhen is not null && items is not null && context.Values.Item(items[i], i).Flag(c.ShadeWhen) == true;
                shades.Add(shaded ? c.Shade : null);
                widths.Add(c.WidthMm > 0 ? Units.MmToPt(c.WidthMm) : -c.Share);
                if (c.WidthMm > 0) fixedPt += Units.MmToPt(c.WidthMm);
                else shares += c.Share;
            }
        }
        var unit = shares > 0 ? Math.Max(0, context.ContentWidth - fixedPt) / shares : 0;
        for (var i = 0; i < widths.Count; i++)
            if (widths[i] < 0) widths[i] = -widths[i] * unit;
        // Columns wider than the page (a long month of fixed day columns) shrink together rather than run off it.
        var total = widths.Sum();
        if (total > context.ContentWidth + 0.01f)
            for (var i = 0; i < widths.Count; i++)
                widths[i] *= context.ContentWidth / total;

        var look = t.Look.Over(Defaults);
        var header = Rows(t.Header, look, context, widths.Count, shades, groups);
        var rows = Rows(t.Rows, look, context, widths.Count, shades, groups);
        return new Table(widths, header, rows, t.SpaceBeforePt, t.SpaceAfterPt);
    }

    private static List<TableRow> Rows(IReadOnlyList<RowTemplate> templates, CellLook table, BuildContext context, int columns,
        List<InkColor?> shades, List<ColumnGroup> groups)
    {
        var rows = new List<TableRow>();
        // Rows still covered by a cell above that spans down, per column.
        var covered = new int[columns];
        foreach (var r in templates)
        {
            var rowLook = r.Look.Over(table);
            // Each cell's look once per row template: the rows it repeats over share them (and their styles).
            var looks = new CellLook[r.Cells.Count];
            for (var k = 0; k < looks.Length; k++) looks[k] = r.Cells[k].Look.Over(rowLook);
            if (r.Each is null && r.Fill is null)
            {
                rows.Add(Row(r, looks, rowLook, context.Values, r.BreakBefore, context, covered, shades, groups));
                continue;
            }
            IReadOnlyList<ViewNode> items = r.Each is null ? [] : context.Values.Items(r.Each);
            for (var i = 0; i < items.Count; i++)
            {
                var values = context.Values.Item(items[i], i);
                var breakBefore = (i == 0 && r.BreakBefore) || (r.BreakWhen is not null && values.Flag(r.BreakWhen) == true);
                rows.Add(Row(r, looks, rowLook, values, breakBefore, context, covered, shades, groups));
            }
            // A row to fill is printed empty on the blank form, where the layout repeats it to fill the page; on a
            // filled form only the items of its array are.
            if (r.Fill is { } fill && context.Blank)
            {
                var fillLook = fill.Borders is null ? rowLook : new CellLook(Borders: fill.Borders).Over(rowLook);
                var fillLooks = fill.Borders is null ? looks : [.. r.Cells.Select(c => (c.Look with { Borders = null }).Over(fillLook))];
                var row = Row(r, fillLooks, fillLook, context.Values.Item(ViewNode.Absent, -1), false, context, covered, shades, groups);
                var least = Units.MmToPt(fill.MinHeightMm > 0 ? fill.MinHeightMm : r.MinHeightMm);
                rows.Add(row with { KeepTogether = true, MinHeightPt = least, FillShare = fill.Share });
            }
        }
        return rows;
    }

    private static TableRow Row(RowTemplate r, CellLook[] looks, CellLook rowLook, PayloadValues values, bool breakBefore, BuildContext context,
        int[] covered, List<InkColor?> shades, List<ColumnGroup> groups)
    {
        var columns = covered.Length;
        // A cell covers one column at least: a row of repeated day cells has as many cells as columns.
        var cells = new List<TableCell>(Math.Min(columns, r.Cells.Count * 8));
        var col = 0;
        int Next(int c)
        {
            while (c < columns && covered[c] > 0) c++;
            return c;
        }
        for (var k = 0; k < r.Cells.Count; k++)
        {
            var cell = r.Cells[k];
            col = Next(col);
            if (col >= columns) break;
            // A cell over a column group that has no columns (an empty array) has nothing to cover.
            if ((cell.ColumnSpan == 0 || cell.Each is not null) && EmptyGroupAt(groups, col) && GroupOver(groups, col) is null)
                continue;
            if (cell.Each is null)
            {
                var wanted = cell.ColumnSpan > 0 ? cell.ColumnSpan
                    : GroupOver(groups, col) is { } g ? g.First + g.Count - col : 1;
                var span = Math.Min(wanted, columns - col);
                cells.Add(Cell(cell, looks[k], values, col, span, context, shades));
                col += span;
                continue;
            }
            // A repeated cell fills the column group it starts in, item i of its array in the group's column i.
            var group = GroupOver(groups, col) ?? new ColumnGroup(col, 1);
            var items = values.Items(cell.Each);
            var look = looks[k];
            for (var i = col - group.First; i < group.Count && col < columns; i++)
            {
                col = Next(col);
                if (col >= columns) break;
                var item = values.Item(i < items.Count ? items[i] : ViewNode.Absent, i);
                cells.Add(Cell(cell, look, item, col, 1, context, shades));
                col++;
            }
        }
        for (var c = 0; c < columns; c++)
            if (covered[c] > 0) covered[c]--;
        foreach (var cell in cells)
            for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                covered[c] = Math.Max(covered[c], cell.RowSpan - 1);
        var keep = r.KeepTogether ?? rowLook.KeepTogether ?? false;
        return new TableRow(cells, keep, breakBefore, Units.MmToPt(r.MinHeightMm));
    }

    /// <summary>The first column group that covers <paramref name="col"/>.</summary>
    private static ColumnGroup? GroupOver(List<ColumnGroup> groups, int col)
    {
        foreach (var g in groups)
            if (g.First <= col && col < g.First + g.Count) return g;
        return null;
    }

    private static bool EmptyGroupAt(List<ColumnGroup> groups, int col)
    {
        foreach (var g in groups)
            if (g.First == col && g.Count == 0) return true;
        return false;
    }

    /// <summary>
    /// The shade of the columns a cell covers when they all have the same one: a heading over a group of days is not
    /// shaded because its first day is a day off.
    /// </summary>
    private static InkColor? ColumnShade(List<InkColor?> shades, int column, int span)
    {
        var shade = shades[column];
        for (var c = column + 1; c < column + span && shade is not null; c++)
            if (shades[c] != shade) shade = null;
        return shade;
    }

    private static TableCell Cell(CellTemplate cell, CellLook look, PayloadValues values, int column, int span, BuildContext context,
        List<InkColor?> shades)
    {
        var shading = cell.Look.Shading ?? ColumnShade(shades, column, span) ?? look.Shading;
        (CellStyle Style, ParagraphStyle[] Paragraphs) shared;
        // Cells repeated from one template share their style and their paragraphs' styles (thousands in a time sheet).
        var styles = context.CellStyles;
        if (!styles.TryGetValue((look, shading), out shared))
        {
            var style = new CellStyle(
                (look.Borders ?? new EdgeSpec(null, null, null, null)).Resolve(),
                look.Padding ?? Padding.All(0),
                look.Align ?? Alignment.Left,
                look.VerticalAlign ?? VerticalAlignment.Top,
                shading);
            // A cell's alignment is its paragraphs' unless a paragraph says otherwise.
            var paragraphs = cell.Content.Select(p => p.Style.Align == Alignment.Left && style.Align != Alignment.Left
                ? p.Style with { Align = style.Align } : p.Style).ToArray();
            styles[(look, shading)] = shared = (style, paragraphs);
        }
        IReadOnlyList<Paragraph> content;
        if (cell.Content.Count == 1)
        {
            content = context.Alone(ParagraphKind.BuildParagraph(cell.Content[0], context, look.Bold, look.SizePt, values, shared.Paragraphs[0]));
        }
        else
        {
            var paragraphs = new Paragraph[cell.Content.Count];
            for (var k = 0; k < paragraphs.Length; k++)
                paragraphs[k] = ParagraphKind.BuildParagraph(cell.Content[k], context, look.Bold, look.SizePt, values, shared.Paragraphs[k]);
            content = paragraphs;
        }
        var rowSpan = Math.Max(1, cell.RowSpan);
        return new TableCell(column, span, rowSpan, content, shared.Style);
    }
}
