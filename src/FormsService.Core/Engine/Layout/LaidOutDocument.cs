using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Layout;

/// <summary>
/// A document with its lines broken and placed on pages. Renderers translate it; they decide nothing.
/// X is measured from the left margin, Y from the top edge of the page, both in points.
/// </summary>
internal sealed record LaidOutDocument(Document Source, int PageCount, IReadOnlyList<LaidOutBlock> Blocks)
{
    /// <summary>What the layout recorded for writers that read the model rather than the pages (the DOCX).</summary>
    internal LayoutFacts Facts { get; init; } = new();

    /// <summary>
    /// False when laid out for such a writer alone: the pages are counted and the facts recorded, but the cells of
    /// tables are not placed, so there is nothing to draw.
    /// </summary>
    internal bool Drawable { get; init; } = true;

    private IReadOnlyList<Piece>[]? _pages;

    /// <summary>What is drawn on one page, in drawing order: every laid-out block's pieces that fall on it.</summary>
    public IReadOnlyList<Piece> PiecesOn(int page) => Drawable
        ? Pages()[page]
        : throw new InvalidOperationException("This document was laid out for a writer that reads the model: its tables' cells were not placed.");

    private IReadOnlyList<Piece>[] Pages()
    {
        if (_pages is { } done) return done;
        var lists = new List<Piece>[Math.Max(1, PageCount)];
        for (var i = 0; i < lists.Length; i++) lists[i] = [];
        foreach (var block in Blocks)
            block.Emit(piece => lists[Math.Clamp(piece.Page, 0, lists.Length - 1)].Add(piece));
        var pages = new IReadOnlyList<Piece>[lists.Length];
        for (var i = 0; i < lists.Length; i++) pages[i] = lists[i];
        return _pages = pages;
    }
}

/// <summary>A block placed on pages. It says what it draws, as pieces, so the painter needs no case per block kind.</summary>
internal abstract record LaidOutBlock
{
    public abstract void Emit(Action<Piece> draw);
}

internal sealed record LaidOutParagraph(Paragraph Source, IReadOnlyList<Line> Lines) : LaidOutBlock
{
    public override void Emit(Action<Piece> draw)
    {
        foreach (var line in Lines)
            line.Emit(draw, 0);
    }
}

internal sealed record LaidOutCutLine(CutLine Source, int Page, float Top, float Height, float Baseline, float LabelX, float LabelWidth, float Right) : LaidOutBlock
{
    /// <summary>The dashes sit a little above the label's baseline, about mid-height of its lower-case letters.</summary>
    public float RuleY => Baseline - Source.Type.SizePt * 0.3f;

    public override void Emit(Action<Piece> draw)
    {
        draw(new RulePiece(Page, 0, RuleY, LabelX - 4, RuleY, Pieces.RuleWidth, InkColor.Black, Dashed: true));
        draw(new RulePiece(Page, LabelX + LabelWidth + 4, RuleY, Right, RuleY, Pieces.RuleWidth, InkColor.Black, Dashed: true));
        draw(new TextPiece(Page, LabelX, Baseline, Source.Label, Source.Type));
    }
}

internal sealed record LaidOutFigure(Figure Source, int Page, float X, float Top) : LaidOutBlock
{
    public override void Emit(Action<Piece> draw) => draw(new FigurePiece(Page, X, Top, Source));
}

/// <summary>Nothing to draw: the flow moved on to a new page.</summary>
internal sealed record LaidOutPageBreak(int PageBefore) : LaidOutBlock
{
    public override void Emit(Action<Piece> draw) { }
}

/// <summary>A header or footer as printed on one page, its page numbers filled in.</summary>
internal sealed record LaidOutRunningText(RunningText Source, int Page, LaidOutParagraph Content) : LaidOutBlock
{
    public override void Emit(Action<Piece> draw) => Content.Emit(draw);
}

internal sealed record Line(
    int Page,
    float Top,
    float Baseline,
    float Height,
    float SizePt,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<Caption> Captions,
    bool EndsParagraph)
{
    internal void Emit(Action<Piece> draw, float dx)
    {
        EmitSegments(draw, Page, Baseline, Segments, dx);
        for (var i = 0; i < Captions.Count; i++)
        {
            var c = Captions[i];
            draw(new TextPiece(Page, c.CenterX - c.Width / 2f + dx, c.Baseline, c.Text, c.Type));
        }
    }

    internal static void EmitSegments(Action<Piece> draw, int page, float baseline, IReadOnlyList<Segment> segments, float dx)
    {
        for (var i = 0; i < segments.Count; i++)
            segments[i].Emit(draw, page, baseline, dx);
    }
}

/// <summary>A piece of a line: it says how it is drawn and moved, so neither the painter nor the setter asks its kind.</summary>
internal abstract record Segment(float X, float Width, string Text, Typography Type)
{
    /// <summary>Where an underline is drawn below a baseline.</summary>
    private protected float UnderlineY(float baseline) => baseline + Type.SizePt * 0.14f;

    internal abstract void Emit(Action<Piece> draw, int page, float baseline, float dx);

    /// <summary>The segment moved <paramref name="dx"/> along its line.</summary>
    internal abstract Segment Shifted(float dx);
}

internal sealed record TextSegment(float X, float Width, string Text, Typography Type) : Segment(X, Width, Text, Type)
{
    internal override void Emit(Action<Piece> draw, int page, float baseline, float dx)
    {
        draw(new TextPiece(page, X + dx, baseline, Text, Type));
        if (Type.Underline)
        {
            var y = UnderlineY(baseline);
            draw(new RulePiece(page, X + dx, y, X + dx + Width, y, Pieces.RuleWidth, Type.Color, Dashed: false));
        }
    }

    internal override Segment Shifted(float dx) => this with { X = X + dx };
}

/// <summary>One piece of a field on one line: underlined over its whole width, its text (maybe empty) inside.</summary>
internal sealed record FieldSegment(float X, float Width, string Text, Typography Type, float TextX) : Segment(X, Width, Text, Type)
{
    /// <summary>The width of <see cref="Segment.Text"/> alone: what of the blank's width the value takes.</summary>
    public float TextWidth { get; init; }
    /// <summary>Which of its paragraph's inlines the piece is of (the layout says so; no writer matches text to find it).</summary>
    internal int Inline { get; init; }

    internal override void Emit(Action<Piece> draw, int page, float baseline, float dx)
    {
        if (Text.Length > 0)
            draw(new TextPiece(page, TextX + dx, baseline, Text, Type));
        var y = UnderlineY(baseline);
        draw(new RulePiece(page, X + dx, y, X + dx + Width, y, Pieces.RuleWidth, Type.Color, Dashed: false));
    }

    internal override Segment Shifted(float dx) => this with { X = X + dx, TextX = TextX + dx };
}

internal sealed record Caption(float CenterX, float Width, string Text, float Baseline, Typography Type)
{
    public float SizePt => Type.SizePt;
}
