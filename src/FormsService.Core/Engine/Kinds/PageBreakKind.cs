using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>The flow goes on at the top of the next page (nothing at the top of a page already): <c>{ "pageBreak": true }</c>.</summary>
internal sealed class PageBreakKind : BlockKind<PageBreakTemplate, PageBreak>
{
    public override string Key => "pageBreak";

    protected override PageBreakTemplate ParseTemplate(JsonElement block, JsonElement value, TemplateParser parser, string at) =>
        value.ValueKind == JsonValueKind.True ? new PageBreakTemplate() : throw parser.Error(at + ".pageBreak", "must be true.");

    protected override PageBreak Build(PageBreakTemplate template, BuildContext context) => PageBreak.Instance;

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
