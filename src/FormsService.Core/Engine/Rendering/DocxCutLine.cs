using FormsService.Core.Engine.Layout;

namespace FormsService.Core.Engine.Rendering;

/// <summary>The cut line: its label between two tabs with hyphen leaders, dashes to each side as laid out.</summary>
internal static class DocxCutLine
{
    public static void Write(DocxRuns runs, LaidOutCutLine c, float right, bool pageBreakBefore)
    {
        var x = runs.Xml;
        var tabs = new DocxXml(160)
            .Raw("<w:tab w:val=\"left\" w:leader=\"hyphen\" w:pos=\"").Twips(Math.Max(0, c.LabelX - 4)).Raw("\"/>")
            .Raw("<w:tab w:val=\"right\" w:leader=\"hyphen\" w:pos=\"").Twips(right).Raw("\"/>").ToString();
        var look = DocxLooks.Of(c.Source.Type);
        x.Raw("<w:p>");
        new DocxParagraphProperties
        {
            KeepNext = true,
            PageBreakBefore = pageBreakBefore,
            TabsXml = tabs,
            SpaceBeforePt = c.Source.SpaceBeforePt,
            SpaceAfterPt = c.Source.SpaceAfterPt,
            ExactLinePt = c.Height,
            Mark = look,
        }.Write(runs);
        runs.Tab(look);
        runs.Text(" " + c.Source.Label + " ", look);
        runs.Tab(look);
        x.Raw("</w:p>");
    }
}
