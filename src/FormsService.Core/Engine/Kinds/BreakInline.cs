using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Kinds;

/// <summary>A line break inside a paragraph: <c>{ "br": true }</c>.</summary>
internal sealed class BreakInline : InlineKind<BreakTemplate>
{
    public override IReadOnlyList<string> Keys => ["br"];

    protected override BreakTemplate ParseTemplate(JsonElement inline, string key, JsonElement value, RunStyle style, TemplateParser parser, string at) => new();

    protected override void Build(BreakTemplate template, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into) =>
        into.Add(LineBreak.Instance);
}
