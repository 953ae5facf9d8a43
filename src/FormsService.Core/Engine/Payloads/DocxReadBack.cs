using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// What reading a Word document back gave: the payload (then checked like any other), or why the document was
/// refused — a status, a problem title's code, and coded messages by tag or by <c>$</c> for the document as a whole.
/// </summary>
internal sealed record DocxReading(FormVersion? Version, JsonElement? Payload, int Status, string? TitleCode, IReadOnlyDictionary<string, Message[]> Errors)
{
    public bool Read => Payload is not null;
}

/// <summary>
/// A filled Word document → its payload. The document carries the payload it was made from; each content control
/// tagged with a payload path overlays it with what it holds now, typed as the payload's record types it. A path
/// printed more than once (the referral's tear-off copy) takes the text that differs from the carried value, so an
/// edit in either copy is read. A blank date's year, day and month are read together (the month by its name in any
/// of its printed forms, or its number).
/// </summary>
internal static class DocxReadBack
{
    private const string Whole = "$";

    public static DocxReading Read(FormEntry form, Stream docx, Locale.DateLocales dates)
    {
        var content = DocxSource.Read(docx);
        if (content is null)
            return Refused(null, 400, "problem-docx-unreadable", Whole, Say.Of("docx-unreadable"));
        if (content.FormId is null)
            return Refused(null, 422, "problem-docx-refused", Whole, Say.Of("docx-not-ours"));
        if (!string.Equals(content.FormId, form.FormId, StringComparison.Ordinal))
            return Refused(null, 422, "problem-docx-refused", Whole, Say.Of("docx-other-form", ("formId", content.FormId), ("expected", form.FormId)));
        var version = form.Versions.FirstOrDefault(v => string.Equals(v.Version, content.Version, StringComparison.Ordinal));
        if (version is null)
            return Refused(null, 422, "problem-docx-refused", Whole, Say.Of("docx-unknown-version", ("formId", form.FormId), ("version", content.Version ?? "")));
        // The variant the document was made in (its language is read from it: a Russian document's dates are Russian);
        // a document that names none is in the version's default language.
        if (content.Language is { } language && version.In(language) is { } variant)
            version = variant;

        JsonObject payload;
        try
        {
            payload = content.PayloadJson is null ? [] : JsonNode.Parse(content.PayloadJson) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return Refused(version, 422, "problem-docx-refused", Whole, Say.Of("docx-not-ours"));
        }

        var errors = new Dictionary<string, List<Message>>(StringComparer.Ordinal);
        var bound = version.Module.BoundPaths;
        var wholes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var parts = new Dictionary<string, List<(BindingPart Part, string Text)>>(StringComparer.Ordinal);
        foreach (var control in content.Controls)
        {
            var b = Binding.FromTag(control.Tag);
            if (b is null || !bound.Contains(b.Path))
            {
                Add(errors, control.Tag, Say.Of("docx-unknown-field"));
                continue;
            }
            if (b.Part == BindingPart.Whole) Get(wholes, b.Path).Add(control.Text);
            else Get(parts, b.Path).Add((b.Part, control.Text));
        }
        if (errors.Count > 0)
            return new DocxReading(version, null, 422, "problem-docx-fields", errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

        var record = version.Module.PayloadRecord;
        foreach (var (path, texts) in wholes)
        {
            var carried = TextAt(payload, path);
            var changed = texts.FirstOrDefault(t => !string.Equals(t, carried ?? "", StringComparison.Ordinal));
            if (changed is null) continue;
            Set(payload, path, changed.Length == 0 ? null : Typed(changed, TypeAt(record, path)));
        }
        var locale = dates.Find(version.Definition.Language);
        foreach (var (path, pieces) in parts)
        {
            var carried = TextAt(payload, path);
            string? changed = null;
            var any = false;
            foreach (var set in Sets(pieces))
            {
                var date = DateOf(set, locale, out var empty);
                if (date is null && !empty)
                {
                    Add(errors, path, Say.Of("docx-date-parts"));
                    break;
                }
                var text = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
                if (!string.Equals(text, carried ?? "", StringComparison.Ordinal))
                {
                    changed = text;
                    any = true;
                    break;
                }
            }
            if (any) Set(payload, path, changed!.Length == 0 ? null : JsonValue.Create(changed));
        }
        if (errors.Count > 0)
            return new DocxReading(version, null, 422, "problem-docx-fields", errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        return new DocxReading(version, JsonSerializer.SerializeToElement(payload), 200, null, new Dictionary<string, Message[]>());
    }

    private static DocxReading Refused(FormVersion? version, int status, string title, string at, Message message) =>
        new(version, null, status, title, new Dictionary<string, Message[]>(StringComparer.Ordinal) { [at] = [message] });

    private static void Add(Dictionary<string, List<Message>> errors, string key, Message message) => Get(errors, key).Add(message);

    private static List<T> Get<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        return list;
    }

    /// <summary>A date's parts as printed, one set per printing: a part seen again starts the next set.</summary>
    private static IEnumerable<Dictionary<BindingPart, string>> Sets(List<(BindingPart Part, string Text)> pieces)
    {
        var set = new Dictionary<BindingPart, string>();
        foreach (var (part, text) in pieces)
        {
            if (set.ContainsKey(part))
            {
                yield return set;
                set = [];
            }
            set[part] = text;
        }
        if (set.Count > 0) yield return set;
    }

    private static DateOnly? DateOf(Dictionary<BindingPart, string> set, Locale.DateLocale? locale, out bool empty)
    {
        empty = set.Values.All(v => v.Length == 0);
        if (empty) return null;
        if (!set.TryGetValue(BindingPart.Year, out var y) || !set.TryGetValue(BindingPart.Day, out var d) || !set.TryGetValue(BindingPart.Month, out var m))
            return null;
        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !int.TryParse(d.Trim('"', '«', '»', '“', '”'), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            return null;
        if (y.Length <= 2) year += 2000;
        var month = MonthOf(m, locale);
        if (month is null || year is < 1900 or > 2999 || day < 1 || day > DateTime.DaysInMonth(year, month.Value))
            return null;
        return new DateOnly(year, month.Value, day);
    }

    private static int? MonthOf(string text, Locale.DateLocale? locale)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return n is >= 1 and <= 12 ? n : null;
        return locale?.MonthOf(text);
    }

    /// <summary>The text a value at <paramref name="path"/> prints as (a string as it is, a number as written); null when absent.</summary>
    private static string? TextAt(JsonObject payload, string path)
    {
        JsonNode? node = payload;
        foreach (var name in path.Split('.'))
            node = node is JsonObject o && o.TryGetPropertyValue(name, out var next) ? next : null;
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => PayloadValues.Normalize(v.GetValue<string>()),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.TryGetValue<decimal>(out var d) && d == decimal.Truncate(d)
                ? decimal.Truncate(d).ToString(CultureInfo.InvariantCulture) : v.ToJsonString(),
            _ => node.ToJsonString(),
        };
    }

