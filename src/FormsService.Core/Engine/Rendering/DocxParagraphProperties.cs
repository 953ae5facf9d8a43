using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>A paragraph's properties, written in the order CT_PPr requires.</summary>
/// <remarks>A value, not an object: a table writes one for each of thousands of cells.</remarks>
internal readonly struct DocxParagraphProperties
{
    public string? StyleId { get; init; }
    public bool KeepNext { get; init; }
    public bool KeepLines { get; init; }
    public bool PageBreakBefore { get; init; }
    /// <summary>A left tab stop with an underscore leader at this position: where blanks that fill their line end.</summary>
    public float? LeaderTabAt { get; init; }
    /// <summary>Further tab stops (a cut line's dashes), written as given.</summary>
    public string? TabsXml { get; init; }
    public float SpaceBeforePt { get; init; }
    public float SpaceAfterPt { get; init; }
    /// <summary>An exact line height, for lines that must not take the height of their font.</summary>
    public float? ExactLinePt { get; init; }
    public float IndentLeftPt { get; init; }
    public float FirstLinePt { get; init; }
    public Alignment Align { get; init; }
    /// <summary>The paragraph mark's look: Word gives the last line at least the mark's height.</summary>
    public DocxLook? Mark { get; init; }

    public void Write(DocxRuns runs)
    {
        var x = runs.Xml;
        x.Raw("<w:pPr>");
        if (StyleId is not null) x.Raw("<w:pStyle w:val=\"").Raw(StyleId).Raw("\"/>");
        if (KeepNext) x.Raw("<w:keepNext/>");
        if (KeepLines) x.Raw("<w:keepLines/>");
        if (PageBreakBefore) x.Raw("<w:pageBreakBefore/>");
        if (LeaderTabAt is not null || TabsXml is not null)
        {
            x.Raw("<w:tabs>");
            if (TabsXml is not null) x.Raw(TabsXml);
            if (LeaderTabAt is { } at) x.Raw("<w:tab w:val=\"left\" w:leader=\"underscore\" w:pos=\"").Twips(at).Raw("\"/>");
            x.Raw("</w:tabs>");
        }
        if (SpaceBeforePt != 0 || SpaceAfterPt != 0 || ExactLinePt is not null)
        {
            x.Raw("<w:spacing w:before=\"").Twips(SpaceBeforePt).Raw("\" w:after=\"").Twips(SpaceAfterPt).Raw("\"");
            if (ExactLinePt is { } line) x.Raw(" w:line=\"").Twips(line).Raw("\" w:lineRule=\"exact\"");
            x.Raw("/>");
        }
        if (IndentLeftPt > 0 || FirstLinePt > 0)
        {
            x.Raw("<w:ind w:left=\"").Twips(IndentLeftPt).Raw("\"");
            if (FirstLinePt > 0) x.Raw(" w:firstLine=\"").Twips(FirstLinePt).Raw("\"");
            x.Raw("/>");
        }
        if (Align != Alignment.Left) x.Raw(Align == Alignment.Center ? "<w:jc w:val=\"center\"/>" : "<w:jc w:val=\"right\"/>");
        if (Mark is { } mark) runs.Props(mark, null);
        x.Raw("</w:pPr>");
    }
}
