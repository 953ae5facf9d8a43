using FormsService.Core.Engine.Fonts;

namespace FormsService.Core.Engine.Rendering;

/// <summary>The styles part: the document's font, size, language and line height as defaults, and a caption style.</summary>
internal static class DocxStyles
{
    public const string CaptionStyleId = "CaptionUnderBlank";

    public static string Xml(FontFamilyKind family, Catalog.TextStyles text, string languageTag)
    {
        var font = DocxFonts.Name(family);
        // Word's "auto" line is the font's single line (1.15 em for both fonts): the layout's spacing is a multiple of it.
        var line = (int)MathF.Round(240f * text.LineSpacing / DocxFonts.SingleLineEm);
        var x = new DocxXml(2048);
        x.Raw("<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">")
            .Raw("<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"").Raw(font).Raw("\" w:eastAsia=\"").Raw(font)
            .Raw("\" w:hAnsi=\"").Raw(font).Raw("\" w:cs=\"").Raw(font).Raw("\"/>")
            .Raw("<w:sz w:val=\"").Number(DocxRuns.HalfPoints(text.SizePt)).Raw("\"/><w:szCs w:val=\"").Number(DocxRuns.HalfPoints(text.SizePt)).Raw("\"/>")
            .Raw("<w:lang w:val=\"").Escaped(languageTag).Raw("\"/></w:rPr></w:rPrDefault>")
            .Raw("<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"").Number(line)
            .Raw("\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>")
            .Raw("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>")
            .Raw("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>")
            .Raw("<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>")
            .Raw("<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"").Raw(CaptionStyleId).Raw("\"><w:name w:val=\"Caption under blank\"/><w:basedOn w:val=\"Normal\"/>")
            .Raw("<w:rPr><w:sz w:val=\"").Number(DocxRuns.HalfPoints(text.CaptionSizePt)).Raw("\"/><w:szCs w:val=\"").Number(DocxRuns.HalfPoints(text.CaptionSizePt)).Raw("\"/></w:rPr></w:style>")
            .Raw("</w:styles>");
        return x.ToString();
    }
}
