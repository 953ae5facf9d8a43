using FormsService.Core.Engine.Kinds;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// The main document's body, block by block of the model, each written by its kind (<see cref="BlockKinds"/>). Keeps
/// what spans blocks — an open caption table that the next line of blanks may join, a page break waiting for the next
/// paragraph, the separator Word needs between two tables.
/// </summary>
internal sealed class DocxBody
{
    // Between two tables Word needs a paragraph, or it joins them: one a twentieth of a point high.
    private const string Separator =
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"1\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>";
    private const string SeparatorOnNewPage =
        "<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"1\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>";

    private readonly DocxXml _x;
    private DocxCaptionTable? _openTable;
    private bool _lastWasTable;
    private bool _pageBreak;

    public DocxBody(DocxXml x, DocxLooks looks, PageGeometry page, IReadOnlyDictionary<string, string> labels, LayoutFacts facts)
    {
        _x = x;
        Page = page;
        Facts = facts;
        Runs = new DocxRuns(x, looks.Family, looks.SizePt) { Labels = labels };
    }

    public DocxRuns Runs { get; }
    public PageGeometry Page { get; }
    /// <summary>What the layout recorded: the lines of paragraphs with blanks, the heights of spanned rows.</summary>
    public LayoutFacts Facts { get; }
    public List<DocxPackage.Image> Images { get; } = [];

    public void Write(Block block) => BlockKinds.Of(block).WriteDocx(block, this);

    /// <summary>Closes what is open; Word wants the body to end with a paragraph, not a table.</summary>
    public void Finish()
    {
        CloseTable();
        if (_lastWasTable)
            _x.Raw(Separator);
    }

    /// <summary>A paragraph follows: an open caption table ends.</summary>
    public void BeforeParagraph()
    {
        CloseTable();
        _lastWasTable = false;
    }

    /// <summary>A table of its own follows: the paragraph Word needs before it (on a new page when a break waits).</summary>
    public void BeforeTable()
    {
        CloseTable();
        if (TakePageBreak()) _x.Raw(SeparatorOnNewPage);
        else if (_lastWasTable) _x.Raw(Separator);
        _lastWasTable = true;
    }

    /// <summary>Writes the paragraph Word needs between two tables, with a page break before it or not.</summary>
    public void TableSeparator(bool newPage) => _x.Raw(newPage ? SeparatorOnNewPage : Separator);

    /// <summary>A line of blanks as a row of a caption table: joins the open table when its columns are the same.</summary>
    public void CaptionRow(DocxCaptionTable table)
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
        table.WriteRows(Runs);
        _lastWasTable = true;
    }

    /// <summary>The next block starts a new page: Word would give a break of its own an empty line.</summary>
    public void PageBreakBefore() => _pageBreak = true;

    /// <summary>Whether a page break waits for this block; it is taken.</summary>
    public bool TakePageBreak()
    {
        var b = _pageBreak;
        _pageBreak = false;
        return b;
    }

    private void CloseTable()
    {
        if (_openTable is null) return;
        DocxCaptionTable.Close(_x);
        _openTable = null;
    }
}
