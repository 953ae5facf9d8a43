using System.Globalization;
using System.Text.Json;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Catalog;

/// <summary>
/// Parses a definition's <c>styles</c>, <c>page</c> furniture and <c>body</c> into templates, checking every payload
/// path against the payload type (<c>persons[].convict.surname</c> inside a row repeated over <c>persons</c>).
/// Every error names the file and the JSON path of the offending element.
/// </summary>
internal sealed partial class TemplateParser(string file, IReadOnlySet<string> knownPaths, IReadOnlySet<string> knownFigures)
{
    /// <summary>The languages a definition may be written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["kk", "ru", "en"];

    private const string BlockKinds = "'paragraph', 'table', 'cutLine', 'figure', 'pageBreak'";

    /// <summary>The array items paths are relative to, innermost last ("persons[]", "persons[].days[]").</summary>
    private readonly Stack<string> _scopes = new();

    /// <summary>Header and footer templates first (when the definition has them), then the body's blocks.</summary>
    public IReadOnlyList<BlockTemplate> Parse(FormDefinition definition)
    {
        CheckStyles(definition);
        var blocks = new List<BlockTemplate>(definition.Body.Count + 2);
        if (definition.Page.Header is { } header)
            blocks.Add(ParseRunning(header, RunningPosition.Header, "$.page.header"));
        if (definition.Page.Footer is { } footer)
            blocks.Add(ParseRunning(footer, RunningPosition.Footer, "$.page.footer"));
        blocks.AddRange(ParseBody(definition.Body));
        return blocks;
    }

    private void CheckStyles(FormDefinition d)
    {
        if (!Languages.Contains(d.Language))
            throw Error("$.language", $"unknown language '{d.Language}'; known: {string.Join(", ", Languages)}.");
        if (!FontFamilies.ByName.ContainsKey(d.Styles.Font))
            throw Error("$.styles.font", $"unknown font '{d.Styles.Font}'; known: {string.Join(", ", FontFamilies.ByName.Keys)}.");
        CheckSizes(d.Styles, "$.styles");
        // The blank's sizes are checked as they print: the form's, with the blank's instead where it sets them.
        if (d.Styles.Blank is not null)
            CheckSizes(d.Styles.ForBlank(), "$.styles.blank");
        try { _ = PageGeometry.From(d.Page); }
        catch (ArgumentException ex) { throw Error("$.page.size", ex.Message); }
    }

    private void CheckSizes(TextStyles s, string at)
    {
        if (s.SizePt is < 6 or > 36 || float.IsNaN(s.SizePt))
            throw Error(at + ".sizePt", "must be a number from 6 to 36.");
        if (s.CaptionSizePt < 5 || s.CaptionSizePt > s.SizePt || float.IsNaN(s.CaptionSizePt))
            throw Error(at + ".captionSizePt", "must be a number from 5 to the body size (styles.sizePt).");
        if (s.LineSpacing is < 0.8f or > 3 || float.IsNaN(s.LineSpacing))
            throw Error(at + ".lineSpacing", "must be a number from 0.8 to 3.");
    }

    public IReadOnlyList<BlockTemplate> ParseBody(IReadOnlyList<JsonElement> body)
    {
        var blocks = new List<BlockTemplate>(body.Count);
        for (var i = 0; i < body.Count; i++)
            blocks.Add(ParseBlock(body[i], $"$.body[{i}]"));
        return blocks;
    }

