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
        x.Raw("<w:r>"u8);
        Props(look, null);
        var from = 0;
        for (var hyphen = text.IndexOf('-'); hyphen >= 0; hyphen = text.IndexOf('-', from))
        {
            if (hyphen > from) x.Raw("<w:t xml:space=\"preserve\">"u8).Escaped(text.AsSpan(from, hyphen - from)).Raw("</w:t>"u8);
            x.Raw("<w:noBreakHyphen/>"u8);
            from = hyphen + 1;
        }
        if (from < text.Length) x.Raw("<w:t xml:space=\"preserve\">"u8).Escaped(text.AsSpan(from)).Raw("</w:t>"u8);
        x.Raw("</w:r>"u8);
    }

    /// <summary>A tab: to the paragraph's tab stop, with its leader.</summary>
    public void Tab(DocxLook look)
    {
        x.Raw("<w:r>"u8);
        Props(look, null);
        x.Raw("<w:tab/></w:r>"u8);
    }

    public void Break(DocxLook look)
    {
        x.Raw("<w:r>"u8);
        Props(look, null);
        x.Raw("<w:br/></w:r>"u8);
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
        x.Raw("<w:r>"u8);
        Props(look, spacing);
        x.Raw("<w:t>\u00A0</w:t></w:r><w:r>"u8);
        Props(look, null);
        x.Raw("<w:t>\u2060</w:t></w:r>"u8);
    }

    /// <summary>A field Word fills in as it prints (PAGE, NUMPAGES), with a number shown until it does.</summary>
    public void Field(string instruction, string shown, DocxLook look)
    {
        x.Raw("<w:r>"u8); Props(look, null); x.Raw("<w:fldChar w:fldCharType=\"begin\"/></w:r>"u8);
        x.Raw("<w:r>"u8); Props(look, null); x.Raw("<w:instrText xml:space=\"preserve\"> "u8).Raw(instruction).Raw(" </w:instrText></w:r>"u8);
        x.Raw("<w:r>"u8); Props(look, null); x.Raw("<w:fldChar w:fldCharType=\"separate\"/></w:r>"u8);
        Text(shown, look);
        x.Raw("<w:r>"u8); Props(look, null); x.Raw("<w:fldChar w:fldCharType=\"end\"/></w:r>"u8);
    }

    /// <summary>Run properties in the order CT_RPr requires; nothing when the look is the document's default.</summary>
    public void Props(DocxLook look, int? spacingTwips)
    {
        var size = look.SizePt != defaultSizePt;
        if (look.Family == defaultFamily && !look.Bold && !look.Italic && look.Color is null && spacingTwips is null && !size && !look.Underline)
            return;
        x.Raw("<w:rPr>"u8);
        if (look.Family != defaultFamily)
        {
            var name = DocxFonts.Name(look.Family);
            x.Raw("<w:rFonts w:ascii=\""u8).Raw(name).Raw("\" w:hAnsi=\""u8).Raw(name).Raw("\" w:cs=\""u8).Raw(name).Raw("\"/>"u8);
        }
        if (look.Bold) x.Raw("<w:b/>"u8);
        if (look.Italic) x.Raw("<w:i/>"u8);
        if (look.Color is { } color) x.Raw("<w:color w:val=\""u8).Raw(color).Raw("\"/>"u8);
        if (spacingTwips is { } s) x.Raw("<w:spacing w:val=\""u8).Number(s).Raw("\"/>"u8);
        if (size)
        {
            var half = HalfPoints(look.SizePt);
            x.Raw("<w:sz w:val=\""u8).Number(half).Raw("\"/><w:szCs w:val=\""u8).Number(half).Raw("\"/>"u8);
        }
        if (look.Underline) x.Raw("<w:u w:val=\"single\"/>"u8);
        x.Raw("</w:rPr>"u8);
    }

    public static int HalfPoints(float pt) => (int)MathF.Round(pt * 2);
}
