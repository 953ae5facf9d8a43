using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormsService.Tests.Hostile;

/// <summary>
/// A JSON tree that can say what <see cref="JsonNode"/> cannot: raw tokens (<c>1e309</c>, 40 nested arrays),
/// duplicate keys, and lone surrogates written as <c>\ud800</c> escapes. Written by its own writer so that every
/// byte sent is the byte intended.
/// </summary>
internal static class HostileJson
{
    private const string RawMark = "\uE000raw\uE000";
    private const char DupMark = '\uE001';

    /// <summary>A value written verbatim: any text, valid JSON or not.</summary>
    public static JsonNode Raw(string text) => JsonValue.Create(RawMark + text);

    /// <summary>A property name that repeats <paramref name="name"/> in the output (JsonObject keys must be unique).</summary>
    public static string Duplicate(string name, int n) => $"{DupMark}{n}{DupMark}{name}";

    /// <summary>The name a (possibly duplicated) property is written under.</summary>
    public static string NameOf(string key) =>
        key.Length > 0 && key[0] == DupMark ? key[(key.IndexOf(DupMark, 1) + 1)..] : key;

    public static bool IsRaw(JsonNode? node, out string raw)
    {
        raw = "";
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { } s && s.StartsWith(RawMark, StringComparison.Ordinal))
        {
            raw = s[RawMark.Length..];
            return true;
        }
        return false;
    }

    public static string Write(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject o:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in o)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(NameOf(key), sb);
                    sb.Append(':');
                    Write(value, sb);
                }
                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(a[i], sb);
                }
                sb.Append(']');
                break;
            default:
                if (IsRaw(node, out var raw)) sb.Append(raw);
                else if (node.GetValueKind() == JsonValueKind.String) WriteString(node.GetValue<string>(), sb);
                else sb.Append(node.ToJsonString());
                break;
        }
    }

    /// <summary>Escapes only what JSON requires, plus lone surrogates (as <c>\uXXXX</c>); everything else goes as UTF-8.</summary>
    private static void WriteString(string s, StringBuilder sb)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '"') sb.Append("\\\"");
            else if (c == '\\') sb.Append("\\\\");
            else if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) sb.Append(c).Append(s[++i]);
            else if (char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        sb.Append('"');
    }

    /// <summary>How deeply objects and arrays nest in JSON text (outside strings); 0 for a scalar.</summary>
    public static int Depth(string json)
    {
        int depth = 0, max = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c is '{' or '[') max = Math.Max(max, ++depth);
            else if (c is '}' or ']') depth--;
        }
        return max;
    }

    /// <summary>True when the text, its <c>\uXXXX</c> escapes decoded, holds a surrogate that is not half of a pair.</summary>
    public static bool HasLoneSurrogate(string json)
    {
        var afterHigh = false;
        for (var i = 0; i < json.Length; i++)
        {
            int unit = json[i];
            if (unit == '\\' && i + 1 < json.Length)
            {
                if (json[i + 1] == 'u' && i + 5 < json.Length
                    && int.TryParse(json.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var u))
                {
                    unit = u;
                    i += 5;
                }
                else
                {
                    unit = json[++i];
                }
            }
            var high = unit is >= 0xD800 and <= 0xDBFF;
            var low = unit is >= 0xDC00 and <= 0xDFFF;
            if (afterHigh)
            {
                if (!low) return true;
                afterHigh = false;
                continue;
            }
            if (low) return true;
            afterHigh = high;
        }
        return afterHigh;
    }

    /// <summary>
    /// True when the text is JSON (any depth) whose root is an object and whose objects name each key once: the
    /// service refuses duplicate keys as malformed (400), since which of two values counts would be a guess.
    /// </summary>
    public static bool IsObjectJson(string json)
    {
        // The service skips a UTF-8 byte order mark before the JSON, as RFC 8259 (section 8.1) lets a parser do.
        if (json.StartsWith('\uFEFF')) json = json[1..];
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 100_000, AllowDuplicateProperties = false });
            return doc.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // a duplicate-name check that met a lone surrogate in a name
        }
    }

    /// <summary>One place in the tree: the node, how to reach it from its parent, and its JSON path.</summary>
    public sealed record Slot(JsonNode? Node, JsonNode Parent, string? Key, int Index, string Path)
    {
        public JsonValueKind Kind => Node is null ? JsonValueKind.Null : IsRaw(Node, out _) ? JsonValueKind.Undefined : Node.GetValueKind();

        public void Set(JsonNode? value)
        {
            if (Parent is JsonObject o) o[Key!] = value;
            else ((JsonArray)Parent)[Index] = value;
        }

        public void Remove()
        {
            if (Parent is JsonObject o) o.Remove(Key!);
            else ((JsonArray)Parent).RemoveAt(Index);
        }
    }

    /// <summary>Every slot under the holder (<c>{"$": payload}</c>), the payload itself first.</summary>
    public static List<Slot> Slots(JsonObject holder)
    {
        var slots = new List<Slot>();
        Walk(holder["$"], holder, "$", -1, "", slots, 0);
        return slots;
    }

    private static void Walk(JsonNode? node, JsonNode parent, string? key, int index, string path, List<Slot> slots, int depth)
    {
        slots.Add(new Slot(node, parent, key, index, path));
        if (depth > 40 || IsRaw(node, out _)) return;
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                    Walk(v, o, k, -1, path.Length == 0 ? NameOf(k) : $"{path}.{NameOf(k)}", slots, depth + 1);
                break;
            case JsonArray a:
                for (var i = 0; i < Math.Min(a.Count, 50); i++)
                    Walk(a[i], a, null, i, $"{path}[{i}]", slots, depth + 1);
                break;
        }
    }

    public static bool IsUnder(string path, string ancestor) =>
        ancestor.Length == 0 || path == ancestor || path.StartsWith(ancestor + ".", StringComparison.Ordinal) || path.StartsWith(ancestor + "[", StringComparison.Ordinal);
}
