using System.Globalization;
using System.Text.Json;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Catalog;

/// <summary>
/// Parses a definition's <c>body</c> into templates, checking every payload path against the payload type.
/// Every error names the file and the JSON path of the offending element.
/// </summary>
internal sealed class TemplateParser(string file, IReadOnlySet<string> knownPaths, IReadOnlySet<string> knownFigures)
{
    public IReadOnlyList<BlockTemplate> ParseBody(IReadOnlyList<JsonElement> body)
    {
        var blocks = new List<BlockTemplate>(body.Count);
        for (var i = 0; i < body.Count; i++)
            blocks.Add(ParseBlock(body[i], $"$.body[{i}]"));
        return blocks;
    }

    private BlockTemplate ParseBlock(JsonElement e, string at)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw Error(at, "a block must be an object with one of 'paragraph', 'cutLine', 'figure'.");
        if (e.TryGetProperty("paragraph", out var inlines))
        {
            var style = new ParagraphStyle(
                Align: Enum(e, "align", at, Alignment.Left),
                IndentLeftPt: Units.MmToPt(Number(e, "indentMm", at, 0)),
                FirstLinePt: Units.MmToPt(Number(e, "firstLineMm", at, 0)),
                SpaceBeforePt: Number(e, "spaceBeforePt", at, 0),
                SpaceAfterPt: Number(e, "spaceAfterPt", at, 0),
                Bold: Bool(e, "bold", at),
                SizePt: e.TryGetProperty("sizePt", out _) ? Number(e, "sizePt", at, 0) : null,
                KeepTogether: Bool(e, "keepTogether", at));
            if (inlines.ValueKind != JsonValueKind.Array)
                throw Error(at + ".paragraph", "must be an array of inlines.");
            var list = new List<InlineTemplate>();
            var k = 0;
            foreach (var inline in inlines.EnumerateArray())
                list.Add(ParseInline(inline, $"{at}.paragraph[{k++}]"));
            return new ParagraphTemplate(style, list);
        }
        if (e.TryGetProperty("cutLine", out var label))
            return new CutLineTemplate(String(label, at + ".cutLine"), Number(e, "spaceBeforePt", at, 0), Number(e, "spaceAfterPt", at, 0));
        if (e.TryGetProperty("figure", out var figure))
        {
            var id = String(figure, at + ".figure");
            if (!knownFigures.Contains(id))
                throw Error(at + ".figure", $"unknown figure '{id}'; known: {string.Join(", ", knownFigures)}.");
            return new FigureTemplate(id, Number(e, "widthMm", at, 0), Number(e, "heightMm", at, 0),
                Number(e, "spaceBeforePt", at, 0), Number(e, "spaceAfterPt", at, 0));
        }
        throw Error(at, "a block must have one of 'paragraph', 'cutLine', 'figure'.");
    }

    private InlineTemplate ParseInline(JsonElement e, string at)
    {
        var inline = ParseInlineCore(e, at);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("if", out var present))
            return new ConditionalTemplate(inline, Path(String(present, at + ".if"), at + ".if"), WhenPresent: true);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("unless", out var absent))
            return new ConditionalTemplate(inline, Path(String(absent, at + ".unless"), at + ".unless"), WhenPresent: false);
        return inline;
    }

    private InlineTemplate ParseInlineCore(JsonElement e, string at)
    {
        if (e.ValueKind == JsonValueKind.String)
            return new TextTemplate(e.GetString()!, RunStyle.Normal);
        if (e.ValueKind != JsonValueKind.Object)
            throw Error(at, "an inline must be a string or an object.");
        var style = new RunStyle(Bool(e, "bold", at), Bool(e, "italic", at), Bool(e, "small", at), Bool(e, "underline", at));
        if (e.TryGetProperty("text", out var text))
            return new TextTemplate(String(text, at + ".text"), style);
        if (e.TryGetProperty("br", out _))
            return new BreakTemplate();
        var when = e.TryGetProperty("when", out var w) ? Path(String(w, at + ".when"), at + ".when") : null;
        if (e.TryGetProperty("field", out var field))
        {
            var fill = Bool(e, "fill", at);
            var width = Number(e, "widthMm", at, fill ? 20 : -1);
            if (width <= 0)
                throw Error(at, "a field needs 'widthMm' (> 0) or 'fill': true.");
            var caption = e.TryGetProperty("caption", out var c) ? String(c, at + ".caption") : null;
            return new FieldTemplate(ParseValue(String(field, at + ".field"), at + ".field"), caption, width, fill, when, style)
            {
                Prose = Bool(e, "prose", at),
            };
        }
        if (e.TryGetProperty("blank", out _))
        {
            // A blank that is always written by hand (a signature): no payload value.
            var width = Number(e, "widthMm", at, -1);
            if (width <= 0)
                throw Error(at, "a blank needs 'widthMm' (> 0).");
            var caption = e.TryGetProperty("caption", out var c) ? String(c, at + ".caption") : null;
            return new FieldTemplate(new ValueTemplate([]), caption, width, false, null, style);
        }
        if (e.TryGetProperty("flag", out var flag))
        {
            var path = Path(String(flag, at + ".flag"), at + ".flag");
            if (!e.TryGetProperty("true", out var yes) || !e.TryGetProperty("false", out var no))
                throw Error(at, "a flag needs the texts 'true' and 'false'.");
            return new FlagTemplate(path, String(yes, at + ".true"), String(no, at + ".false"), Number(e, "widthMm", at, 30))
            {
                Caption = e.TryGetProperty("caption", out var fc) ? String(fc, at + ".caption") : null,
            };
        }
        if (e.TryGetProperty("date", out var date))
            return new DateTemplate(Path(String(date, at + ".date"), at + ".date"), when)
            {
                Style = Enum(e, "style", at, Locale.DateStyle.Blank),
                Caption = e.TryGetProperty("caption", out var dc) ? String(dc, at + ".caption") : null,
            };
        if (e.TryGetProperty("choice", out var choice))
        {
            var path = Path(String(choice, at + ".choice"), at + ".choice");
            if (!e.TryGetProperty("options", out var opts) || opts.ValueKind != JsonValueKind.Array || opts.GetArrayLength() == 0)
                throw Error(at + ".options", "a choice needs a non-empty array of options.");
            var options = opts.EnumerateArray().Select((o, i) => String(o, $"{at}.options[{i}]")).ToList();
            var format = e.TryGetProperty("format", out var f) ? String(f, at + ".format") : string.Join(", ", options.Select((_, i) => $"{{{i}}}"));
            try { _ = string.Format(CultureInfo.InvariantCulture, format, options.Cast<object>().ToArray()); }
            catch (FormatException) { throw Error(at + ".format", "the format refers to an option that does not exist."); }
            return new ChoiceTemplate(path, options, format);
        }
        throw Error(at, "an inline object needs one of 'text', 'field', 'blank', 'date', 'choice', 'flag', 'br'.");
    }

    internal ValueTemplate ParseValue(string source, string at)
    {
        var pos = 0;
        var parts = ParseParts(source, ref pos, at, nested: false);
        if (pos != source.Length)
            throw Error(at, $"unexpected ']' at {pos}.");
        var template = new ValueTemplate(parts);
        if (!template.Paths.Any())
            throw Error(at, "a field must refer to at least one payload path, e.g. '{convict.surname}'.");
        return template;
    }

    private List<ValuePart> ParseParts(string s, ref int pos, string at, bool nested)
    {
        var parts = new List<ValuePart>();
        var literal = new System.Text.StringBuilder();
        void Flush()
        {
            if (literal.Length > 0) parts.Add(new LiteralPart(literal.ToString()));
            literal.Clear();
        }
        while (pos < s.Length)
        {
            var c = s[pos];
            if (c == '{')
            {
                var close = s.IndexOf('}', pos);
                if (close < 0) throw Error(at, $"'{{' at {pos} is not closed.");
                Flush();
                parts.Add(new PathPart(Path(s[(pos + 1)..close], at)));
                pos = close + 1;
            }
            else if (c == '[')
            {
                Flush();
                pos++;
                var inner = ParseParts(s, ref pos, at, nested: true);
                if (pos >= s.Length || s[pos] != ']') throw Error(at, "'[' is not closed.");
                pos++;
                parts.Add(new OptionalGroup(inner));
            }
            else if (c == ']')
            {
                if (!nested) throw Error(at, $"unexpected ']' at {pos}.");
                break;
            }
            else
            {
                literal.Append(c);
                pos++;
            }
        }
        Flush();
        return parts;
    }

    private string Path(string path, string at)
    {
        if (!knownPaths.Contains(path))
            throw Error(at, $"'{path}' is not a field of the payload.");
        return path;
    }

    private DefinitionException Error(string at, string message) => new(file, at, message);

    private string String(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Error(at, "must be a string.");

    private float Number(JsonElement obj, string name, string at, float fallback)
    {
        if (!obj.TryGetProperty(name, out var v)) return fallback;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetSingle(out var f) || f < 0 || f > 1000)
            throw Error($"{at}.{name}", "must be a number from 0 to 1000.");
        return f;
    }

    private bool Bool(JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var v)) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"{at}.{name}", "must be true or false."),
        };
    }

    private T Enum<T>(JsonElement obj, string name, string at, T fallback) where T : struct, System.Enum
    {
        if (!obj.TryGetProperty(name, out var v)) return fallback;
        if (v.ValueKind == JsonValueKind.String && System.Enum.TryParse<T>(v.GetString(), true, out var r) && System.Enum.IsDefined(r))
            return r;
        throw Error($"{at}.{name}", $"must be one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
    }
}