    private static void Set(JsonObject payload, string path, JsonNode? value)
    {
        var names = path.Split('.');
        var o = payload;
        for (var i = 0; i < names.Length - 1; i++)
        {
            if (o[names[i]] is not JsonObject next)
                o[names[i]] = next = [];
            o = next;
        }
        if (value is null) o.Remove(names[^1]);
        else o[names[^1]] = value;
    }

    /// <summary>Typed text: a number, a flag or a date where the record has one; text otherwise (the check says what is wrong).</summary>
    private static JsonNode Typed(string text, Type? type)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(int) || t == typeof(long) || t == typeof(short))
            return long.TryParse(text.Replace(" ", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : JsonValue.Create(text);
        if (t == typeof(decimal) || t == typeof(double) || t == typeof(float))
            return decimal.TryParse(text.Replace(',', '.').Replace(" ", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? JsonValue.Create(m) : JsonValue.Create(text);
        if (t == typeof(bool))
            return bool.TryParse(text, out var f) ? JsonValue.Create(f) : JsonValue.Create(text);
        if (t == typeof(DateOnly))
            return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : JsonValue.Create(text);
        return JsonValue.Create(text);
    }

    /// <summary>The record's property type at a dotted path (camel-cased names), or null.</summary>
    private static Type? TypeAt(Type record, string path)
    {
        Type? type = record;
        foreach (var name in path.Split('.'))
        {
            if (type is null) return null;
            type = Nullable.GetUnderlyingType(type) ?? type;
            type = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(JsonNamingPolicy.CamelCase.ConvertName(p.Name), name, StringComparison.Ordinal))?.PropertyType;
        }
        return type;
    }
}
