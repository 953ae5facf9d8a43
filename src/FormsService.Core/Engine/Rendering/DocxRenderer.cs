using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Run = DocumentFormat.OpenXml.Wordprocessing.Run;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;
using Document = FormsService.Core.Engine.Model.Document;
using TextStyles = FormsService.Core.Engine.Catalog.TextStyles;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// Translates a laid-out document into a normal, editable Word document: real paragraphs with tab stops, never
/// text boxes. The mapping of a blank: an underlined run for its value and a tab with an underscore leader to the
/// blank's end; its caption is a small paragraph below with a centred tab stop under the blank. Lines with blanks
/// become paragraphs of their own so that each caption sits under its blank.
/// </summary>
public sealed class DocxRenderer(FontLibrary fonts)
{
    private const float Near = 0.75f;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Font, TextStyles Styles, string Language), string> _styles = new();

    public byte[] Render(LaidOutDocument document)
    {
        var source = document.Source;
        var family = FontFamilies.Parse(source.Styles.Font);
        var fontName = fonts.Get(family, false, false).DocxName;
        var body = new Body();
        var images = new List<DocxPackage.Image>();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case LaidOutParagraph p when p.Source.Inlines.Any(i => i is Field):
                    AppendLines(body, p, family, source.Styles);
                    break;
                case LaidOutParagraph p:
                    body.Append(FlowParagraph(p.Source, source.Styles.SizePt));
                    break;
                case LaidOutCutLine c:
                    body.Append(CutLineParagraph(c, source));
                    break;
                case LaidOutFigure f:
                    var index = images.Count + 1;
                    var image = new DocxPackage.Image($"rIdFigure{index}", $"media/figure{index}.png", f.Source.Art.ToPng(f.Source.WidthPt, f.Source.HeightPt, DocxFigure.Dpi));
                    images.Add(image);
                    body.Append(DocxFigure.Paragraph(f.Source, index, image.RelationshipId));
                    break;
                case LaidOutPageBreak:
                    body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                    break;
            }
        }
        body.Append(Section(source.Page));
        // The package is written directly, with fixed ids, names and times: the same document gives the same bytes,
        // and no package library builds, compresses and rewrites it twice.
        var styles = _styles.GetOrAdd((fontName, source.Styles, source.Info.Language), key => StylesXml(key.Font, key.Styles, key.Language));
        return DocxPackage.Write(new DocumentFormat.OpenXml.Wordprocessing.Document(body).OuterXml, styles, CoreXml(source.Info), images);
    }

    private static string CoreXml(DocumentInfo info)
    {
        var dc = System.Xml.Linq.XNamespace.Get("http://purl.org/dc/elements/1.1/");
        var cp = System.Xml.Linq.XNamespace.Get("http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
        return new System.Xml.Linq.XElement(cp + "coreProperties",
            new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "cp", cp),
            new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "dc", dc),
            new System.Xml.Linq.XElement(dc + "title", info.Title),
            new System.Xml.Linq.XElement(dc + "subject", info.Subject),
            new System.Xml.Linq.XElement(dc + "creator", "FormsService"),
            new System.Xml.Linq.XElement(dc + "language", LanguageTag(info.Language))).ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
    }

    private static string LanguageTag(string language) => language switch
    {
        "kk" => "kk-KZ",
        "ru" => "ru-RU",
        _ => language,
    };

    private static string StylesXml(string fontName, TextStyles text, string language)
    {
        // Word's "single" line in Times New Roman is about 1.15 of the font size: the layout's line spacing maps onto it.
        var line = (int)MathF.Round(240f * text.LineSpacing / 1.15f);
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = fontName, HighAnsi = fontName, ComplexScript = fontName, EastAsia = fontName },
                    new FontSize { Val = HalfPoints(text.SizePt) },
                    new FontSizeComplexScript { Val = HalfPoints(text.SizePt) },
                    new Languages { Val = LanguageTag(language) })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = line.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Caption under blank" }, new BasedOn { Val = "Normal" },
                new StyleRunProperties(new FontSize { Val = HalfPoints(text.CaptionSizePt) }, new FontSizeComplexScript { Val = HalfPoints(text.CaptionSizePt) }))
            { Type = StyleValues.Paragraph, StyleId = "CaptionUnderBlank", CustomStyle = true });
        return styles.OuterXml;
    }

    private static Paragraph FlowParagraph(Model.Paragraph p, float documentSize)
    {
        var para = new Paragraph(ParagraphProperties(p.Style, p.Style.IndentLeftPt, p.Style.FirstLinePt, p.Style.Align, keepNext: false));
        foreach (var inline in p.Inlines)
        {
            switch (inline)
            {
                case TextRun t:
                    para.Append(TextRunOf(t.Text, t.Type, documentSize));
                    break;
                case LineBreak:
                    para.Append(new Run(new Break()));
                    break;
            }
        }
        return para;
    }

    private void AppendLines(Body body, LaidOutParagraph p, FontFamilyKind family, TextStyles styles)
    {
        var style = p.Source.Style;
        for (var i = 0; i < p.Lines.Count; i++)
        {
            var line = p.Lines[i];
            var first = i == 0;
            var last = i == p.Lines.Count - 1;
            var lineStyle = style with
            {
                SpaceBeforePt = first ? style.SpaceBeforePt : 0,
                SpaceAfterPt = last && line.Captions.Count == 0 ? style.SpaceAfterPt : 0,
            };
            var indent = line.Segments.Count > 0 ? line.Segments[0].X : 0;
            var tabs = new Tabs();
            var para = new Paragraph();
            var cursor = indent;
            var space = fonts.Get(p.Source.Text.Face).Measure(" ", line.SizePt);
            foreach (var segment in line.Segments)
            {
                var gap = segment.X - cursor;
                if (gap > Near)
                {
                    if (gap < space * 1.6f)
                    {
                        para.Append(TextRunOf(" ", p.Source.Text, styles.SizePt));
                    }
                    else
                    {
                        tabs.Append(new TabStop { Val = TabStopValues.Left, Position = Units.PtToTwips(segment.X) });
                        para.Append(new Run(new TabChar()));
                    }
                }
                switch (segment)
                {
                    case TextSegment t:
                        para.Append(TextRunOf(t.Text, t.Type, styles.SizePt));
                        break;
                    case FieldSegment f:
                        var face = fonts.Get(f.Type.Face);
                        var textWidth = f.Text.Length == 0 ? 0 : face.Measure(f.Text, line.SizePt) + (f.TextX - f.X);
                        if (f.Text.Length > 0)
                            para.Append(TextRunOf(f.Text, f.Type.With(underline: true), styles.SizePt));
                        if (f.Width - textWidth > Near)
                        {
                            tabs.Append(new TabStop { Val = TabStopValues.Left, Leader = TabStopLeaderCharValues.Underscore, Position = Units.PtToTwips(f.X + f.Width) });
                            para.Append(new Run(new TabChar()));
                        }
                        break;
                }
                cursor = segment.X + segment.Width;
            }
            var props = ParagraphProperties(lineStyle, indent, 0, Alignment.Left, keepNext: line.Captions.Count > 0, tabs.HasChildren ? tabs : null);
            para.PrependChild(props);
            body.Append(para);
            if (line.Captions.Count > 0)
                body.Append(CaptionParagraph(line, last ? style.SpaceAfterPt : 0));
        }
    }

    private static Paragraph CaptionParagraph(Line line, float spaceAfter)
    {
        var tabs = new Tabs();
        var para = new Paragraph();
        foreach (var c in line.Captions)
        {
            tabs.Append(new TabStop { Val = TabStopValues.Center, Position = Units.PtToTwips(c.CenterX) });
            para.Append(new Run(new TabChar()));
            para.Append(new Run(new Text(c.Text) { Space = SpaceProcessingModeValues.Preserve }));
        }
        var props = new ParagraphProperties(
            new ParagraphStyleId { Val = "CaptionUnderBlank" },
            new KeepLines(),
            tabs,
            new SpacingBetweenLines { Before = "0", After = Units.PtToTwips(spaceAfter).ToString(System.Globalization.CultureInfo.InvariantCulture), Line = "200", LineRule = LineSpacingRuleValues.Auto });
        para.PrependChild(props);
        return para;
    }

    private static Paragraph CutLineParagraph(LaidOutCutLine c, Document source)
    {
        var para = new Paragraph(
            new ParagraphProperties(
                new KeepNext(),
                new Tabs(
                    new TabStop { Val = TabStopValues.Left, Leader = TabStopLeaderCharValues.Hyphen, Position = Units.PtToTwips(Math.Max(0, c.LabelX - 4)) },
                    new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Hyphen, Position = Units.PtToTwips(source.Page.ContentWidth) }),
                Spacing(c.Source.SpaceBeforePt, c.Source.SpaceAfterPt)),
            new Run(new TabChar()),
            TextRunOf(" " + c.Source.Label + " ", c.Source.Type, source.Styles.SizePt),
            new Run(new TabChar()));
        return para;
    }

    private static ParagraphProperties ParagraphProperties(ParagraphStyle style, float indentLeft, float firstLine, Alignment align, bool keepNext, Tabs? tabs = null)
    {
        // Children in the order CT_PPr requires: keepNext, tabs, spacing, ind, jc.
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        if (tabs is not null) props.Append(tabs);
        props.Append(Spacing(style.SpaceBeforePt, style.SpaceAfterPt));
        if (indentLeft > 0 || firstLine > 0)
        {
            var indentation = new Indentation { Left = Units.PtToTwips(indentLeft).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (firstLine > 0)
                indentation.FirstLine = Units.PtToTwips(firstLine).ToString(System.Globalization.CultureInfo.InvariantCulture);
            props.Append(indentation);
        }
        if (align != Alignment.Left)
            props.Append(new Justification { Val = align == Alignment.Center ? JustificationValues.Center : JustificationValues.Right });
        return props;
    }

    private static SpacingBetweenLines Spacing(float before, float after) => new()
    {
        Before = Units.PtToTwips(before).ToString(System.Globalization.CultureInfo.InvariantCulture),
        After = Units.PtToTwips(after).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <param name="documentSize">The size the styles part sets; a run of another size says its own.</param>
    private static Run TextRunOf(string text, Typography type, float documentSize)
    {
        var props = new RunProperties();
        if (type.Face.Bold) props.Append(new Bold());
        if (type.Face.Italic) props.Append(new Italic());
        if (type.Color != InkColor.Black) props.Append(new Color { Val = type.Color.Hex });
        if (type.SizePt != documentSize) props.Append(new FontSize { Val = HalfPoints(type.SizePt) }, new FontSizeComplexScript { Val = HalfPoints(type.SizePt) });
        if (type.Underline) props.Append(new Underline { Val = UnderlineValues.Single });
        var run = new Run();
        if (props.HasChildren) run.Append(props);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static string HalfPoints(float pt) => ((int)MathF.Round(pt * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static SectionProperties Section(PageGeometry page) => new(
        new PageSize { Width = (UInt32Value)(uint)Units.PtToTwips(page.Width), Height = (UInt32Value)(uint)Units.PtToTwips(page.Height) },
        new PageMargin
        {
            Top = Units.PtToTwips(page.MarginTop),
            Right = (UInt32Value)(uint)Units.PtToTwips(page.MarginRight),
            Bottom = Units.PtToTwips(page.MarginBottom),
            Left = (UInt32Value)(uint)Units.PtToTwips(page.MarginLeft),
            Header = 708,
            Footer = 708,
            Gutter = 0,
        });
}
