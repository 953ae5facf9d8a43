using System.Globalization;
using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Locale;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Kinds;

/// <summary>
/// A date in a style of the definition's language: <c>{ "date": "{path}", "style": "blank", "caption": "(...)" }</c>;
/// with no value, the form's blank date, <c>20___ жылғы "___" _____</c>.
/// </summary>
internal sealed class DateInline : InlineKind<DateTemplate>
{
    // Blank widths of the parts of a date, as the forms print them: 20__ жылғы "___" _________.
    private const float YearMm = 9, DayMm = 8, MonthMm = 24;

    public override IReadOnlyList<string> Keys => ["date"];

    protected override DateTemplate ParseTemplate(JsonElement e, string key, JsonElement value, RunStyle style, TemplateParser parser, string at)
    {
        var when = parser.When(e, at);
        return new DateTemplate(parser.Path(parser.String(value, at + ".date"), at + ".date"), when)
        {
            Style = parser.Enum(e, "style", at, DateStyle.Blank),
            Caption = parser.Caption(e, at),
        };
    }

    protected override void Build(DateTemplate dt, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into)
    {
        var raw = dt.When is not null && !values.Has(dt.When) ? null : values.Get(dt.Path);
        var date = raw is not null && DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed : (DateOnly?)null;
        var bound = values.IsRoot && context.Bindable.Contains(dt.Path) ? dt.Path : null;
        into.AddRange(Inlines(date, dt, context.Dates, context.Scale.Run(paragraph, RunStyle.Normal), context.Scale.Caption, bound));
    }

    /// <param name="bound">The date's payload path when a Word document may bind its parts, else null.</param>
    private static IEnumerable<Inline> Inlines(DateOnly? date, DateTemplate template, DateLocale dates, Typography normal, Typography caption,
        string? bound)
    {
        // A filled date breaks at its spaces as Word breaks it; a blank date's shape is one piece of a line, glued to
        // its blanks, so that nobody writes a date across two lines.
        if (date is { } filled && template.Style != DateStyle.Blank)
        {
            yield return new TextRun(dates.Format(filled, template.Style), normal);
            yield break;
        }
        // The form's drawn shape: every part a blank, filled or not; a caption goes under the last part.
        var pattern = dates.Pattern(DateStyle.Blank);
        var last = pattern.Select((p, i) => (p, i)).Last(x => x.p is DateSlot).i;
        for (var i = 0; i < pattern.Count; i++)
        {
            if (pattern[i] is DateText text)
            {
                yield return new TextRun(text.Text, normal) { NoBreak = date is null };
                continue;
            }
            var slot = (DateSlot)pattern[i];
            var width = Units.MmToPt(slot.Part switch { DatePart.Year => YearMm, DatePart.Day => DayMm, _ => MonthMm });
            var under = i == last ? template.Caption : null;
            var part = slot.Part switch
            {
                DatePart.Year => BindingPart.Year,
                DatePart.Day => BindingPart.Day,
                _ => BindingPart.Month,
            };
            if (date is { } v)
            {
                var shown = dates.Value(v, slot, DateStyle.Blank);
                yield return new Field(shown, under, width, false, normal, caption)
                {
                    Parts = bound is null ? null : [new FieldPart(shown, new Binding(bound, part))],
                };
            }
            else
            {
                if (slot.Part == DatePart.Year && dates.BlankYearPrefix.Length > 0)
                    yield return new TextRun(dates.BlankYearPrefix, normal) { NoBreak = true };
                yield return new Field(null, under, width, false, normal, caption)
                {
                    Parts = bound is null ? null : [new FieldPart("", new Binding(bound, part))],
                };
            }
        }
    }
}
