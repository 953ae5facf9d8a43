using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// A model table as a Word table: the same column grid (fixed layout), header rows marked to repeat on every page,
/// spans as <c>gridSpan</c> and <c>vMerge</c>, each cell's borders, shading, padding and vertical alignment, rows
/// kept whole as <c>cantSplit</c>, and a page break before a row as a new table (its header rows again) on the next
/// page. Cells hold flowing paragraphs, mapped like any other.
/// </summary>
internal sealed class DocxTable
{
    private readonly Table _t;
    private readonly LayoutFacts _facts;
    private readonly float[] _xs;

    private DocxTable(Table t, LayoutFacts facts)
    {
        _t = t;
        _facts = facts;
        _xs = new float[_t.Columns.Count + 1];
        for (var i = 0; i < _t.Columns.Count; i++)
            _xs[i + 1] = _xs[i] + _t.Columns[i];
        // The table starts where its first row's first cell does.
        var firstRow = _t.HeaderRows.Count > 0 ? _t.HeaderRows[0] : _t.Rows.Count > 0 ? _t.Rows[0] : null;
        _left = firstRow is { Cells.Count: > 0 } ? firstRow.Cells.Min(c => _xs[Math.Min(_xs.Length - 1, c.Column)]) : 0;
        (_borders, _padding) = MostCommon(_t);
    }

    /// <param name="separator">Writes the paragraph Word needs between two tables, with a page break before it or not.</param>
    public static void Write(DocxRuns runs, Table t, LayoutFacts facts, Action<bool> separator) => new DocxTable(t, facts).WriteTable(runs, separator);

    private readonly float _left;
    /// <summary>The borders and padding most cells have: written once for the table, and by no cell that has them.</summary>
    private readonly Borders? _borders;
    private readonly Padding? _padding;
    /// <summary>
    /// Cell properties and plain-text paragraphs where they were first written (start and length in the part), by what
    /// decides them: a table repeats a few over thousands of cells, copied from there.
    /// </summary>
    private readonly Dictionary<(CellStyle Style, int Column, int Span, string? Merge), (int Start, int Length)> _cellProps = new(PropsKeys.Instance);
    private readonly Dictionary<Model.Paragraph, (int Start, int Length)> _texts = new(ReferenceEqualityComparer.Instance);

    private void WriteTable(DocxRuns runs, Action<bool> separator)
    {
        var x = runs.Xml;
        var first = true;
        var start = 0;
        // A row that starts a new page starts a new table there: Word does not break a page inside a table on request.
        for (var i = 0; i <= _t.Rows.Count; i++)
        {
            if (i < _t.Rows.Count && !(i > 0 && _t.Rows[i].BreakBefore))
                continue;
            if (!first)
                separator(true);
            Open(x);
            Rows(runs, _t.HeaderRows, header: true);
            Rows(runs, _t.Rows.Skip(start).Take(i - start).ToList(), header: false);
            x.Raw("</w:tbl>"u8);
            first = false;
            start = i;
        }
    }

    private void Open(DocxXml x)
    {
        x.Raw("<w:tbl><w:tblPr><w:tblW w:w=\""u8).Twips(_t.WidthPt).Raw("\" w:type=\"dxa\"/>"u8);
        if (_left > 0.05f) x.Raw("<w:tblInd w:w=\""u8).Twips(_left).Raw("\" w:type=\"dxa\"/>"u8);
        if (_borders is { } b)
        {
            x.Raw("<w:tblBorders>"u8);
            foreach (var side in (ReadOnlySpan<string>)["top", "left", "bottom", "right", "insideH", "insideV"])
                Border(x, side, b.Top);
            x.Raw("</w:tblBorders>"u8);
        }
        x.Raw("<w:tblLayout w:type=\"fixed\"/>"u8);
        var pad = _padding ?? Padding.All(0);
        Margins(x, "tblCellMar", pad);
        x.Raw("</w:tblPr><w:tblGrid>"u8);
        foreach (var w in _t.Columns)
            x.Raw("<w:gridCol w:w=\""u8).Twips(w).Raw("\"/>"u8);
        x.Raw("</w:tblGrid>"u8);
    }

