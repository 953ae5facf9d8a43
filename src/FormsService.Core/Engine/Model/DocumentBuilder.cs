using System.Globalization;
using System.Text;
using System.Text.Json;
using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Engine.Model;

/// <summary>Makes the art of a figure a definition names, from the payload (designer parameters, say).</summary>
public interface IFigureSource
{
    string Id { get; }
    IFigureArt Create(FormDefinition definition, JsonElement? payload);
}

/// <summary>
/// Definition + payload → document model. Pure: no I/O, no clock, invariant culture. Knows no particular form.
/// </summary>
public sealed class DocumentBuilder(IReadOnlyDictionary<string, IFigureSource> figures, Locale.DateLocales locales)
{
    // Blank widths of the parts of a date, as the forms print them: 20__ жылғы "___" _________.
    private const float YearMm = 9, DayMm = 8, MonthMm = 24;

    public Document Build(FormVersion version, JsonElement? payload)
    {
        var d = version.Definition;
        var values = new PayloadValues(payload);
        var locale = locales.Find(d.Language) ?? throw new InvalidOperationException($"No date words for '{d.Language}': the catalogue should have refused it.");
        var blocks = new List<Block>(version.Body.Count);
        foreach (var template in version.Body)
        {
            blocks.Add(template switch
            {
                ParagraphTemplate p => new Paragraph(p.Style, p.Inlines.SelectMany(i => Expand(i, values, locale)).ToList()),
                CutLineTemplate c => new CutLine(c.Label, c.SpaceBeforePt, c.SpaceAfterPt),
                FigureTemplate f => new Figure(figures[f.FigureId].Create(d, payload), Units.MmToPt(f.WidthMm), Units.MmToPt(f.HeightMm), f.SpaceBeforePt, f.SpaceAfterPt),
                _ => throw new NotSupportedException(template.GetType().Name),
            });
        }
        return new Document(new DocumentInfo(d.Title, d.Language, $"{d.LegalBasis.Act}, {d.LegalBasis.Appendix}"),
            PageGeometry.From(d.Page), d.Styles, blocks);
    }

    private static IEnumerable<Inline> Expand(InlineTemplate template, PayloadValues values, Locale.DateLocale locale)
    {
        switch (template)
        {
            case TextTemplate t:
                yield return new TextRun(t.Text, t.Style);
                break;
            case BreakTemplate:
                yield return LineBreak.Instance;
                break;
            case FieldTemplate f:
                var value = f.When is not null && !values.Has(f.When) ? null : Render(f.Value.Parts, values);
                yield return f.Prose && value is not null
                    ? new TextRun(value, f.Style)
                    : new Field(value, f.Caption, Units.MmToPt(f.MinWidthMm), f.Fill, f.Style);
                break;
            case DateTemplate dt:
                var raw = dt.When is not null && !values.Has(dt.When) ? null : values.Get(dt.Path);
                var date = raw is not null && DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed : (DateOnly?)null;
                foreach (var inline in DateInlines(date, dt, locale))
                    yield return inline;
                break;
            case ConditionalTemplate c:
                if (values.Has(c.Path) == c.WhenPresent)
                    foreach (var inline in Expand(c.Inner, values, locale))
                        yield return inline;
                break;
            case FlagTemplate flag:
                yield return values.Flag(flag.Path) switch
                {
                    true => new TextRun(flag.WhenTrue, RunStyle.Normal),
                    false => new TextRun(flag.WhenFalse, RunStyle.Normal),
                    null => new Field(null, flag.Caption, Units.MmToPt(flag.BlankWidthMm), false, RunStyle.Normal),
                };
                break;
            case ChoiceTemplate c:
                var chosen = values.Get(c.Path);
                foreach (var inline in ChoiceInlines(c, chosen))
                    yield return inline;
                break;
        }
    }

