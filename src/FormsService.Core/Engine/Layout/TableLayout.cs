using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Layout;

/// <summary>A table placed on pages: its rows as placed (header rows again at the top of every page it reaches).</summary>
internal sealed record LaidOutTable(Table Source, IReadOnlyList<PlacedRow> Rows) : LaidOutBlock
{
    /// <summary>Edges closer than this (points) are one: the bottom of a row is the top of the next.</summary>
    private const float Touch = 0.01f;

    /// <summary>
    /// Shading under the text, borders over it. A grid is drawn as few long rules as possible (one per row line and
    /// per column line on each page) and a shaded column as one box per page: a cell's four edges each were most
    /// of a large table's drawing, and every shared edge was drawn twice.
    /// </summary>
    public override void Emit(Action<Piece> draw)
    {
        var fills = new List<FillPiece>();
        var across = new List<RulePiece>();
        var down = new List<RulePiece>();
        for (var ri = 0; ri < Rows.Count; ri++)
        {
            var row = Rows[ri];
            for (var k = 0; k < row.Cells.Count; k++)
            {
                var c = row.Cells[k];
                if (c.Source.Style.Shading is { } shade)
                    fills.Add(new FillPiece(row.Page, c.X, c.Top, c.Width, c.Height, shade));
                var b = c.Source.Style.Borders;
                float l = c.X, t = c.Top, r = c.X + c.Width, btm = c.Top + c.Height;
                if (b.Top.Visible) across.Add(new RulePiece(row.Page, l, t, r, t, b.Top.WidthPt, b.Top.Color, false));
                if (b.Bottom.Visible) across.Add(new RulePiece(row.Page, l, btm, r, btm, b.Bottom.WidthPt, b.Bottom.Color, false));
                if (b.Left.Visible) down.Add(new RulePiece(row.Page, l, t, l, btm, b.Left.WidthPt, b.Left.Color, false));
                if (b.Right.Visible) down.Add(new RulePiece(row.Page, r, t, r, btm, b.Right.WidthPt, b.Right.Color, false));
            }
        }
        foreach (var f in MergedFills(fills))
            draw(f);
        for (var ri = 0; ri < Rows.Count; ri++)
        {
            var cells = Rows[ri].Cells;
            for (var k = 0; k < cells.Count; k++)
                cells[k].Emit(draw);
        }
        foreach (var rule in Merged(across, horizontal: true))
            draw(rule);
        foreach (var rule in Merged(down, horizontal: false))
            draw(rule);
    }

    /// <summary>Boxes of one column and colour that touch top to bottom on a page, as one box.</summary>
    private static List<FillPiece> MergedFills(List<FillPiece> fills)
    {
        fills.Sort(static (a, b) => a.Page != b.Page ? a.Page.CompareTo(b.Page)
            : a.X != b.X ? a.X.CompareTo(b.X)
            : a.Width != b.Width ? a.Width.CompareTo(b.Width)
            : a.Y != b.Y ? a.Y.CompareTo(b.Y)
            : Packed(a.Color).CompareTo(Packed(b.Color)));
        var merged = new List<FillPiece>(fills.Count);
        foreach (var f in fills)
        {
            if (merged.Count > 0 && merged[^1] is var last && last.Page == f.Page && last.X == f.X && last.Width == f.Width
                && last.Color == f.Color && f.Y <= last.Y + last.Height + Touch)
                merged[^1] = last with { Height = Math.Max(last.Height, f.Y + f.Height - last.Y) };
            else
                merged.Add(f);
        }
        return merged;
    }

    /// <summary>Rules on one line, of one width and colour, that touch or overlap, as one rule.</summary>
    private static List<RulePiece> Merged(List<RulePiece> rules, bool horizontal)
    {
        static float Along(RulePiece r, bool h) => h ? r.Y1 : r.X1;
        // In order of page, line, width and colour, then where they start: the rules grouped by line first (a
        // table has a few hundred lines and thousands of edges), the lines sorted, then each line's rules, which
        // come mostly in order already. Sorting all the edges at once was most of the time a large table took to
        // list what it draws.
        var lines = new Dictionary<LineKey, List<RulePiece>>();
        foreach (var r in rules)
        {
            var key = new LineKey(r.Page, Along(r, horizontal), r.WidthPt, Packed(r.Color));
            if (!lines.TryGetValue(key, out var line))
                lines[key] = line = [];
            line.Add(r);
        }
        var keys = lines.Keys.ToArray();
        Array.Sort(keys, static (a, b) => a.Page != b.Page ? a.Page.CompareTo(b.Page)
            : a.Along != b.Along ? a.Along.CompareTo(b.Along)
            : a.WidthPt != b.WidthPt ? a.WidthPt.CompareTo(b.WidthPt)
            : a.Color.CompareTo(b.Color));
        var merged = new List<RulePiece>(rules.Count / 4 + 1);
        foreach (var key in keys)
        {
            var line = lines[key];
            if (!InOrder(line, horizontal))
                line.Sort(horizontal ? static (a, b) => a.X1.CompareTo(b.X1) : static (a, b) => a.Y1.CompareTo(b.Y1));
            Merge(line, merged, horizontal);
        }
        return merged;
    }

