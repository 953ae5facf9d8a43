using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>Writes runs (text, tabs, breaks, content controls) with the properties of their look.</summary>
internal sealed class DocxRuns(DocxXml x, FontFamilyKind defaultFamily, float defaultSizePt)
{
    public DocxXml Xml => x;

    /// <summary>The payload fields' labels by path (a content control's name).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>What Word names a bound place: its field's label (with the date part), else its path.</summary>
    public string Alias(Binding b)
    {
        var label = Labels.TryGetValue(b.Path, out var l) ? l : b.Path;
        return b.Part == BindingPart.Whole ? label : label + " (" + b.Tag[(b.Path.Length + 1)..] + ")";
    }

    /// <summary>Text as one run, as it is: hyphens and spaces are the text's own (the layout breaks where Word may).</summary>
    public void Text(string text, DocxLook look)
    {
        if (text.Length == 0) return;
        x.Raw("<w:r>"u8);
        Props(look, null);
        x.Raw("<w:t xml:space=\"preserve\">"u8).Escaped(text).Raw("</w:t></w:r>"u8);
    }

    /// <summary>
    /// A place a clerk fills: a content control named by <paramref name="alias"/> (the field's label) and tagged with
    /// its payload path. Filled, it holds the value, underlined; empty, an underlined space shown as its placeholder,
    /// which Word replaces with what is typed, keeping the control's underlined look. A rich-text control, not a
    /// plain-text one: LibreOffice drops a plain-text control's run formatting.
    /// </summary>
    /// <param name="underline">False where a border draws the blank's line (a cell of a caption table).</param>
    public void Control(string tag, string alias, string? value, DocxLook look, bool underline = true)
    {
        var underlined = look.Underlined(underline);
        x.Raw("<w:sdt><w:sdtPr>"u8);
        Props(underlined, null, always: true);
        x.Raw("<w:alias w:val=\""u8).Escaped(alias).Raw("\"/><w:tag w:val=\""u8).Escaped(tag).Raw("\"/>"u8);
        var empty = string.IsNullOrEmpty(value);
        if (empty) x.Raw("<w:showingPlcHdr/>"u8);
        x.Raw("</w:sdtPr><w:sdtContent>"u8);
        Text(empty ? " " : value!, underlined);
        x.Raw("</w:sdtContent></w:sdt>"u8);
    }

    /// <summary>A tab to the paragraph's next stop, drawn by the stop's underscore leader (a blank's rest).</summary>
    public void LeaderTab(DocxLook look)
    {
        x.Raw("<w:r>"u8);
        Props(look.Underlined(false), null);
        x.Raw("<w:tab/></w:r>"u8);
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
    public void Props(DocxLook look, int? spacingTwips, bool always = false)
    {
        var size = look.SizePt != defaultSizePt;
        if (!always && look.Family == defaultFamily && !look.Bold && !look.Italic && look.Color is null && spacingTwips is null && !size && !look.Underline)
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
