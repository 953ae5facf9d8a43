using System.Globalization;
using System.Text.Json;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Kinds;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Catalog;

/// <summary>
/// Parses a definition's <c>styles</c>, <c>page</c> furniture and <c>body</c> into templates, checking every payload
/// path against the payload type (<c>persons[].convict.surname</c> inside a row repeated over <c>persons</c>).
/// Every error names the file and the JSON path of the offending element. Each block and inline is parsed by the
/// class of its kind (<see cref="BlockKinds"/>, <see cref="InlineKinds"/>), with the checks this parser offers it.
/// </summary>
internal sealed partial class TemplateParser(string file, IReadOnlySet<string> knownPaths, IReadOnlySet<string> knownFigures)
{
    /// <summary>The languages a definition may be written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["kk", "ru", "en"];

    /// <summary>The array items paths are relative to, innermost last ("persons[]", "persons[].days[]").</summary>
    private readonly Stack<string> _scopes = new();

    /// <summary>The figures a definition may name (its module draws them).</summary>
    internal IReadOnlySet<string> KnownFigures => knownFigures;

    /// <summary>The body's blocks, and the header and footer templates when the definition has them.</summary>
    public (IReadOnlyList<BlockTemplate> Body, RunningTemplate? Header, RunningTemplate? Footer) Parse(FormDefinition definition)
    {
        CheckStyles(definition);
        var header = definition.Page.Header is { } h ? ParseRunning(h, RunningPosition.Header, "$.page.header") : null;
        var footer = definition.Page.Footer is { } f ? ParseRunning(f, RunningPosition.Footer, "$.page.footer") : null;
        return (ParseBody(definition.Body), header, footer);
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
            inlines.Add(PageNumberInline.Placeholder(name)
                ?? throw Error(at, $"'{{{name}}}' is not known here: a header or footer may hold {{page}} and {{pages}}."));
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
            throw Error(at, $"a block must be an object with one of {Names(BlockKinds.ByKey.Keys)}.");
        var (kind, _, value) = KindOf(e, BlockKinds.ByKey, at, "a block");
        return kind.Parse(e, value, this, at);
    }

    internal InlineTemplate ParseInline(JsonElement e, string at) => ConditionalInline.Wrap(ParseInlineCore(e, at), e, this, at);

    private InlineTemplate ParseInlineCore(JsonElement e, string at)
    {
        if (e.ValueKind == JsonValueKind.String)
            return new TextTemplate(e.GetString()!, RunStyle.Normal);
        if (e.ValueKind != JsonValueKind.Object)
            throw Error(at, "an inline must be a string or an object.");
        var style = new RunStyle(Bool(e, "bold", at), Bool(e, "italic", at), Bool(e, "small", at), Bool(e, "underline", at), Color(e, "color", at));
        var (kind, key, value) = KindOf(e, InlineKinds.ByKey, at, "an inline object");
        return kind.Parse(e, key, value, style, this, at);
    }

    /// <summary>
    /// The kind an element's key names, with that key and its value: an element has exactly one of the keys of its
    /// registry (the schema says so, and so does the parser, whatever order the kinds are found in).
    /// </summary>
    private (TKind Kind, string Key, JsonElement Value) KindOf<TKind>(JsonElement e, IReadOnlyDictionary<string, TKind> kinds, string at, string what)
    {
        (TKind Kind, string Key, JsonElement Value)? found = null;
        foreach (var p in e.EnumerateObject())
        {
            if (!kinds.TryGetValue(p.Name, out var kind)) continue;
            if (found is { } first && first.Key != p.Name)
                throw Error(at, $"{what} has one of {Names(kinds.Keys)}; this one has both '{first.Key}' and '{p.Name}'.");
            found = (kind, p.Name, p.Value);
        }
        return found ?? throw Error(at, $"{what} needs one of {Names(kinds.Keys)}.");
    }

    private static string Names(IEnumerable<string> keys) => string.Join(", ", keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"));

    /// <summary>An inline's <c>when</c>: the path whose value it is printed with (else printed empty), or null.</summary>
    internal string? When(JsonElement e, string at) =>
        e.TryGetProperty("when", out var w) ? Path(String(w, at + ".when"), at + ".when") : null;

    /// <summary>An inline's <c>caption</c>: the small text printed under its blank, or null.</summary>
    internal string? Caption(JsonElement e, string at) =>
        e.TryGetProperty("caption", out var c) ? String(c, at + ".caption") : null;

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
    internal string Path(string path, string at)
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

    internal DefinitionException Error(string at, string message) => new(file, at, message);

    internal string String(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Error(at, "must be a string.");

    internal float Number(JsonElement obj, string name, string at, float fallback)
    {
        if (!obj.TryGetProperty(name, out var v)) return fallback;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetSingle(out var f) || f < 0 || f > 1000)
            throw Error($"{at}.{name}", "must be a number from 0 to 1000.");
        return f;
    }

    internal float Size(JsonElement obj, string name, string at)
    {
        var v = Number(obj, name, at, 0);
        if (v is < 4 or > 72)
            throw Error($"{at}.{name}", "must be a size from 4 to 72 points.");
        return v;
    }

    internal InkColor? Color(JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String && InkColor.TryParse(v.GetString(), out var c)) return c;
        throw Error($"{at}.{name}", "must be a colour written \"#RRGGBB\".");
    }

    internal bool Bool(JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var v)) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"{at}.{name}", "must be true or false."),
        };
    }

    internal T Enum<T>(JsonElement obj, string name, string at, T fallback) where T : struct, System.Enum
    {
        if (!obj.TryGetProperty(name, out var v)) return fallback;
        if (v.ValueKind == JsonValueKind.String && System.Enum.TryParse<T>(v.GetString(), true, out var r) && System.Enum.IsDefined(r))
            return r;
        throw Error($"{at}.{name}", $"must be one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
    }
}
