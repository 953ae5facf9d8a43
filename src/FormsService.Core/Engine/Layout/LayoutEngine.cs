using System.Reflection;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;

namespace FormsService.Core.Engine.Layout;

/// <summary>
/// Places a document's blocks on pages, each by the layout of its kind, then prints the header and footer on every
/// page. Pure: the same document gives the same layout; fonts are only measured here, never drawn.
/// </summary>
internal sealed class LayoutEngine(FontLibrary fonts)
{
    /// <summary>Extra height a line gets for the captions under its blanks, as a multiple of the caption size.</summary>
    internal const float CaptionLineFactor = 1.2f;

    /// <summary>One layout per block kind, found once in this assembly: adding a kind is adding its class.</summary>
    private static readonly IReadOnlyDictionary<Type, IBlockLayout> Layouts = typeof(IBlockLayout).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBlockLayout).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IBlockLayout)Activator.CreateInstance(t)!)
        .ToDictionary(l => l.BlockType);

    /// <summary>The block kinds that have a layout (a test checks that every kind of the model has one).</summary>
    internal static IReadOnlyCollection<Type> LaidOutKinds => (IReadOnlyCollection<Type>)Layouts.Keys;

    public LaidOutDocument Layout(Document document, CancellationToken cancellationToken = default)
    {
        var (laid, flow) = LayoutOnce(document, cancellationToken);
        return PageFiller.HasRowsToFill(document) ? PageFiller.Fill(laid, flow, d => LayoutOnce(d, cancellationToken)) : laid;
    }

    private (LaidOutDocument Laid, Flow Flow) LayoutOnce(Document document, CancellationToken cancellationToken)
    {
        var context = new LayoutContext(fonts, document.Page, new Flow(document.Page), cancellationToken);
        var blocks = new List<LaidOutBlock>(document.Blocks.Count + 2);
        foreach (var block in document.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Layouts.TryGetValue(block.GetType(), out var layout))
                throw new NotSupportedException($"Block {block.GetType().Name} has no layout.");
            blocks.Add(layout.Layout(block, context));
        }
        var pages = context.Flow.Page + 1;
        foreach (var running in new[] { document.Header, document.Footer })
            if (running is not null)
                for (var page = 0; page < pages; page++)
                    blocks.Add(RunningTextLayout.Layout(running, page, pages, context));
        return (new LaidOutDocument(document, pages, blocks), context.Flow);
    }
}

/// <summary>Lays out one kind of block at the flow's current position.</summary>
internal interface IBlockLayout
{
    Type BlockType { get; }
    LaidOutBlock Layout(Block block, LayoutContext context);
}

internal abstract class BlockLayout<T> : IBlockLayout where T : Block
{
    public Type BlockType => typeof(T);
    public LaidOutBlock Layout(Block block, LayoutContext context) => Layout((T)block, context);
    protected abstract LaidOutBlock Layout(T block, LayoutContext context);
}

internal sealed record LayoutContext(FontLibrary Fonts, PageGeometry Page, Flow Flow, CancellationToken Cancellation)
{
    public ParagraphSetter Setter { get; } = new(Fonts);
}

/// <summary>Tracks the current page and the vertical position on it.</summary>
internal sealed class Flow(PageGeometry page)
{
    private float _y = page.MarginTop;
    /// <summary>How far down each page the flow has gone (its blocks' bottoms, their space after included).</summary>
    private readonly List<float> _used = [page.MarginTop];
    public int Page { get; private set; }
    public float Y => _y;

    /// <summary>The room left at the foot of <paramref name="pageIndex"/> once everything on it is placed.</summary>
    public float FreeOn(int pageIndex) => pageIndex < _used.Count ? Math.Max(0, Bottom - _used[pageIndex]) : page.ContentHeight;

    public bool AtTop => _y <= page.MarginTop + 0.01f;
    public float Bottom => page.Height - page.MarginBottom;
    public float Remaining => Bottom - _y;

    public (int Page, float Top) Place(float height, float spaceBefore)
    {
        if (!AtTop)
            _y += spaceBefore;
        if (_y + height > Bottom + 0.01f && !AtTop)
            NewPage();
        return (Page, _y);
    }

    public void Advance(float height)
    {
        _y += height;
        _used[Page] = Math.Max(_used[Page], _y);
    }

    public void NewPage()
    {
        Page++;
        _y = page.MarginTop;
        _used.Add(_y);
    }

    public void KeepTogether(float height, float spaceBefore)
    {
        if (!AtTop && _y + spaceBefore + height > Bottom && height <= page.ContentHeight)
            NewPage();
    }
}

internal sealed class CutLineLayout : BlockLayout<CutLine>
{
    protected override LaidOutBlock Layout(CutLine c, LayoutContext context)
    {
        var size = c.Type.SizePt;
        var face = context.Fonts.Get(c.Type.Face);
        var height = size * 1.6f;
        var (pageIndex, top) = context.Flow.Place(height, c.SpaceBeforePt);
        context.Flow.Advance(height + c.SpaceAfterPt);
        var labelWidth = face.Measure(c.Label, size);
        var baseline = top + height / 2f + (face.Ascent - face.Descent) * size / 2f;
        var width = context.Page.ContentWidth;
        return new LaidOutCutLine(c, pageIndex, top, height, baseline, (width - labelWidth) / 2f, labelWidth, width);
    }
}

internal sealed class FigureLayout : BlockLayout<Figure>
{
    protected override LaidOutBlock Layout(Figure f, LayoutContext context)
    {
        var (page, top) = context.Flow.Place(f.HeightPt, f.SpaceBeforePt);
        context.Flow.Advance(f.HeightPt + f.SpaceAfterPt);
        return new LaidOutFigure(f, page, (context.Page.ContentWidth - f.WidthPt) / 2f, top);
    }
}

internal sealed class PageBreakLayout : BlockLayout<PageBreak>
{
    protected override LaidOutBlock Layout(PageBreak block, LayoutContext context)
    {
        var before = context.Flow.Page;
        if (!context.Flow.AtTop)
            context.Flow.NewPage();
        return new LaidOutPageBreak(before);
    }
}
