using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>Writes runs (text, tabs, breaks, widened spaces) with the properties of their look.</summary>
internal sealed class DocxRuns(DocxXml x, FontFamilyKind defaultFamily, float defaultSizePt)
{
    public DocxXml Xml => x;

    /// <summary>
    /// Text as one run. The layout breaks lines only at spaces; Word would also break after a hyphen, so every hyphen
    /// is Word's non-breaking one (printed the same).
    /// </summary>
    public void Text(string text, DocxLook look)
    {
        if (text.Length == 0) return;
        x.Raw("<w:r>");
        Props(look, null);
        var from = 0;
        for (var hyphen = text.IndexOf('-'); hyphen >= 0; hyphen = text.IndexOf('-', from))
        {
            if (hyphen > from) x.Raw("<w:t xml:space=\"preserve\">").Escaped(text.AsSpan(from, hyphen - from)).Raw("</w:t>");
            x.Raw("<w:noBreakHyphen/>");
            from = hyphen + 1;
        }
        if (from < text.Length) x.Raw("<w:t xml:space=\"preserve\">").Escaped(text.AsSpan(from)).Raw("</w:t>");
        x.Raw("</w:r>");
    }

    /// <summary>A tab: to the paragraph's tab stop, with its leader.</summary>
    public void Tab(DocxLook look)
    {
        x.Raw("<w:r>");
        Props(look, null);
        x.Raw("<w:tab/></w:r>");
    }

    public void Break(DocxLook look)
    {
        x.Raw("<w:r>");
        Props(look, null);
        x.Raw("<w:br/></w:r>");
    }

    /// <summary>
    /// A no-break space widened by character spacing to <paramref name="widthPt"/>: a width Word keeps on one line,
    /// where a tab would jump to whichever tab stop of the paragraph comes next. A word joiner follows it: white space
    /// that ends a line is neither widened nor underlined, and the joiner, which prints nothing, is not white space.
    /// </summary>
    public void Space(float widthPt, DocxLook look)
    {
        if (widthPt <= 0.05f) return;
        var spacing = Units.PtToTwips(widthPt - DocxFonts.SpaceEm(look.Family) * look.SizePt);
        x.Raw("<w:r>");
        Props(look, spacing);
        x.Raw("<w:t>\u00A0</w:t></w:r><w:r>");
        Props(look, null);
        x.Raw("<w:t>\u2060</w:t></w:r>");
    }

    /// <summary>A field Word fills in as it prints (PAGE, NUMPAGES), with a number shown until it does.</summary>
    public void Field(string instruction, string shown, DocxLook look)
    {
        x.Raw("<w:r>"); Props(look, null); x.Raw("<w:fldChar w:fldCharType=\"begin\"/></w:r>");
        x.Raw("<w:r>"); Props(look, null); x.Raw("<w:instrText xml:space=\"preserve\"> ").Raw(instruction).Raw(" </w:instrText></w:r>");
        x.Raw("<w:r>"); Props(look, null); x.Raw("<w:fldChar w:fldCharType=\"separate\"/></w:r>");
        Text(shown, look);
        x.Raw("<w:r>"); Props(look, null); x.Raw("<w:fldChar w:fldCharType=\"end\"/></w:r>");
    }

    /// <summary>Run properties in the order CT_RPr requires; nothing when the look is the document's default.</summary>
    public void Props(DocxLook look, int? spacingTwips)
    {
        var size = look.SizePt != defaultSizePt;
        if (look.Family == defaultFamily && !look.Bold && !look.Italic && look.Color is null && spacingTwips is null && !size && !look.Underline)
            return;
        x.Raw("<w:rPr>");
        if (look.Family != defaultFamily)
        {
            var name = DocxFonts.Name(look.Family);
            x.Raw("<w:rFonts w:ascii=\"").Raw(name).Raw("\" w:hAnsi=\"").Raw(name).Raw("\" w:cs=\"").Raw(name).Raw("\"/>");
        }
        if (look.Bold) x.Raw("<w:b/>");
        if (look.Italic) x.Raw("<w:i/>");
        if (look.Color is { } color) x.Raw("<w:color w:val=\"").Raw(color).Raw("\"/>");
        if (spacingTwips is { } s) x.Raw("<w:spacing w:val=\"").Number(s).Raw("\"/>");
        if (size)
        {
            var half = HalfPoints(look.SizePt);
            x.Raw("<w:sz w:val=\"").Number(half).Raw("\"/><w:szCs w:val=\"").Number(half).Raw("\"/>");
        }
        if (look.Underline) x.Raw("<w:u w:val=\"single\"/>");
        x.Raw("</w:rPr>");
    }

    public static int HalfPoints(float pt) => (int)MathF.Round(pt * 2);
}
