using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Tests.Layout;

/// <summary>Document models built in code, for layout tests that need exact control of heights.</summary>
internal static class Models
{
    public static readonly Typography Body = new(new Face(FontFamilyKind.Serif, false, false), 12);
    public static readonly Typography Caption = new(new Face(FontFamilyKind.Serif, false, false), 8);

    public static readonly PageGeometry A4 = new(Units.MmToPt(210), Units.MmToPt(297), Units.MmToPt(15), Units.MmToPt(10), Units.MmToPt(15), Units.MmToPt(30));

    public static Paragraph Text(string text) => new(new ParagraphStyle(), Body, Body.SizePt * 1.15f, [new TextRun(text, Body)]);

    /// <summary>A paragraph of <paramref name="lines"/> lines, one word each.</summary>
    public static Paragraph Lines(int lines, string word = "жол") =>
        new(new ParagraphStyle(), Body, Body.SizePt * 1.15f,
            Enumerable.Range(0, lines).SelectMany<int, Inline>(i => i == 0 ? [new TextRun($"{word}{i}", Body)] : [LineBreak.Instance, new TextRun($"{word}{i}", Body)]).ToList());

    public static TableCell Cell(int column, Paragraph content) =>
        new(column, 1, 1, [content], new CellStyle(Borders.All(new Border(0.5f)), Padding.All(2), Alignment.Left, VerticalAlignment.Top, null));

    public static TableRow Row(bool keepTogether, params Paragraph[] cells) =>
        new(cells.Select((p, i) => Cell(i, p)).ToList(), keepTogether, false);

    public static Document Document(params Block[] blocks) =>
        new(new DocumentInfo("test", "kk", "test"), A4, new TextStyles(), blocks);

    public static LaidOutDocument Lay(Document document, CancellationToken cancellationToken = default) =>
        new LayoutEngine(TimeSheetFixture.Engine.Fonts).Layout(document, cancellationToken);

    /// <summary>Paragraphs that fill the first page down to about <paramref name="leftPt"/> points above its bottom margin.</summary>
    public static IEnumerable<Block> FillPage(float leftPt)
    {
        var line = Body.SizePt * 1.15f;
        var count = (int)((A4.ContentHeight - leftPt) / line);
        for (var i = 0; i < count; i++)
            yield return Text($"толтыру {i}");
    }
}
