using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// The running header and footer as header and footer parts: the model's paragraph with its page numbers as Word's
/// PAGE and NUMPAGES fields, placed as far from the page's edge as the layout centred it in the margin.
/// </summary>
internal static class DocxMargins
{
    public static List<(DocxPackage.Margin Part, float DistancePt)> Parts(Document document, LayoutFacts facts, DocxLooks looks)
    {
        var parts = new List<(DocxPackage.Margin, float)>(2);
        var page = document.Page;
        foreach (var running in new[] { document.Header, document.Footer })
        {
            if (running is null) continue;
            var header = running.Position == RunningPosition.Header;
            var height = facts.RunningHeightOf(running) ?? running.Content.LineHeightPt;
            var distance = Math.Max(0, ((header ? page.MarginTop : page.MarginBottom) - height) / 2f);
            var kind = header ? "header" : "footer";
            parts.Add((new DocxPackage.Margin(header ? "rIdHeader" : "rIdFooter", kind, kind + "1.xml", Xml(running, header, looks)), distance));
        }
        return parts;
    }

    private static string Xml(RunningText running, bool header, DocxLooks looks)
    {
        var x = new DocxXml(1024);
        var root = header ? "w:hdr" : "w:ftr";
        x.Raw("<").Raw(root).Raw(" xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        var runs = new DocxRuns(x, looks.Family, looks.SizePt);
        var p = running.Content;
        x.Raw("<w:p>");
        new DocxParagraphProperties
        {
            IndentLeftPt = p.Style.IndentLeftPt,
            FirstLinePt = p.Style.FirstLinePt,
            Align = p.Style.Align,
            Mark = DocxLooks.Of(p.Text),
        }.Write(runs);
        foreach (var inline in p.Inlines)
        {
            switch (inline)
            {
                case TextRun t: runs.Text(t.Text, DocxLooks.Of(t.Type)); break;
                case PageNumber n: runs.Field(n.Kind == PageNumberKind.Page ? "PAGE" : "NUMPAGES", "1", DocxLooks.Of(n.Type)); break;
                case Field f: runs.Text(f.Value ?? "", DocxLooks.Of(f.Type).Underlined()); break;
                case LineBreak: runs.Break(DocxLooks.Of(p.Text)); break;
            }
        }
        x.Raw("</w:p></").Raw(root).Raw(">");
        return x.ToString();
    }
}