    private readonly record struct LineKey(int Page, float Along, float WidthPt, int Color);

    private static bool InOrder(List<RulePiece> line, bool horizontal)
    {
        for (var i = 1; i < line.Count; i++)
            if ((horizontal ? line[i].X1 < line[i - 1].X1 : line[i].Y1 < line[i - 1].Y1))
                return false;
        return true;
    }

    /// <summary>Adds <paramref name="rules"/>, in order, to <paramref name="merged"/>, joining those that touch the last.</summary>
    private static void Merge(List<RulePiece> rules, List<RulePiece> merged, bool horizontal)
    {
        static float Along(RulePiece r, bool h) => h ? r.Y1 : r.X1;
        static float From(RulePiece r, bool h) => h ? r.X1 : r.Y1;
        static float To(RulePiece r, bool h) => h ? r.X2 : r.Y2;
        foreach (var r in rules)
        {
            if (merged.Count > 0 && merged[^1] is var last && last.Page == r.Page && last.WidthPt == r.WidthPt && last.Color == r.Color
                && Math.Abs(Along(last, horizontal) - Along(r, horizontal)) <= Touch && From(r, horizontal) <= To(last, horizontal) + Touch)
            {
                var end = Math.Max(To(last, horizontal), To(r, horizontal));
                merged[^1] = horizontal ? last with { X2 = end } : last with { Y2 = end };
            }
            else
            {
                merged.Add(r);
            }
        }
    }

    private static int Packed(InkColor c) => (c.R << 16) | (c.G << 8) | c.B;
}

/// <param name="RowIndex">The row's index in <see cref="Table.HeaderRows"/> or <see cref="Table.Rows"/>.</param>
/// <param name="Continued">This is the rest of a row that began on the page before.</param>
internal sealed record PlacedRow(int Page, float Top, float Height, bool IsHeader, int RowIndex, bool Continued, IReadOnlyList<PlacedCell> Cells);

/// <summary>A cell as placed: its box (over all the rows it spans) and its lines.</summary>
/// <remarks>
/// Its lines are made when first asked for: cells of one text share their set lines, the PDF draws them straight
/// from those, and the DOCX writes a plain-text cell without them; placed lines for every cell of a large table
/// were most of its layout's memory.
/// </remarks>
internal sealed class PlacedCell
{
    private readonly IReadOnlyList<(SetLine Line, float Offset, bool Ends)> _set;
    private readonly int _page;
    private readonly float _linesTop, _dx;
    private IReadOnlyList<Line>? _lines;

    /// <param name="linesTop">Where the cell's content starts (its top, padding and vertical alignment).</param>
    /// <param name="dx">Where the cell's text area starts.</param>
    internal PlacedCell(TableCell source, float x, float top, float width, float height,
        IReadOnlyList<(SetLine Line, float Offset, bool Ends)> set, int page, float linesTop, float dx)
    {
        Source = source;
        X = x;
        Top = top;
        Width = width;
        Height = height;
        _set = set;
        _page = page;
        _linesTop = linesTop;
        _dx = dx;
    }

    public TableCell Source { get; }
    public float X { get; }
    public float Top { get; }
    public float Width { get; }
    public float Height { get; }

    public IReadOnlyList<Line> Lines
    {
        get
        {
            if (_lines is { } done) return done;
            var lines = _set.Count == 0 ? [] : new Line[_set.Count];
            for (var k = 0; k < lines.Length; k++)
            {
                var (line, offset, ends) = _set[k];
                lines[k] = line.At(_page, _linesTop + offset, ends, _dx);
            }
            // Two threads may make them at once: both make the same, one is kept.
            return Interlocked.CompareExchange(ref _lines, lines, null) ?? lines;
        }
    }

