using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>
/// A paragraph: broken into lines and placed line by line (kept on one page when it asks); in Word, a paragraph that
/// Word reflows, or — a line of blanks the builder marked — a row of a caption table.
/// </summary>
internal sealed class ParagraphKind : BlockKind<Paragraph>
{
    protected override LaidOutBlock Layout(Paragraph p, LayoutContext context) => ParagraphLayout.Layout(p, context);

    protected override void WriteDocx(Paragraph p, DocxBody body)
    {
        var lines = body.Facts.LinesOf(p);
        if (p.BlankRow && DocxCaptionTable.For(p, lines, body.Page.ContentWidth) is { } table)
        {
            body.CaptionRow(table);
            return;
        }
        body.BeforeParagraph();
        DocxFlowParagraph.Write(body.Runs, p, lines, body.Page.ContentWidth, body.TakePageBreak());
    }
}