    private RunningTemplate ParseRunning(JsonElement e, RunningPosition position, string at)
    {
        // "{page}-бет / {pages}" or { "text": "...", "align": ..., "sizePt": ... }
        var source = e.ValueKind == JsonValueKind.String ? e : e.ValueKind == JsonValueKind.Object && e.TryGetProperty("text", out var t) ? t : default;
        if (source.ValueKind != JsonValueKind.String)
            throw Error(at, "must be a text with {page} and {pages}, or an object with 'text'.");
        var text = String(source, at);
        var inlines = new List<InlineTemplate>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0) { inlines.Add(new TextTemplate(text[i..], RunStyle.Normal)); break; }
            if (open > i) inlines.Add(new TextTemplate(text[i..open], RunStyle.Normal));
            var close = text.IndexOf('}', open);
            var name = close < 0 ? "" : text[(open + 1)..close];
            inlines.Add(name switch
            {
                "page" => new PageNumberTemplate(PageNumberKind.Page, RunStyle.Normal),
                "pages" => new PageNumberTemplate(PageNumberKind.Pages, RunStyle.Normal),
                _ => throw Error(at, $"'{{{name}}}' is not known here: a header or footer may hold {{page}} and {{pages}}."),
            });
            i = close + 1;
        }
        var obj = e.ValueKind == JsonValueKind.Object ? e : default;
        var style = new ParagraphStyle(Align: obj.ValueKind == JsonValueKind.Object ? Enum(obj, "align", at, Alignment.Center) : Alignment.Center);
        float? size = obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty("sizePt", out _) ? Number(obj, "sizePt", at, 0) : null;
        return new RunningTemplate(position, new ParagraphTemplate(style, null, size, inlines));
    }

    private BlockTemplate ParseBlock(JsonElement e, string at)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw Error(at, $"a block must be an object with one of {BlockKinds}.");
        if (e.TryGetProperty("paragraph", out _))
            return ParseParagraph(e, at);
        if (e.TryGetProperty("table", out var table))
            return ParseTable(table, e, at);
        if (e.TryGetProperty("pageBreak", out var pb))
        {
            if (pb.ValueKind != JsonValueKind.True)
                throw Error(at + ".pageBreak", "must be true.");
            return new PageBreakTemplate();
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
        throw Error(at, $"a block must have one of {BlockKinds}.");
    }

    private ParagraphTemplate ParseParagraph(JsonElement e, string at)
    {
        var inlines = e.GetProperty("paragraph");
        var style = new ParagraphStyle(
            Align: Enum(e, "align", at, Alignment.Left),
            IndentLeftPt: Units.MmToPt(Number(e, "indentMm", at, 0)),
            FirstLinePt: Units.MmToPt(Number(e, "firstLineMm", at, 0)),
            SpaceBeforePt: Number(e, "spaceBeforePt", at, 0),
            SpaceAfterPt: Number(e, "spaceAfterPt", at, 0),
            KeepTogether: Bool(e, "keepTogether", at));
        bool? bold = e.TryGetProperty("bold", out _) ? Bool(e, "bold", at) : null;
        float? size = e.TryGetProperty("sizePt", out _) ? Size(e, "sizePt", at) : null;
        if (inlines.ValueKind != JsonValueKind.Array)
            throw Error(at + ".paragraph", "must be an array of inlines.");
        var list = new List<InlineTemplate>();
        var k = 0;
        foreach (var inline in inlines.EnumerateArray())
            list.Add(ParseInline(inline, $"{at}.paragraph[{k++}]"));
        return new ParagraphTemplate(style, bold, size, list);
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
        var style = new RunStyle(Bool(e, "bold", at), Bool(e, "italic", at), Bool(e, "small", at), Bool(e, "underline", at), Color(e, "color", at));
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
                NoBreak = Bool(e, "noBreak", at),
            };
        }
        if (e.TryGetProperty("value", out var plain))
            return new ValueTextTemplate(ParseValue(String(plain, at + ".value"), at + ".value"), when, style);
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
        throw Error(at, "an inline object needs one of 'text', 'field', 'value', 'blank', 'date', 'choice', 'flag', 'br'.");
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
                parts.Add(ParsePath(s[(pos + 1)..close], at));
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

    /// <summary><c>path</c>, or <c>path:plural=час,часа,часов</c>: the number, then the noun agreeing with it (<see cref="NounForms"/>).</summary>
    private PathPart ParsePath(string inner, string at)
    {
        var colon = inner.IndexOf(':');
        if (colon < 0)
            return new PathPart(Path(inner, at));
        var path = Path(inner[..colon], at);
        const string Plural = "plural=";
        var option = inner[(colon + 1)..];
        if (!option.StartsWith(Plural, StringComparison.Ordinal))
            throw Error(at, $"'{{{inner}}}': after ':' only 'plural=' is known ({{hours:plural=час,часа,часов}}).");
        var forms = option[Plural.Length..].Split(',').Select(f => f.Trim()).ToArray();
        if (forms.Length is not (1 or 3) || forms.Any(f => f.Length == 0))
            throw Error(at, $"'{{{inner}}}': plural= takes one noun (a language whose nouns do not change after a number) or three, one, few and many (час,часа,часов).");
        return new PathPart(path) { Plural = new NounForms(forms) };
    }

    /// <summary>
    /// Checks a path as the template wrote it (relative to the innermost repeated item) and returns it unchanged:
    /// the builder resolves it against the same item.
    /// </summary>
    private string Path(string path, string at)
    {
        var scope = _scopes.Count > 0 ? _scopes.Peek() : "";
        if (scope.Length > 0 && path is PayloadValues.Number or PayloadValues.Index)
            return path;
        var full = path.StartsWith(PayloadValues.RootPrefix, StringComparison.Ordinal) ? path[PayloadValues.RootPrefix.Length..]
            : scope.Length == 0 ? path : scope + "." + path;
        if (!knownPaths.Contains(IndexesErased(full)))
            throw Error(at, scope.Length == 0
                ? $"'{path}' is not a field of the payload."
                : $"'{path}' is not a field of the items of '{scope}' (nor {PayloadValues.Number}, {PayloadValues.Index}, or {PayloadValues.RootPrefix}…).");
        return path;
    }

    /// <summary>"persons[3].days[0].hours" → "persons[].days[].hours", the form the payload's paths are listed in.</summary>
    private static string IndexesErased(string path)
    {
        if (!path.Contains('[')) return path;
        var sb = new System.Text.StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            sb.Append(path[i]);
            if (path[i] != '[') continue;
            while (i + 1 < path.Length && char.IsAsciiDigit(path[i + 1])) i++;
        }
        return sb.ToString();
    }

    /// <summary>Checks an array path and makes its items the scope of what <paramref name="body"/> parses.</summary>
    private T InScope<T>(string arrayPath, string at, Func<T> body)
    {
        var path = Path(arrayPath, at);
        var scope = _scopes.Count > 0 ? _scopes.Peek() : "";
        var full = path.StartsWith(PayloadValues.RootPrefix, StringComparison.Ordinal) ? path[PayloadValues.RootPrefix.Length..]
            : scope.Length == 0 ? path : scope + "." + path;
        if (!knownPaths.Contains(IndexesErased(full) + "[]"))
            throw Error(at, $"'{path}' is not an array of the payload.");
        _scopes.Push(IndexesErased(full) + "[]");
        try { return body(); }
        finally { _scopes.Pop(); }
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

    private float Size(JsonElement obj, string name, string at)
    {
        var v = Number(obj, name, at, 0);
        if (v is < 4 or > 72)
            throw Error($"{at}.{name}", "must be a size from 4 to 72 points.");
        return v;
    }

    private InkColor? Color(JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String && InkColor.TryParse(v.GetString(), out var c)) return c;
        throw Error($"{at}.{name}", "must be a colour written \"#RRGGBB\".");
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
