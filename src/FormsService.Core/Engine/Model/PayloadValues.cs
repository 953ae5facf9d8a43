using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FormsService.Core.Engine.Model;

/// <summary>
/// Reads values by path ("convict.surname", "persons[2].days[0].hours"); blank values count as absent. Inside a
/// repeated row or cell the values are an item's: paths are relative to it, <c>$number</c> is its 1-based number,
/// <c>$index</c> its 0-based index, and <c>$root.</c> reaches the whole payload.
/// </summary>
/// <remarks>A value, not an object: a table makes one for every item of every row (a day of a person's month).</remarks>
internal readonly struct PayloadValues
{
    public const string RootPrefix = "$root.", Number = "$number", Index = "$index";

    /// <summary>Whole numbers a sheet prints thousands of (hours, days, row numbers), as text once.</summary>
    private const int SmallNumbers = 1000;
    private static readonly string[] Numbers = [.. Enumerable.Range(0, SmallNumbers).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private readonly JsonElement? _root;
    private readonly JsonElement? _scope;
    private readonly int _index;

    public PayloadValues(JsonElement? payload) : this(payload, payload, -1) { }

    private PayloadValues(JsonElement? root, JsonElement? scope, int index)
    {
        _root = root;
        _scope = scope;
        _index = index;
    }

    /// <summary>The whole payload, not an item of one of its arrays: its paths are the payload's own.</summary>
    public bool IsRoot => _index < 0;

    /// <summary>The values of one item of an array, numbered from <paramref name="index"/>.</summary>
    public PayloadValues Item(JsonElement? item, int index) => new(_root, item, index);

    public bool Has(string path)
    {
        Get(path, out var has);
        return has;
    }

    public string? Get(string path) => Get(path, out _);

    /// <param name="has">The value is there: a text or number not blank, or an object.</param>
    public string? Get(string path, out bool has)
    {
        if (_index >= 0 && path == Number)
        {
            has = true;
            return _index + 1 < SmallNumbers ? Numbers[_index + 1] : (_index + 1).ToString(CultureInfo.InvariantCulture);
        }
        if (_index >= 0 && path == Index)
        {
            has = true;
            return _index < SmallNumbers ? Numbers[_index] : _index.ToString(CultureInfo.InvariantCulture);
        }
        var e = Find(path);
        has = false;
        if (e is null) return null;
        var v = e.Value;
        if (v.ValueKind == JsonValueKind.Object)
        {
            has = true;
            return null;
        }
        var text = v.ValueKind switch
        {
            JsonValueKind.String => Normalize(v.GetString() ?? ""),
            // A whole number prints as one however it was spelt: 120.0 binds as 120 (WholeNumberConverter).
            JsonValueKind.Number => v.TryGetInt32(out var small) && small is >= 0 and < SmallNumbers
                ? Numbers[small]
                : v.TryGetDecimal(out var n) && n == decimal.Truncate(n)
                    ? decimal.Truncate(n).ToString(CultureInfo.InvariantCulture) : v.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrEmpty(text)) return null;
        has = true;
        return text;
    }

    public bool? Flag(string path) => Find(path)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>The items of the array at <paramref name="path"/>; none when it is absent or not an array.</summary>
    public IReadOnlyList<JsonElement> Items(string path)
    {
        if (Find(path) is not { ValueKind: JsonValueKind.Array } array)
            return [];
        var items = new JsonElement[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
            items[i++] = item;
        return items;
    }

    private JsonElement? Find(string path)
    {
        var start = _scope;
        var rest = path.AsSpan();
        if (rest.StartsWith(RootPrefix, StringComparison.Ordinal))
        {
            start = _root;
            rest = rest[RootPrefix.Length..];
        }
        if (start is not { } current)
            return null;
        // Segment by segment without splitting the path: a table reads a path per cell.
        while (true)
        {
            var dot = rest.IndexOf('.');
            var segment = dot < 0 ? rest : rest[..dot];
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out var next))
                return null;
            current = next;
            while (bracket >= 0)
            {
                var close = segment[bracket..].IndexOf(']');
                if (close < 0 || current.ValueKind != JsonValueKind.Array
                    || !int.TryParse(segment.Slice(bracket + 1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                    || i >= current.GetArrayLength())
                    return null;
                current = current[i];
                close += bracket;
                var open = segment[(close + 1)..].IndexOf('[');
                bracket = open < 0 ? -1 : close + 1 + open;
            }
            if (dot < 0) break;
            rest = rest[(dot + 1)..];
        }
        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    /// <summary>Collapses runs of white space: a value prints on the form's lines, not as the sender spaced it.</summary>
    public static string Normalize(string s)
    {
        if (IsNormal(s)) return s;
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

    /// <summary>No white space but single spaces between words: most values, returned as they are.</summary>
    private static bool IsNormal(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ' ' ? i == 0 || i == s.Length - 1 || s[i - 1] == ' ' : char.IsWhiteSpace(c))
                return false;
        }
        return true;
    }
}
