using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Kinds;

/// <summary>A value printed as plain text (a table cell's): <c>{ "value": "{path}" }</c>; nothing when it has no value.</summary>
internal sealed class ValueInline : InlineKind<ValueTextTemplate>
{
    public override IReadOnlyList<string> Keys => ["value"];

    protected override ValueTextTemplate ParseTemplate(JsonElement e, string key, JsonElement value, RunStyle style, TemplateParser parser, string at)
    {
        var when = parser.When(e, at);
        return new(parser.ParseValue(parser.String(value, at + ".value"), at + ".value"), when, style);
    }

    protected override void Build(ValueTextTemplate v, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into)
    {
        if ((v.When is null || values.Has(v.When)) && DocumentBuilder.Render(v.Value.Parts, values) is { } plain)
            into.Add(context.Run(plain, context.Scale.Run(paragraph, v.Style)));
    }
}
