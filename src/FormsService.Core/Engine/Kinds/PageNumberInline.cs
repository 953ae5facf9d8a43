using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Kinds;

/// <summary>The page's number or the number of pages: <c>{page}</c>, <c>{pages}</c> in a running header or footer's text.</summary>
internal sealed class PageNumberInline : InlineKind<PageNumberTemplate>
{
    /// <summary>The placeholder <c>{name}</c>'s template; null for a name that is not one.</summary>
    internal static PageNumberTemplate? Placeholder(string name) => name switch
    {
        "page" => new PageNumberTemplate(PageNumberKind.Page, RunStyle.Normal),
        "pages" => new PageNumberTemplate(PageNumberKind.Pages, RunStyle.Normal),
        _ => null,
    };

    protected override void Build(PageNumberTemplate n, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into) =>
        into.Add(new PageNumber(n.Kind, context.Scale.Run(paragraph, n.Style)));
}
