using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Layout;

/// <summary>
/// A document with its lines broken and placed on pages. Renderers translate it; they decide nothing.
/// X is measured from the left margin, Y from the top edge of the page, both in points.
/// </summary>
public sealed record LaidOutDocument(Document Source, int PageCount, IReadOnlyList<LaidOutBlock> Blocks);

public abstract record LaidOutBlock;

public sealed record LaidOutParagraph(Paragraph Source, IReadOnlyList<Line> Lines) : LaidOutBlock;

public sealed record LaidOutCutLine(CutLine Source, int Page, float Top, float Height, float Baseline, float LabelX, float LabelWidth) : LaidOutBlock;

public sealed record LaidOutFigure(Figure Source, int Page, float X, float Top) : LaidOutBlock;

public sealed record Line(
    int Page,
    float Top,
    float Baseline,
    float Height,
    float SizePt,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<Caption> Captions,
    bool EndsParagraph);

public abstract record Segment(float X, float Width, string Text, RunStyle Style);

public sealed record TextSegment(float X, float Width, string Text, RunStyle Style) : Segment(X, Width, Text, Style);

/// <summary>One piece of a field on one line: underlined over its whole width, its text (maybe empty) inside.</summary>
public sealed record FieldSegment(float X, float Width, string Text, RunStyle Style, float TextX) : Segment(X, Width, Text, Style)
{
    /// <summary>The width of <see cref="Segment.Text"/> alone: what of the blank's width the value takes.</summary>
    public float TextWidth { get; init; }
}

public sealed record Caption(float CenterX, float Width, string Text, float Baseline, float SizePt);
