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
        x.Raw("<w:pPr>"u8);
        if (StyleId is not null) x.Raw("<w:pStyle w:val=\""u8).Raw(StyleId).Raw("\"/>"u8);
        if (KeepNext) x.Raw("<w:keepNext/>"u8);
        if (KeepLines) x.Raw("<w:keepLines/>"u8);
        if (PageBreakBefore) x.Raw("<w:pageBreakBefore/>"u8);
        if (LeaderTabAt is not null || TabsXml is not null)
        {
            x.Raw("<w:tabs>"u8);
            if (TabsXml is not null) x.Raw(TabsXml);
            if (LeaderTabAt is { } at) x.Raw("<w:tab w:val=\"left\" w:leader=\"underscore\" w:pos=\""u8).Twips(at).Raw("\"/>"u8);
            x.Raw("</w:tabs>"u8);
        }
        if (SpaceBeforePt != 0 || SpaceAfterPt != 0 || ExactLinePt is not null)
        {
            x.Raw("<w:spacing w:before=\""u8).Twips(SpaceBeforePt).Raw("\" w:after=\""u8).Twips(SpaceAfterPt).Raw("\""u8);
            if (ExactLinePt is { } line) x.Raw(" w:line=\""u8).Twips(line).Raw("\" w:lineRule=\"exact\""u8);
            x.Raw("/>"u8);
        }
        if (IndentLeftPt > 0 || FirstLinePt > 0)
        {
            x.Raw("<w:ind w:left=\""u8).Twips(IndentLeftPt).Raw("\""u8);
            if (FirstLinePt > 0) x.Raw(" w:firstLine=\""u8).Twips(FirstLinePt).Raw("\""u8);
            x.Raw("/>"u8);
        }
        if (Align != Alignment.Left) x.Raw(Align == Alignment.Center ? "<w:jc w:val=\"center\"/>" : "<w:jc w:val=\"right\"/>");
        if (Mark is { } mark) runs.Props(mark, null);
        x.Raw("</w:pPr>"u8);
    }
}