    private void Rows(DocxRuns runs, IReadOnlyList<TableRow> rows, bool header)
    {
        var x = runs.Xml;
        // Columns covered by a cell spanning rows from above: (rows still covered, that cell).
        var covered = new (int Rows, TableCell Cell)?[_t.Columns.Count];
        // The cell starting at each column: filled again for every row.
        var starts = new TableCell?[_t.Columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            x.Raw("<w:tr><w:trPr>"u8);
            if (row.KeepTogether) x.Raw("<w:cantSplit/>"u8);
            // Rows a cell spans down over at the heights the layout shared out: Word and LibreOffice would give the
            // height a merged cell lacks to the last of them, or clip it.
            var least = Math.Max(row.MinHeightPt, _facts.RowHeightOf(row) ?? 0);
            if (least > 0) x.Raw("<w:trHeight w:val=\""u8).Twips(least).Raw("\" w:hRule=\"atLeast\"/>"u8);
            if (header) x.Raw("<w:tblHeader/>"u8);
            x.Raw("</w:trPr>"u8);
            Array.Clear(starts);
            for (var k = 0; k < row.Cells.Count; k++)
            {
                var c = row.Cells[k];
                if ((uint)c.Column >= (uint)starts.Length) continue;
                starts[c.Column] = c;
            }
            for (var col = 0; col < _t.Columns.Count;)
            {
                if (covered[col] is { } cover && cover.Rows > 0)
                {
                    var span = Math.Max(1, cover.Cell.ColumnSpan);
                    Props(x, cover.Cell, span, merge: "continue");
                    x.Raw("<w:p/></w:tc>"u8);
                    covered[col] = cover.Rows > 1 ? (cover.Rows - 1, cover.Cell) : null;
                    col += span;
                    continue;
                }
                if (starts[col] is not { } cell)
                {
                    // A column no cell covers: an empty cell keeps the grid whole.
                    x.Raw("<w:tc><w:tcPr><w:tcW w:w=\""u8).Twips(_t.Columns[col]).Raw("\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>"u8);
                    col++;
                    continue;
                }
                var cellSpan = Math.Clamp(cell.ColumnSpan, 1, _t.Columns.Count - col);
                Props(x, cell, cellSpan, cell.RowSpan > 1 ? "restart" : null);
                Content(runs, cell, col, cellSpan);
                x.Raw("</w:tc>"u8);
                if (cell.RowSpan > 1)
                    covered[col] = (cell.RowSpan - 1, cell);
                col += cellSpan;
            }
            x.Raw("</w:tr>"u8);
        }
    }