    private static IEnumerable<Inline> DateInlines(DateOnly? date, DateTemplate template, Locale.DateLocale locale)
    {
        var normal = RunStyle.Normal;
        if (date is { } filled && template.Style != Locale.DateStyle.Blank)
        {
            yield return new TextRun(locale.Format(filled, template.Style), normal);
            yield break;
        }
        // The form's drawn shape: every part a blank, filled or not; a caption goes under the last part.
        var pattern = locale.Pattern(Locale.DateStyle.Blank);
        var last = pattern.Select((p, i) => (p, i)).Last(x => x.p is Locale.DateSlot).i;
        for (var i = 0; i < pattern.Count; i++)
        {
            if (pattern[i] is Locale.DateText text)
            {
                yield return new TextRun(text.Text, normal);
                continue;
            }
            var slot = (Locale.DateSlot)pattern[i];
            var width = Units.MmToPt(slot.Part switch { Locale.DatePart.Year => YearMm, Locale.DatePart.Day => DayMm, _ => MonthMm });
            var caption = i == last ? template.Caption : null;
            if (date is { } v)
                yield return new Field(locale.Value(v, slot, Locale.DateStyle.Blank), caption, width, false, normal);
            else
            {
                if (slot.Part == Locale.DatePart.Year && locale.BlankYearPrefix.Length > 0)
                    yield return new TextRun(locale.BlankYearPrefix, normal);
                yield return new Field(null, caption, width, false, normal);
            }
        }
    }

    private static IEnumerable<Inline> ChoiceInlines(ChoiceTemplate c, string? chosen)
    {
        // The format's literal text is kept as it is; only the chosen option is underlined.
        var format = c.Format;
        var i = 0;
        while (i < format.Length)
        {
            var open = format.IndexOf('{', i);
            if (open < 0)
            {
                yield return new TextRun(format[i..], RunStyle.Normal);
                yield break;
            }
            if (open > i)
                yield return new TextRun(format[i..open], RunStyle.Normal);
            var close = format.IndexOf('}', open);
            var index = int.Parse(format.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture);
            var option = c.Options[index];
            var selected = chosen is not null && string.Equals(option, chosen, StringComparison.OrdinalIgnoreCase);
            yield return new TextRun(option, selected ? new RunStyle(Underline: true) : RunStyle.Normal);
            i = close + 1;
        }
    }

    private static string? Render(IReadOnlyList<ValuePart> parts, PayloadValues values)
    {
        var sb = new StringBuilder();
        Append(sb, parts, values);
        var text = PayloadValues.Normalize(sb.ToString());
        // A value made of literals only (all its paths empty) is no value: the blank prints empty.
        return parts.SelectMany(p => p.Paths).Any(values.Has) && text.Length > 0 ? text : null;
    }

    private static void Append(StringBuilder sb, IReadOnlyList<ValuePart> parts, PayloadValues values)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case LiteralPart l:
                    sb.Append(l.Text);
                    break;
                case PathPart p:
                    sb.Append(values.Get(p.Path));
                    break;
                case OptionalGroup g when g.Paths.All(values.Has):
                    Append(sb, g.Parts, values);
                    break;
            }
        }
    }
}

/// <summary>Reads payload values by path ("convict.surname"); blank values count as absent.</summary>
internal sealed class PayloadValues(JsonElement? payload)
{
    public bool Has(string path) => Get(path) is not null || IsObject(path);

    private bool IsObject(string path) => Find(path) is { ValueKind: JsonValueKind.Object };

    public string? Get(string path)
    {
        var e = Find(path);
        if (e is null) return null;
        var v = e.Value;
        var text = v.ValueKind switch
        {
            JsonValueKind.String => Normalize(v.GetString() ?? ""),
            // A whole number prints as one however it was spelt: 120.0 binds as 120 (WholeNumberConverter).
            JsonValueKind.Number => v.TryGetDecimal(out var n) && n == decimal.Truncate(n)
                ? decimal.Truncate(n).ToString(CultureInfo.InvariantCulture) : v.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public bool? Flag(string path) => Find(path)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private JsonElement? Find(string path)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } current)
            return null;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out var next))
                return null;
            current = next;
        }
        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    /// <summary>Collapses runs of white space: a value prints on the form's lines, not as the sender spaced it.</summary>
    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
