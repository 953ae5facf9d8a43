using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// The cut line: its label on a centre tab, the dashes to each side as the leaders of that tab and of a right tab
/// at the margin, so Word centres the label as the layout does without being told its width.
/// </summary>
internal static class DocxCutLine
{
    /// <param name="height">The line's height as the layout gives it.</param>
    public static void Write(DocxRuns runs, CutLine c, float height, float right, bool pageBreakBefore)
    {
        var x = runs.Xml;
        var tabs = new DocxXml(160)
            .Raw("<w:tab w:val=\"center\" w:leader=\"hyphen\" w:pos=\"").Twips(right / 2f).Raw("\"/>")
            .Raw("<w:tab w:val=\"right\" w:leader=\"hyphen\" w:pos=\"").Twips(right).Raw("\"/>").ToString();
        var look = DocxLooks.Of(c.Type);
        x.Raw("<w:p>");
        new DocxParagraphProperties
        {
            KeepNext = true,
            PageBreakBefore = pageBreakBefore,
            TabsXml = tabs,
            SpaceBeforePt = c.SpaceBeforePt,
            SpaceAfterPt = c.SpaceAfterPt,
            ExactLinePt = height,
            Mark = look,
        }.Write(runs);
        runs.Tab(look);
        runs.Text(" " + c.Label + " ", look);
        runs.Tab(look);
        x.Raw("</w:p>");
    }
}