    /// <summary>What the cell's lines draw, as their lines would draw it.</summary>
    internal void Emit(Action<Piece> draw)
    {
        if (_lines is { } lines)
        {
            for (var i = 0; i < lines.Count; i++)
                lines[i].Emit(draw, 0);
            return;
        }
        for (var k = 0; k < _set.Count; k++)
        {
            var (line, offset, _) = _set[k];
            line.Emit(draw, _page, _linesTop + offset, _dx);
        }
    }
}

/// <summary>
/// Lays a table out row by row: a row that does not fit moves to the next page, or, unless it is kept together,
/// splits between its lines; rows joined by a row span move together; header rows repeat on each new page.
/// </summary>
internal static class TableLayout
{
    /// <summary>Rows laid out between two checks of the cancellation token.</summary>
    private const int RowsPerCheck = 32;

    /// <remarks>A value: a large table sets thousands, each read once when its row is placed.</remarks>
    private readonly record struct SetCell(TableCell Cell, float X, float Width, IReadOnlyList<(SetLine Line, float Offset, bool Ends)> Lines, float ContentHeight)
    {
        public float Needed => Cell.Style.Padding.TopPt + ContentHeight + Cell.Style.Padding.BottomPt;
    }

    private sealed record SetRow(TableRow Row, int Index, SetCell[] Cells, float Height, bool Continued = false);

