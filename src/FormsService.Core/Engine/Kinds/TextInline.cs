using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Kinds;

/// <summary>Fixed text: <c>"text"</c> (a plain string in a paragraph is one too) or <c>{ "text": "...", "bold": true }</c>.</summary>
internal sealed class TextInline : InlineKind<TextTemplate>
{
    public override IReadOnlyList<string> Keys => ["text"];

    protected override TextTemplate ParseTemplate(JsonElement inline, string key, JsonElement value, RunStyle style, TemplateParser parser, string at) =>
        new(parser.String(value, at + ".text"), style);

    protected override void Build(TextTemplate t, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into) =>
        into.Add(context.Run(t.Text, context.Scale.Run(paragraph, t.Style)));
}
