using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// The main document's body, block by block of the model: one mapping per kind of block. Keeps what spans blocks —
/// an open caption table that the next line of blanks may join, a page break waiting for the next paragraph.
/// </summary>
internal sealed class DocxBody
{
    // Between two tables Word needs a paragraph, or it joins them: one a twentieth of a point high.
    private const string Separator =
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"1\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>";
    private const string SeparatorOnNewPage =
        "<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"1\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>";

    private readonly DocxXml _x;
    private readonly DocxRuns _runs;
    private readonly PageGeometry _page;
    private readonly LayoutFacts _facts;
    private DocxCaptionTable? _openTable;
    private bool _lastWasTable;
    private bool _pageBreak;

    public DocxBody(DocxXml x, DocxLooks looks, PageGeometry page, IReadOnlyDictionary<string, string> labels, LayoutFacts facts)
    {
        _x = x;
        _page = page;
        _facts = facts;
        _runs = new DocxRuns(x, looks.Family, looks.SizePt) { Labels = labels };
    }

    public List<DocxPackage.Image> Images { get; } = [];

    public void Write(Block block)
    {
        switch (block)
        {
            case Model.Paragraph p:
                Paragraph(p);
                break;
            case CutLine c:
                BeforeParagraph();
                DocxCutLine.Write(_runs, c, _page.ContentWidth, TakePageBreak());
                break;
            case Table t:
                CloseTable();
                if (TakePageBreak()) _x.Raw(SeparatorOnNewPage);
                else if (_lastWasTable) _x.Raw(Separator);
                DocxTable.Write(_runs, t, _facts, newPage => _x.Raw(newPage ? SeparatorOnNewPage : Separator));
                _lastWasTable = true;
                break;
            case PageBreak:
                // The next paragraph starts the page: Word would give a break of its own an empty line.
                _pageBreak = true;
                break;
            case Figure f:
                BeforeParagraph();
                var index = Images.Count + 1;
                var image = new DocxPackage.Image($"rIdFigure{index}", $"media/figure{index}.png", f.Art.ToPng(f.WidthPt, f.HeightPt, DocxFigure.Dpi));
                Images.Add(image);
                _x.Raw(DocxFigure.Paragraph(f, index, image.RelationshipId, TakePageBreak()).OuterXml);
                break;
            default:
                throw new NotSupportedException($"A {block.GetType().Name} has no DOCX mapping.");
        }
    }

    /// <summary>Closes what is open; Word wants the body to end with a paragraph, not a table.</summary>
    public void Finish()
    {
        CloseTable();
        if (_lastWasTable)
            _x.Raw(Separator);
    }

    private void Paragraph(Model.Paragraph p)
    {
        var lines = _facts.LinesOf(p);
        if (p.BlankRow && DocxCaptionTable.For(p, lines, _page.ContentWidth) is { } table)
        {
            var newPage = TakePageBreak();
            if (_openTable is null || !_openTable.SameGrid(table) || newPage)
            {
                CloseTable();
                if (newPage) _x.Raw(SeparatorOnNewPage);
                else if (_lastWasTable) _x.Raw(Separator);
                table.Open(_x);
                _openTable = table;
            }
            table.WriteRows(_runs);
            _lastWasTable = true;
            return;
        }
        BeforeParagraph();
        DocxFlowParagraph.Write(_runs, p, lines, _page.ContentWidth, TakePageBreak());
    }

    private void BeforeParagraph()
    {
        CloseTable();
        _lastWasTable = false;
    }

    private void CloseTable()
    {
        if (_openTable is null) return;
        DocxCaptionTable.Close(_x);
        _openTable = null;
    }

    private bool TakePageBreak()
    {
        var b = _pageBreak;
        _pageBreak = false;
        return b;
    }
}