    public static LaidOutBlock Layout(Table t, LayoutContext context)
    {
        var xs = new float[t.Columns.Count + 1];
        for (var i = 0; i < t.Columns.Count; i++)
            xs[i + 1] = xs[i] + t.Columns[i];
        var texts = new SetTexts();
        var header = SetRows(t.HeaderRows, xs, context, texts);
        var body = SetRows(t.Rows, xs, context, texts);
        var headerHeight = header.Sum(r => r.Height);
        var groups = Groups(body);
        var flow = context.Flow;
        var placed = new List<PlacedRow>(body.Count + header.Count);
        var bodyOnPage = false;

        void NewPage()
        {
            flow.NewPage();
            PlaceHeader();
        }
        void PlaceHeader()
        {
            foreach (var h in header)
            {
                placed.Add(Place(h, flow.Page, flow.Y, true, header, context));
                flow.Advance(h.Height);
            }
            bodyOnPage = false;
        }

        var firstGroup = groups.Count > 0 ? groups[0].Sum(r => r.Height) : 0;
        flow.Place(Math.Min(headerHeight + firstGroup, context.Page.ContentHeight), t.SpaceBeforePt);
        PlaceHeader();
        var done = 0;
        foreach (var group in groups)
        {
            if ((done += group.Count) >= RowsPerCheck)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                done = 0;
            }
            if (group[0].Row.BreakBefore && bodyOnPage)
                NewPage();
            var height = group.Sum(r => r.Height);
            if (height > flow.Remaining + 0.01f)
            {
                var splittable = group.Count == 1 && !group[0].Row.KeepTogether;
                if (!splittable || Split(group[0], flow.Remaining) is null)
                {
                    if (bodyOnPage) NewPage();
                }
            }
            if (group.Count == 1)
            {
                var row = group[0];
                // Split while the row is taller than what is left (and it may split); a row that cannot fit a
                // whole page runs on.
                while (row.Height > flow.Remaining + 0.01f && !row.Row.KeepTogether && Split(row, flow.Remaining) is { } parts)
                {
                    placed.Add(Place(parts.First, flow.Page, flow.Y, false, [parts.First], context));
                    flow.Advance(parts.First.Height);
                    NewPage();
                    row = parts.Remainder;
                }
                placed.Add(Place(row, flow.Page, flow.Y, false, [row], context));
                flow.Advance(row.Height);
            }
            else
            {
                foreach (var row in group)
                {
                    placed.Add(Place(row, flow.Page, flow.Y, false, group, context));
                    flow.Advance(row.Height);
                }
            }
            bodyOnPage = true;
        }
        flow.Advance(t.SpaceAfterPt);
        return new LaidOutTable(t, placed);
    }

    /// <summary>
    /// What setting a cell's one paragraph depends on: the paragraph and the width. The model gives cells of one
    /// plain text one paragraph (the day numbers, the hours of a day, empty cells repeat over thousands of cells):
    /// each is set once per table.
    /// </summary>
    private readonly record struct TextKey(Paragraph Paragraph, float Width);

    private sealed class TextKeyComparer : IEqualityComparer<TextKey>
    {
        public static readonly TextKeyComparer Instance = new();

        public bool Equals(TextKey a, TextKey b) => ReferenceEquals(a.Paragraph, b.Paragraph) && a.Width == b.Width;

        public int GetHashCode(TextKey k) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Paragraph), k.Width);
    }

    private static List<SetRow> SetRows(IReadOnlyList<TableRow> rows, float[] xs, LayoutContext context, SetTexts texts)
    {
        var set = new List<SetRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % RowsPerCheck == RowsPerCheck - 1)
                context.Cancellation.ThrowIfCancellationRequested();
            var row = rows[i];
            var cells = new SetCell[row.Cells.Count];
            var height = row.MinHeightPt;
            for (var k = 0; k < cells.Length; k++)
            {
                var cell = row.Cells[k];
                var x = xs[cell.Column];
                var width = xs[Math.Min(xs.Length - 1, cell.Column + cell.ColumnSpan)] - x;
                var c = cells[k] = Measure(cell, x, width, context, texts);
                if (cell.RowSpan == 1)
                    height = Math.Max(height, c.Needed);
            }
            set.Add(new SetRow(row, i, cells, height));
        }
        // A cell spanning rows that needs more than they give makes each of them taller by an equal part, so a
        // heading row over a group of columns and the row beneath it share the height of the tall headings beside.
        for (var i = 0; i < set.Count; i++)
        {
            foreach (var c in set[i].Cells)
            {
                if (c.Cell.RowSpan == 1) continue;
                var last = Math.Min(set.Count - 1, i + c.Cell.RowSpan - 1);
                var sum = 0f;
                for (var k = i; k <= last; k++) sum += set[k].Height;
                if (c.Needed <= sum) continue;
                var part = (c.Needed - sum) / (last - i + 1);
                for (var k = i; k <= last; k++)
                    set[k] = set[k] with { Height = set[k].Height + part };
            }
        }
        // Word and LibreOffice give the height a cell spanning rows lacks to the last of them: a DOCX writes those
        // rows at the heights shared out here.
        for (var i = 0; i < set.Count; i++)
            foreach (var c in set[i].Cells)
                for (var k = i; k < Math.Min(set.Count, i + c.Cell.RowSpan) && c.Cell.RowSpan > 1; k++)
                    context.Facts.RowHeight(set[k].Row, set[k].Height);
        return set;
    }

    private static SetCell Measure(TableCell cell, float x, float width, LayoutContext context, SetTexts texts)
    {
        var pad = cell.Style.Padding;
        var inner = Math.Max(1, width - pad.LeftPt - pad.RightPt);
        if (cell.Content.Count == 1)
        {
            // Cells of the same paragraph share their set lines: nothing downstream changes them.
            var shared = texts.Get(new TextKey(cell.Content[0], inner), cell.Content, context);
            return new SetCell(cell, x, width, shared.Lines, shared.Height);
        }
        var set = Set(cell.Content, inner, context);
        return new SetCell(cell, x, width, set.Lines, set.Height);
    }

    private readonly record struct SetText(IReadOnlyList<(SetLine Line, float Offset, bool Ends)> Lines, float Height);

    /// <summary>The set lines of a table's paragraphs by <see cref="TextKey"/>; kept for memory: a sheet's cells share their lines (decisions/large-tables.md).</summary>
    private sealed class SetTexts
    {
        private readonly Dictionary<TextKey, SetText> _texts = new(TextKeyComparer.Instance);

        public SetText Get(TextKey key, IReadOnlyList<Paragraph> content, LayoutContext context)
        {
            if (!_texts.TryGetValue(key, out var text))
                _texts[key] = text = Set(content, key.Width, context);
            return text;
        }
    }

    private static SetText Set(IReadOnlyList<Paragraph> content, float inner, LayoutContext context)
    {
        if (content.Count == 1)
        {
            // The usual cell, one paragraph: its lines in an array of their number (a large table sets hundreds).
            var only = context.Setter.Set(content[0], inner);
            var placed = new (SetLine, float, bool)[only.Count];
            var top = 0f;
            for (var j = 0; j < placed.Length; j++)
            {
                placed[j] = (only[j], top, j == placed.Length - 1);
                top += only[j].Height;
            }
            return new SetText(placed, top);
        }
        var lines = new List<(SetLine, float, bool)>();
        var y = 0f;
        for (var k = 0; k < content.Count; k++)
        {
            var p = content[k];
            if (k > 0) y += p.Style.SpaceBeforePt;
            var set = context.Setter.Set(p, inner);
            for (var j = 0; j < set.Count; j++)
            {
                lines.Add((set[j], y, j == set.Count - 1));
                y += set[j].Height;
            }
            if (k < content.Count - 1) y += p.Style.SpaceAfterPt;
        }
        return new SetText(lines, y);
    }

    /// <summary>Rows joined by row spans, which are placed on one page.</summary>
    private static List<List<SetRow>> Groups(List<SetRow> rows)
    {
        var groups = new List<List<SetRow>>();
        var reach = -1;
        foreach (var row in rows)
        {
            if (row.Index > reach)
                groups.Add([]);
            groups[^1].Add(row);
            foreach (var c in row.Cells)
                reach = Math.Max(reach, row.Index + c.Cell.RowSpan - 1);
        }
        return groups;
    }

    /// <summary>The part of a row whose lines fit in <paramref name="available"/>, and the rest; null when no line fits.</summary>
    private static (SetRow First, SetRow Remainder)? Split(SetRow row, float available)
    {
        var first = new SetCell[row.Cells.Length];
        var rest = new SetCell[row.Cells.Length];
        var firstHeight = 0f;
        var restHeight = 0f;
        var any = false;
        for (var k = 0; k < row.Cells.Length; k++)
        {
            var c = row.Cells[k];
            var pad = c.Cell.Style.Padding;
            var room = available - pad.TopPt - pad.BottomPt;
            var n = 0;
            while (n < c.Lines.Count && c.Lines[n].Offset + c.Lines[n].Line.Height <= room + 0.01f) n++;
            any |= n > 0;
            var fitted = c.Lines.Take(n).ToList();
            var fittedHeight = n == 0 ? 0 : fitted[^1].Offset + fitted[^1].Line.Height;
            var shift = n < c.Lines.Count ? c.Lines[n].Offset : 0;
            var left = c.Lines.Skip(n).Select(l => (l.Line, l.Offset - shift, l.Ends)).ToList();
            var leftHeight = n < c.Lines.Count ? c.ContentHeight - shift : 0;
            first[k] = c with { Lines = fitted, ContentHeight = fittedHeight };
            rest[k] = c with { Lines = left, ContentHeight = leftHeight };
            firstHeight = Math.Max(firstHeight, pad.TopPt + fittedHeight + pad.BottomPt);
            restHeight = Math.Max(restHeight, pad.TopPt + leftHeight + pad.BottomPt);
        }
        if (!any || rest.All(c => c.Lines.Count == 0))
            return null;
        return (row with { Cells = first, Height = firstHeight }, row with { Cells = rest, Height = restHeight, Continued = true });
    }

    private static int IndexOf(IReadOnlyList<SetRow> rows, SetRow row)
    {
        for (var i = 0; i < rows.Count; i++)
            if (ReferenceEquals(rows[i], row)) return i;
        return -1;
    }

    /// <param name="rows">The rows the row's spanning cells may cover (its group).</param>
    private static PlacedRow Place(SetRow row, int page, float top, bool isHeader, IReadOnlyList<SetRow> rows, LayoutContext context)
    {
        if (!context.PlacesCells)
            return new PlacedRow(page, top, row.Height, isHeader, row.Index, row.Continued, []);
        var cells = new PlacedCell[row.Cells.Length];
        var at = IndexOf(rows, row);
        for (var i = 0; i < cells.Length; i++)
        {
            var c = row.Cells[i];
            var height = row.Height;
            if (c.Cell.RowSpan > 1 && at >= 0)
                for (var k = at + 1; k < Math.Min(rows.Count, at + c.Cell.RowSpan); k++)
                    height += rows[k].Height;
            var pad = c.Cell.Style.Padding;
            var free = height - pad.TopPt - pad.BottomPt - c.ContentHeight;
            var offset = pad.TopPt + c.Cell.Style.VerticalAlign switch
            {
                VerticalAlignment.Middle => Math.Max(0, free / 2f),
                VerticalAlignment.Bottom => Math.Max(0, free),
                _ => 0f,
            };
            cells[i] = new PlacedCell(c.Cell, c.X, top, c.Width, height, c.Lines, page, top + offset, c.X + pad.LeftPt);
        }
        return new PlacedRow(page, top, row.Height, isHeader, row.Index, row.Continued, cells);
    }
}
