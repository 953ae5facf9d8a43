using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// A line of blanks with captions (<see cref="Model.Paragraph.BlankRow"/>: an addressee, a signature line) as a
/// borderless table: each blank a cell with a bottom border, its caption centred in the cell beneath, so the caption
/// stays exactly under its blank whatever is typed into it. Columns are the blanks' widths as the layout drew them.
/// </summary>
internal sealed class DocxCaptionTable
{
    private const float GapTolerancePt = 0.5f;

    /// <summary>A column: a blank (its field and last drawn piece) or the gap between two blanks.</summary>
    private sealed record Column(float WidthPt, Field? Field, FieldSegment? Piece);

    private readonly float _indent;
    private readonly IReadOnlyList<Column> _columns;
    private readonly Model.Paragraph _p;

    private DocxCaptionTable(float indent, IReadOnlyList<Column> columns, Model.Paragraph p)
    {
        _indent = indent;
        _columns = columns;
        _p = p;
    }

    /// <summary>
    /// The table of a paragraph the builder made a line of blanks, from the pieces its blanks were drawn in: each
    /// blank as wide as drawn (over all its lines, should a long value have wrapped it), the gaps between blanks on
    /// one line as drawn; narrowed all alike should wrapped blanks together be wider than the text area.
    /// Null only when the layout recorded no blank (a paragraph it did not set).
    /// </summary>
    public static DocxCaptionTable? For(Model.Paragraph p, IReadOnlyList<SetLine> lines, float width)
    {
        var inlines = p.Inlines;
        var pieces = new List<FieldSegment>?[inlines.Count];
        var lineOf = new Dictionary<FieldSegment, int>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < lines.Count; k++)
            foreach (var segment in lines[k].Segments)
                if (segment is FieldSegment f && (uint)f.Inline < (uint)pieces.Length)
                {
                    (pieces[f.Inline] ??= []).Add(f);
                    lineOf[f] = k;
                }
        var columns = new List<Column>();
        float? indent = null;
        var cursor = 0f;
        var cursorLine = -1;
        for (var i = 0; i < inlines.Count; i++)
        {
            if (inlines[i] is not Field field || pieces[i] is not { Count: > 0 } drawn) continue;
            var left = drawn.Min(d => d.X);
            var right = drawn.Max(d => d.X + d.Width);
            if (indent is null)
                indent = left;
            else if (lineOf[drawn[0]] == cursorLine && left - cursor > GapTolerancePt)
                columns.Add(new Column(left - cursor, null, null));
            columns.Add(new Column(right - left, field, drawn[^1]));
            cursor = right;
            cursorLine = lineOf[drawn[^1]];
        }
        if (indent is not { } start || columns.Count == 0) return null;
        var total = columns.Sum(c => c.WidthPt);
        if (start + total > width + GapTolerancePt)
        {
            var scale = Math.Max(0, width - start) / total;
            columns = columns.Select(c => c with { WidthPt = c.WidthPt * scale }).ToList();
        }
        return new DocxCaptionTable(start, columns, p);
    }

    /// <summary>True when <paramref name="other"/> has the same columns: the two can be rows of one table.</summary>
    public bool SameGrid(DocxCaptionTable other) =>
        MathF.Abs(_indent - other._indent) < 0.05f && _columns.Count == other._columns.Count
        && _columns.Zip(other._columns).All(p => MathF.Abs(p.First.WidthPt - p.Second.WidthPt) < 0.05f);

    public void Open(DocxXml x)
    {
        x.Raw("<w:tbl><w:tblPr><w:tblW w:w=\""u8).Twips(_columns.Sum(c => c.WidthPt)).Raw("\" w:type=\"dxa\"/>"u8)
            .Raw("<w:tblInd w:w=\""u8).Twips(_indent).Raw("\" w:type=\"dxa\"/>"u8)
            .Raw("<w:tblLayout w:type=\"fixed\"/>"u8)
            .Raw("<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"u8)
            .Raw("</w:tblPr><w:tblGrid>"u8);
        foreach (var c in _columns)
            x.Raw("<w:gridCol w:w=\""u8).Twips(c.WidthPt).Raw("\"/>"u8);
        x.Raw("</w:tblGrid>"u8);
    }

    public static void Close(DocxXml x) => x.Raw("</w:tbl>"u8);

    /// <summary>The two rows: the blanks, then their captions.</summary>
    public void WriteRows(DocxRuns runs)
    {
        var x = runs.Xml;
        var p = _p;
        var style = p.Style;
        var paragraphLook = DocxLooks.Of(p.Text);
        var captionLook = DocxLooks.Of(_columns.Select(c => c.Field?.CaptionType).FirstOrDefault(t => t is not null) ?? p.Text);

        x.Raw("<w:tr><w:trPr><w:cantSplit/></w:trPr>"u8);
        foreach (var c in _columns)
        {
            var pad = c.Piece is { } piece ? piece.TextX - piece.X : 0;
            Cell(x, c.WidthPt, c.Field is not null, pad);
            var look = c.Field is { } f ? DocxLooks.Of(f.Type) : paragraphLook;
            x.Raw("<w:p>"u8);
            new DocxParagraphProperties
            {
                KeepNext = true,
                SpaceBeforePt = style.SpaceBeforePt,
                Mark = look,
            }.Write(runs);
            if (c.Field?.Parts is { } parts)
            {
                foreach (var part in parts)
                {
                    if (part.Binding is { } b) runs.Control(b.Tag, runs.Alias(b), part.Text, look, underline: false);
                    else runs.Text(part.Text, look);
                }
            }
            else if (c.Field?.Value is { Length: > 0 } value)
            {
                runs.Text(value, look);
            }
            x.Raw("</w:p></w:tc>"u8);
        }
        x.Raw("</w:tr>"u8);

        x.Raw("<w:tr><w:trPr><w:cantSplit/></w:trPr>"u8);
        foreach (var c in _columns)
        {
            Cell(x, c.WidthPt, false, 0);
            x.Raw("<w:p>"u8);
            new DocxParagraphProperties
            {
                StyleId = DocxStyles.CaptionStyleId,
                SpaceAfterPt = style.SpaceAfterPt,
                Align = Alignment.Center,
                Mark = captionLook,
            }.Write(runs);
            if (c.Field is { Caption: { } caption } f)
                runs.Text(caption, DocxLooks.Of(f.CaptionType));
            x.Raw("</w:p></w:tc>"u8);
        }
        x.Raw("</w:tr>"u8);
    }

    private static void Cell(DocxXml x, float width, bool ruled, float pad)
    {
        x.Raw("<w:tc><w:tcPr><w:tcW w:w=\""u8).Twips(width).Raw("\" w:type=\"dxa\"/>"u8);
        if (ruled) x.Raw("<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>"u8);
        // The value starts where the layout put it; no margin on the right, so a value that fitted the blank to the
        // point is not wrapped by a rounding.
        if (pad > 0)
            x.Raw("<w:tcMar><w:left w:w=\""u8).Twips(pad).Raw("\" w:type=\"dxa\"/></w:tcMar>"u8);
        x.Raw("</w:tcPr>"u8);
    }
}
