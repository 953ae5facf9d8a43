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
public sealed class DocumentBuilder(IReadOnlyDictionary<string, IFigureSource> figures)
{
    private static readonly string[] MonthsKk =
        ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

    // Blank widths of the parts of a date, as the forms print them: 20__ жылғы "___" _________.
    private const float YearMm = 9, DayMm = 8, MonthMm = 24;

    public Document Build(FormVersion version, JsonElement? payload)
    {
        var d = version.Definition;
        var values = new PayloadValues(payload);
        var blocks = new List<Block>(version.Body.Count);
        foreach (var template in version.Body)
        {
            blocks.Add(template switch
            {
                ParagraphTemplate p => new Paragraph(p.Style, p.Inlines.SelectMany(i => Expand(i, values)).ToList()),
                CutLineTemplate c => new CutLine(c.Label, c.SpaceBeforePt, c.SpaceAfterPt),
                FigureTemplate f => new Figure(figures[f.FigureId].Create(d, payload), Units.MmToPt(f.WidthMm), Units.MmToPt(f.HeightMm), f.SpaceBeforePt, f.SpaceAfterPt),
                _ => throw new NotSupportedException(template.GetType().Name),
            });
        }
        return new Document(new DocumentInfo(d.Title, d.Language, $"{d.LegalBasis.Act}, {d.LegalBasis.Appendix}"),
            PageGeometry.From(d.Page), d.Styles, blocks);
    }

    private static IEnumerable<Inline> Expand(InlineTemplate template, PayloadValues values)
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
                yield return new Field(value, f.Caption, Units.MmToPt(f.MinWidthMm), f.Fill, f.Style);
                break;
            case DateTemplate dt:
                var raw = dt.When is not null && !values.Has(dt.When) ? null : values.Get(dt.Path);
                var date = raw is not null && DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed : (DateOnly?)null;
                foreach (var inline in DateInlines(date))
                    yield return inline;
                break;
            case FlagTemplate flag:
                yield return values.Flag(flag.Path) switch
                {
                    true => new TextRun(flag.WhenTrue, RunStyle.Normal),
                    false => new TextRun(flag.WhenFalse, RunStyle.Normal),
                    null => new Field(null, null, Units.MmToPt(flag.BlankWidthMm), false, RunStyle.Normal),
                };
                break;
            case ChoiceTemplate c:
                var chosen = values.Get(c.Path);
                foreach (var inline in ChoiceInlines(c, chosen))
                    yield return inline;
                break;
        }
    }

    private static IEnumerable<Inline> DateInlines(DateOnly? date)
    {
        var normal = RunStyle.Normal;
        if (date is { } v)
        {
            yield return new Field(v.Year.ToString(CultureInfo.InvariantCulture), null, Units.MmToPt(YearMm), false, normal);
            yield return new TextRun(" жылғы \"", normal);
            yield return new Field(v.Day.ToString("00", CultureInfo.InvariantCulture), null, Units.MmToPt(DayMm), false, normal);
            yield return new TextRun("\" ", normal);
            yield return new Field(MonthsKk[v.Month - 1], null, Units.MmToPt(MonthMm), false, normal);
        }
        else
        {
            yield return new TextRun("20", normal);
            yield return new Field(null, null, Units.MmToPt(YearMm), false, normal);
            yield return new TextRun(" жылғы \"", normal);
            yield return new Field(null, null, Units.MmToPt(DayMm), false, normal);
            yield return new TextRun("\" ", normal);
            yield return new Field(null, null, Units.MmToPt(MonthMm), false, normal);
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
            JsonValueKind.Number => v.GetRawText(),
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
