using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Kinds;

/// <summary>
/// A blank to fill: <c>{ "field": "{path} [{path}]", "widthMm": 80, "caption": "(...)" }</c>, its value from the
/// payload; or <c>{ "blank": true, "widthMm": 40 }</c>, always written by hand (a signature).
/// </summary>
internal sealed class FieldInline : InlineKind<FieldTemplate>
{
    public override IReadOnlyList<string> Keys => ["field", "blank"];

    protected override FieldTemplate ParseTemplate(JsonElement e, string key, JsonElement value, RunStyle style, TemplateParser parser, string at)
    {
        var when = parser.When(e, at);
        if (key == "blank")
        {
            // Always written by hand: no payload value.
            var blankWidth = parser.Number(e, "widthMm", at, -1);
            if (blankWidth <= 0)
                throw parser.Error(at, "a blank needs 'widthMm' (> 0).");
            return new FieldTemplate(new ValueTemplate([]), parser.Caption(e, at), blankWidth, false, null, style);
        }
        var fill = parser.Bool(e, "fill", at);
        var width = parser.Number(e, "widthMm", at, fill ? 20 : -1);
        if (width <= 0)
            throw parser.Error(at, "a field needs 'widthMm' (> 0) or 'fill': true.");
        var caption = parser.Caption(e, at);
        return new FieldTemplate(parser.ParseValue(parser.String(value, at + ".field"), at + ".field"), caption, width, fill, when, style)
        {
            Prose = parser.Bool(e, "prose", at),
            NoBreak = parser.Bool(e, "noBreak", at),
        };
    }

    protected override void Build(FieldTemplate f, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into)
    {
        var scale = context.Scale;
        var value = f.When is not null && !values.Has(f.When) ? null : DocumentBuilder.Render(f.Value.Parts, values);
        into.Add(f.Prose && value is not null
            ? f.NoBreak ? new TextRun(value, scale.Run(paragraph, f.Style)) { NoBreak = true } : context.Run(value, scale.Run(paragraph, f.Style))
            : new Field(value, f.Caption, Units.MmToPt(f.MinWidthMm), f.Fill, scale.Run(paragraph, f.Style), scale.Caption)
            {
                Parts = values.IsRoot ? context.PartsOf(f.Value.Parts, value, values) : null,
            });
    }
}
