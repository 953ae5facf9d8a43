using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Kinds;

/// <summary>Text chosen by a yes/no value: <c>{ "flag": "{path}", "true": "...", "false": "..." }</c>; a blank when it has none.</summary>
internal sealed class FlagInline : InlineKind<FlagTemplate>
{
    public override IReadOnlyList<string> Keys => ["flag"];

    protected override FlagTemplate ParseTemplate(JsonElement e, string key, JsonElement value, RunStyle style, TemplateParser parser, string at)
    {
        var path = parser.Path(parser.String(value, at + ".flag"), at + ".flag");
        if (!e.TryGetProperty("true", out var yes) || !e.TryGetProperty("false", out var no))
            throw parser.Error(at, "a flag needs the texts 'true' and 'false'.");
        return new FlagTemplate(path, parser.String(yes, at + ".true"), parser.String(no, at + ".false"), parser.Number(e, "widthMm", at, 30))
        {
            Caption = parser.Caption(e, at),
        };
    }

    protected override void Build(FlagTemplate flag, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into)
    {
        var scale = context.Scale;
        var normal = scale.Run(paragraph, RunStyle.Normal);
        into.Add(values.Flag(flag.Path) switch
        {
            true => new TextRun(flag.WhenTrue, normal),
            false => new TextRun(flag.WhenFalse, normal),
            null => new Field(null, flag.Caption, Units.MmToPt(flag.BlankWidthMm), false, normal, scale.Caption),
        });
    }
}
