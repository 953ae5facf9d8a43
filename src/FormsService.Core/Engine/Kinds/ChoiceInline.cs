using System.Globalization;
using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Kinds;

/// <summary>
/// Fixed text listing options, the one the payload names underlined:
/// <c>{ "choice": "{path}", "options": ["..", ".."], "format": "{0} / {1}" }</c>.
/// </summary>
internal sealed class ChoiceInline : InlineKind<ChoiceTemplate>
{
    public override IReadOnlyList<string> Keys => ["choice"];

    protected override ChoiceTemplate ParseTemplate(JsonElement e, string key, JsonElement value, RunStyle style, TemplateParser parser, string at)
    {
        var path = parser.Path(parser.String(value, at + ".choice"), at + ".choice");
        if (!e.TryGetProperty("options", out var opts) || opts.ValueKind != JsonValueKind.Array || opts.GetArrayLength() == 0)
            throw parser.Error(at + ".options", "a choice needs a non-empty array of options.");
        var options = opts.EnumerateArray().Select((o, i) => parser.String(o, $"{at}.options[{i}]")).ToList();
        var format = e.TryGetProperty("format", out var f) ? parser.String(f, at + ".format") : string.Join(", ", options.Select((_, i) => $"{{{i}}}"));
        try { _ = string.Format(CultureInfo.InvariantCulture, format, options.Cast<object>().ToArray()); }
        catch (FormatException) { throw parser.Error(at + ".format", "the format refers to an option that does not exist."); }
        return new ChoiceTemplate(path, options, format);
    }

    protected override void Build(ChoiceTemplate c, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into) =>
        into.AddRange(Inlines(c, values.Get(c.Path), context.Scale.Run(paragraph, RunStyle.Normal)));

    private static IEnumerable<Inline> Inlines(ChoiceTemplate c, string? chosen, Typography normal)
    {
        // The format's literal text is kept as it is; only the chosen option is underlined.
        var format = c.Format;
        var i = 0;
        while (i < format.Length)
        {
            var open = format.IndexOf('{', i);
            if (open < 0)
            {
                yield return new TextRun(format[i..], normal);
                yield break;
            }
            if (open > i)
                yield return new TextRun(format[i..open], normal);
            var close = format.IndexOf('}', open);
            var index = int.Parse(format.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture);
            var option = c.Options[index];
            var selected = chosen is not null && string.Equals(option, chosen, StringComparison.OrdinalIgnoreCase);
            yield return new TextRun(option, normal.With(underline: selected));
            i = close + 1;
        }
    }
}
