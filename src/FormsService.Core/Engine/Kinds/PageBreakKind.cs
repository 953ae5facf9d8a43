using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>The flow goes on at the top of the next page (nothing at the top of a page already).</summary>
internal sealed class PageBreakKind : BlockKind<PageBreak>
{
    protected override LaidOutBlock Layout(PageBreak block, LayoutContext context)
    {
        var before = context.Flow.Page;
        if (!context.Flow.AtTop)
            context.Flow.NewPage();
        return new LaidOutPageBreak(before);
    }

    // The next block starts the page: Word would give a break of its own an empty line.
    protected override void WriteDocx(PageBreak block, DocxBody body) => body.PageBreakBefore();
}
