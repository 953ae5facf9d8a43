using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>The section: page size and orientation, margins, and the header or footer it shows.</summary>
internal static class DocxSection
{
    /// <param name="margins">The header and footer parts, with how far from the page's edge each sits.</param>
    public static void Write(DocxXml x, PageGeometry page, IReadOnlyList<(DocxPackage.Margin Part, float DistancePt)>? margins)
    {
        x.Raw("<w:sectPr>");
        float header = 35.4f, footer = 35.4f;
        foreach (var (part, distance) in margins ?? [])
        {
            x.Raw("<w:").Raw(part.Kind).Raw("Reference w:type=\"default\" r:id=\"").Raw(part.RelationshipId).Raw("\"/>");
            if (part.Kind == "header") header = distance; else footer = distance;
        }
        x.Raw("<w:pgSz w:w=\"").Twips(page.Width).Raw("\" w:h=\"").Twips(page.Height).Raw("\"");
        if (page.Width > page.Height) x.Raw(" w:orient=\"landscape\"");
        x.Raw("/><w:pgMar w:top=\"").Twips(page.MarginTop).Raw("\" w:right=\"").Twips(page.MarginRight)
            .Raw("\" w:bottom=\"").Twips(page.MarginBottom).Raw("\" w:left=\"").Twips(page.MarginLeft)
            .Raw("\" w:header=\"").Twips(header).Raw("\" w:footer=\"").Twips(footer).Raw("\" w:gutter=\"0\"/></w:sectPr>");
    }
}
