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

    /// <summary>The block kinds that have a layout (a test checks that every kind of the model has one).</summary>
    internal static IReadOnlyCollection<Type> LaidOutKinds => Kinds.BlockKinds.Types;

    /// <param name="drawn">
    /// False for a writer that reads the model and the facts alone (the DOCX): rows are still placed on pages, but not
    /// their cells, which were most of a large table's layout and memory (see <see cref="LaidOutDocument.Drawable"/>).
    /// </param>
    public LaidOutDocument Layout(Document document, CancellationToken cancellationToken = default, bool drawn = true)
    {
        var (laid, flow) = LayoutOnce(document, drawn, cancellationToken);
        return PageFiller.HasRowsToFill(document) ? PageFiller.Fill(laid, flow, d => LayoutOnce(d, drawn, cancellationToken)) : laid;
    }

    private (LaidOutDocument Laid, Flow Flow) LayoutOnce(Document document, bool drawn, CancellationToken cancellationToken)
    {
        var context = new LayoutContext(fonts, document.Page, new Flow(document.Page), cancellationToken) { PlacesCells = drawn };
        var blocks = new List<LaidOutBlock>(document.Blocks.Count + 2);
        foreach (var block in document.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            blocks.Add(Kinds.BlockKinds.Of(block).Layout(block, context));
        }
        var pages = context.Flow.Page + 1;
        foreach (var running in new[] { document.Header, document.Footer })
            if (running is not null)
                for (var page = 0; page < pages; page++)
                    blocks.Add(RunningTextLayout.Layout(running, page, pages, context));
        return (new LaidOutDocument(document, pages, blocks) { Facts = context.Facts, Drawable = drawn }, context.Flow);
    }
}

internal sealed record LayoutContext(FontLibrary Fonts, PageGeometry Page, Flow Flow, CancellationToken Cancellation)
{
    public LayoutFacts Facts { get; } = new();
    /// <summary>Whether table cells are placed (a document to draw), or only their rows (a document to write as DOCX).</summary>
    public bool PlacesCells { get; init; } = true;
    public ParagraphSetter Setter => _setter ??= new(Fonts, Facts);
    private ParagraphSetter? _setter;
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
