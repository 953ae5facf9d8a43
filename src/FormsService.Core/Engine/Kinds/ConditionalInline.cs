using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Kinds;

/// <summary>Any inline with <c>"if": "path"</c> or <c>"unless": "path"</c>: printed only when the payload has (lacks) a value there.</summary>
internal sealed class ConditionalInline : InlineKind<ConditionalTemplate>
{
    /// <summary><paramref name="inner"/>, parsed from <paramref name="e"/>, under the condition <paramref name="e"/> states (if any).</summary>
    internal static InlineTemplate Wrap(InlineTemplate inner, JsonElement e, TemplateParser parser, string at)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("if", out var present))
            return new ConditionalTemplate(inner, parser.Path(parser.String(present, at + ".if"), at + ".if"), WhenPresent: true);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("unless", out var absent))
            return new ConditionalTemplate(inner, parser.Path(parser.String(absent, at + ".unless"), at + ".unless"), WhenPresent: false);
        return inner;
    }

    protected override void Build(ConditionalTemplate c, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into)
    {
        if (values.Has(c.Path) == c.WhenPresent)
            InlineKinds.Of(c.Inner).Build(c.Inner, values, context, paragraph, into);
    }
}