    /// <summary>
    /// The borders (the same on every side) and the padding most cells of the table have, or none when no
    /// border set is the same on every side. Ties go to the first met, so the choice is the same on every run.
    /// </summary>
    private static (Borders?, Padding?) MostCommon(Table t)
    {
        // Counted by value; the cells of one look share their style, so each style is looked up by value once.
        var borders = new Dictionary<Borders, Borders>();
        var paddings = new Dictionary<Padding, Padding>();
        var counted = new Dictionary<CellStyle, (Borders? Borders, Padding Padding)>(ReferenceEqualityComparer.Instance);
        var borderCounts = new Dictionary<Borders, int>(ReferenceEqualityComparer.Instance);
        var paddingCounts = new Dictionary<Padding, int>(ReferenceEqualityComparer.Instance);
        Borders? bestBorders = null;
        Padding? bestPadding = null;
        int topBorders = 0, topPadding = 0;
        // Neighbouring cells mostly share their style (a row's days): counted a run at a time. While a run is counted
        // only its values grow, so the one that first reaches the largest count is the same as counting one by one.
        CellStyle? run = null;
        var length = 0;
        void Count()
        {
            if (run is null) return;
            if (!counted.TryGetValue(run, out var canonical))
            {
                // The first equal value met stands for all: the one counted and the one chosen.
                var b = run.Borders;
                Borders? same = null;
                if (b.Top == b.Right && b.Top == b.Bottom && b.Top == b.Left && b.Top.Visible && !borders.TryGetValue(b, out same))
                    borders[b] = same = b;
                if (!paddings.TryGetValue(run.Padding, out var pad))
                    paddings[run.Padding] = pad = run.Padding;
                counted[run] = canonical = (same, pad);
            }
            if (canonical.Borders is { } cb)
            {
                var n = borderCounts[cb] = borderCounts.GetValueOrDefault(cb) + length;
                if (n > topBorders) (topBorders, bestBorders) = (n, cb);
            }
            var m = paddingCounts[canonical.Padding] = paddingCounts.GetValueOrDefault(canonical.Padding) + length;
            if (m > topPadding) (topPadding, bestPadding) = (m, canonical.Padding);
        }
        foreach (var rows in (ReadOnlySpan<IReadOnlyList<TableRow>>)[t.HeaderRows, t.Rows])
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = rows[r].Cells;
                for (var k = 0; k < cells.Count; k++)
                {
                    var style = cells[k].Style;
                    if (ReferenceEquals(style, run))
                    {
                        length++;
                        continue;
                    }
                    Count();
                    (run, length) = (style, 1);
                }
            }
        }
        Count();
        return (bestBorders, bestPadding);
    }

    /// <summary>Cell properties by the style's reference (one per look in a table) and the rest by value.</summary>
    private sealed class PropsKeys : IEqualityComparer<(CellStyle Style, int Column, int Span, string? Merge)>
    {
        public static readonly PropsKeys Instance = new();

        public bool Equals((CellStyle Style, int Column, int Span, string? Merge) a, (CellStyle Style, int Column, int Span, string? Merge) b) =>
            ReferenceEquals(a.Style, b.Style) && a.Column == b.Column && a.Span == b.Span && a.Merge == b.Merge;

        public int GetHashCode((CellStyle Style, int Column, int Span, string? Merge) k) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Style), k.Column, k.Span, k.Merge);
    }

    private static void Margins(DocxXml x, string element, Padding pad) =>
        x.Raw("<w:"u8).Raw(element).Raw("><w:top w:w=\""u8).Twips(pad.TopPt).Raw("\" w:type=\"dxa\"/><w:left w:w=\""u8).Twips(pad.LeftPt)
            .Raw("\" w:type=\"dxa\"/><w:bottom w:w=\""u8).Twips(pad.BottomPt).Raw("\" w:type=\"dxa\"/><w:right w:w=\""u8).Twips(pad.RightPt)
            .Raw("\" w:type=\"dxa\"/></w:"u8).Raw(element).Raw(">"u8);

    /// <summary>A cell's start and properties: written once per kind of cell, then repeated.</summary>
    private void Props(DocxXml x, TableCell cell, int span, string? merge)
    {
        var key = (cell.Style, cell.Column, span, merge);
        if (!_cellProps.TryGetValue(key, out var written))
        {
            var start = x.Length;
            WriteProps(x, cell, span, merge);
            _cellProps[key] = written = (start, x.Length - start);
        }
        else
        {
            x.Again(written.Start, written.Length);
        }
    }

    private void WriteProps(DocxXml x, TableCell cell, int span, string? merge)
    {
        var col = cell.Column;
        x.Raw("<w:tc><w:tcPr><w:tcW w:w=\""u8).Twips(_xs[Math.Min(_xs.Length - 1, col + span)] - _xs[col]).Raw("\" w:type=\"dxa\"/>"u8);
        if (span > 1) x.Raw("<w:gridSpan w:val=\""u8).Number(span).Raw("\"/>"u8);
        if (merge == "restart") x.Raw("<w:vMerge w:val=\"restart\"/>"u8);
        else if (merge is not null) x.Raw("<w:vMerge/>"u8);
        var style = cell.Style;
        var b = style.Borders;
        if (b != _borders)
        {
            x.Raw("<w:tcBorders>"u8);
            Border(x, "top", b.Top);
            Border(x, "left", b.Left);
            Border(x, "bottom", b.Bottom);
            Border(x, "right", b.Right);
            x.Raw("</w:tcBorders>"u8);
        }
        if (style.Shading is { } shade) x.Raw("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\""u8).Raw(shade.Hex).Raw("\"/>"u8);
        if (style.Padding != _padding)
            Margins(x, "tcMar", style.Padding);
        if (style.VerticalAlign != VerticalAlignment.Top)
            x.Raw(style.VerticalAlign == VerticalAlignment.Middle ? "<w:vAlign w:val=\"center\"/>" : "<w:vAlign w:val=\"bottom\"/>");
        x.Raw("</w:tcPr>"u8);
    }

    /// <summary>A border in eighths of a point (Word draws from a quarter point to twelve points).</summary>
    private static void Border(DocxXml x, string side, Border border)
    {
        if (!border.Visible)
        {
            x.Raw("<w:"u8).Raw(side).Raw(" w:val=\"nil\"/>"u8);
            return;
        }
        x.Raw("<w:"u8).Raw(side).Raw(" w:val=\"single\" w:sz=\""u8).Number(Math.Clamp((int)MathF.Round(border.WidthPt * 8), 2, 96))
            .Raw("\" w:space=\"0\" w:color=\""u8).Raw(border.Color.Hex).Raw("\"/>"u8);
    }

    /// <summary>
    /// Writes a cell of one paragraph of plain text (a day's hours, a number, a heading) as the flowing paragraph
    /// writer would, made once per paragraph and copied after; false, writing nothing, for anything else.
    /// </summary>
    private bool PlainText(DocxRuns runs, TableCell cell)
    {
        if (cell.Content.Count != 1 || cell.Content[0] is not { Inlines.Count: <= 1 } p)
            return false;
        var x = runs.Xml;
        // By the paragraph: the model gives the cells of one plain text one paragraph.
        if (_texts.TryGetValue(p, out var written))
        {
            x.Again(written.Start, written.Length);
            return true;
        }
        TextRun? run = null;
        if (p.Inlines.Count == 1 && (run = p.Inlines[0] as TextRun) is null)
            return false;
        var text = run?.Text ?? "";
        if (text.StartsWith(' ') || text.Contains("  ", StringComparison.Ordinal))
            return false;
        var start = x.Length;
        x.Raw("<w:p>"u8);
        new DocxParagraphProperties
        {
            KeepLines = p.Style.KeepTogether,
            Align = p.Style.Align,
            IndentLeftPt = p.Style.IndentLeftPt,
            FirstLinePt = p.Style.FirstLinePt,
            Mark = DocxLooks.Of(p.Text),
        }.Write(runs);
        if (run is not null)
            runs.Text(text, DocxLooks.Of(run.Type));
        x.Raw("</w:p>"u8);
        _texts[p] = (start, x.Length - start);
        return true;
    }

    private void Content(DocxRuns runs, TableCell cell, int col, int span)
    {
        var pad = cell.Style.Padding;
        var origin = _xs[col] + _left + pad.LeftPt;
        var width = _xs[col + span] - _xs[col] - pad.LeftPt - pad.RightPt;
        if (cell.Content.Count == 0)
        {
            runs.Xml.Raw("<w:p/>"u8);
            return;
        }
        if (PlainText(runs, cell))
            return;
        for (var k = 0; k < cell.Content.Count; k++)
        {
            var p = cell.Content[k];
            // The layout puts no space above a cell's first paragraph or below its last: nor does Word.
            var style = p.Style with
            {
                SpaceBeforePt = k == 0 ? 0 : p.Style.SpaceBeforePt,
                SpaceAfterPt = k == cell.Content.Count - 1 ? 0 : p.Style.SpaceAfterPt,
            };
            DocxFlowParagraph.Write(runs, p, _facts.LinesOf(p), width, false, style);
        }
    }
}
