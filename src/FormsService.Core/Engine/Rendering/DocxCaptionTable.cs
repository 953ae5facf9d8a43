using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// A line made only of blanks with captions (an addressee, a signature line) as a borderless table: each blank a
/// cell with a bottom border, its caption centred in the cell beneath, so the caption stays exactly under its blank
/// whatever is typed into it. Columns are the blanks' widths as laid out.
/// </summary>
internal sealed class DocxCaptionTable
{
    private const float GapTolerancePt = 0.5f;

    /// <summary>A column: a blank (its field and piece) or the gap between two blanks.</summary>
    private sealed record Column(float WidthPt, Field? Field, FieldSegment? Piece, Caption? Caption);

    private readonly float _indent;
    private readonly IReadOnlyList<Column> _columns;
    private readonly LaidOutParagraph _laid;

    private DocxCaptionTable(float indent, IReadOnlyList<Column> columns, LaidOutParagraph laid)
    {
        _indent = indent;
        _columns = columns;
        _laid = laid;
    }

    /// <summary>
    /// The table for a paragraph of captioned blanks and white space only, laid out on one line (or a single blank
    /// over several), whose captions fit under their blanks; otherwise null and the paragraph flows.
    /// </summary>
    public static DocxCaptionTable? For(LaidOutParagraph laid)
    {
        var inlines = laid.Source.Inlines;
        var captioned = false;
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Field f: captioned |= f.Caption is not null; break;
                case TextRun t when string.IsNullOrWhiteSpace(t.Text): break;
                default: return null;
            }
        }
        if (!captioned || laid.Lines.Count == 0)
            return null;
        var fields = inlines.OfType<Field>().ToList();
        if (fields.Count == 1)
            return Single(fields[0], laid);
        if (laid.Lines.Count != 1)
            return null;
        var line = laid.Lines[0];
        var pieces = line.Segments.OfType<FieldSegment>().ToList();
        if (pieces.Count != fields.Count)
            return null;
        var columns = new List<Column>();
        var cursor = pieces[0].X;
        var captions = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (piece.X - cursor > GapTolerancePt)
                columns.Add(new Column(piece.X - cursor, null, null, null));
            // The layout lists a line's captions in the order of their blanks.
            var caption = fields[i].Caption is not null && captions < line.Captions.Count ? line.Captions[captions++] : null;
            if (caption is not null && caption.Width > piece.Width)
                return null;
            columns.Add(new Column(piece.Width, fields[i], piece, caption));
            cursor = piece.X + piece.Width;
        }
        return new DocxCaptionTable(pieces[0].X, columns, laid);
    }

    private static DocxCaptionTable? Single(Field field, LaidOutParagraph laid)
    {
        var pieces = laid.Lines.SelectMany(l => l.Segments.OfType<FieldSegment>()).ToList();
        if (pieces.Count == 0) return null;
        var left = pieces.Min(p => p.X);
        var right = pieces.Max(p => p.X + p.Width);
        var last = laid.Lines[^1];
        var caption = last.Captions.Count > 0 ? last.Captions[0] : null;
        if (caption is not null && caption.Width > right - left)
            return null;
        return new DocxCaptionTable(left, [new Column(right - left, field, pieces[^1], caption)], laid);
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
        var p = _laid.Source;
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
            if (c.Caption is { } caption)
                runs.Text(caption.Text, DocxLooks.Of(caption.Type));
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
