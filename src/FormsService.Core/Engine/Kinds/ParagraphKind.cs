using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>
/// A paragraph: its inlines, each built by its own kind (<see cref="InlineKinds"/>); broken into lines and placed line
/// by line (kept on one page when it asks); in Word, a paragraph that Word reflows, or — a line of blanks the builder
/// marked — a row of a caption table.
/// </summary>
internal sealed class ParagraphKind : BlockKind<ParagraphTemplate, Paragraph>
{
    public override string Key => "paragraph";

    protected override ParagraphTemplate ParseTemplate(JsonElement block, JsonElement value, TemplateParser parser, string at) =>
        ParseParagraph(block, parser, at);

    /// <summary>A paragraph block, in the body or in a table's cell: <c>{ "paragraph": [inlines], "align": ..., ... }</c>.</summary>
    internal static ParagraphTemplate ParseParagraph(JsonElement e, TemplateParser parser, string at)
    {
        var inlines = e.GetProperty("paragraph");
        var style = new ParagraphStyle(
            Align: parser.Enum(e, "align", at, Alignment.Left),
            IndentLeftPt: Units.MmToPt(parser.Number(e, "indentMm", at, 0)),
            FirstLinePt: Units.MmToPt(parser.Number(e, "firstLineMm", at, 0)),
            SpaceBeforePt: parser.Number(e, "spaceBeforePt", at, 0),
            SpaceAfterPt: parser.Number(e, "spaceAfterPt", at, 0),
            KeepTogether: parser.Bool(e, "keepTogether", at));
        bool? bold = e.TryGetProperty("bold", out _) ? parser.Bool(e, "bold", at) : null;
        float? size = e.TryGetProperty("sizePt", out _) ? parser.Size(e, "sizePt", at) : null;
        if (inlines.ValueKind != JsonValueKind.Array)
            throw parser.Error(at + ".paragraph", "must be an array of inlines.");
        var list = new List<InlineTemplate>();
        var k = 0;
        foreach (var inline in inlines.EnumerateArray())
            list.Add(parser.ParseInline(inline, $"{at}.paragraph[{k++}]"));
        return new ParagraphTemplate(style, bold, size, list);
    }

    protected override Paragraph? Build(ParagraphTemplate p, BuildContext context)
    {
        var paragraph = BuildParagraph(p, context, null, null);
        // On a blank, a paragraph all of whose text depends on values (the executor's line) prints nothing and has
        // nothing to write on: it takes no room that the rows to fill could have.
        return !context.Blank || paragraph.Inlines.Count > 0 || p.Inlines.Count == 0 ? paragraph : null;
    }

    /// <param name="bold">The surrounding default (a table cell's) where the paragraph does not say.</param>
    /// <param name="values">The values its paths are read from (a repeated row's item); null: the document's.</param>
    /// <param name="style">The paragraph's style where the caller decides it (a cell's alignment); else the template's.</param>
    internal static Paragraph BuildParagraph(ParagraphTemplate p, BuildContext context, bool? bold, float? sizePt, PayloadValues? values = null,
        ParagraphStyle? style = null)
    {
        var scale = context.Scale;
        var text = scale.Paragraph(p.Bold ?? bold ?? false, p.SizePt ?? sizePt);
        var inlines = context.Inlines;
        inlines.Clear();
        var from = values ?? context.Values;
        for (var i = 0; i < p.Inlines.Count; i++)
            InlineKinds.Of(p.Inlines[i]).Build(p.Inlines[i], from, context, text, inlines);
        return context.Paragraph(style ?? p.Style, text, scale.LineHeight(text), inlines);
    }

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
