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

    private readonly ViewNode _root;
    private readonly ViewNode _scope;
    private readonly int _index;

    /// <summary>The values of a view: a form's view record read in place, or JSON.</summary>
    public PayloadValues(ViewNode view) : this(view, view, -1) { }

    public PayloadValues(JsonElement? payload) : this(payload is { } p ? ViewNode.Of(p) : ViewNode.Absent) { }

    private PayloadValues(ViewNode root, ViewNode scope, int index)
    {
        _root = root;
        _scope = scope;
        _index = index;
    }

    /// <summary>The whole payload, not an item of one of its arrays: its paths are the payload's own.</summary>
    public bool IsRoot => _index < 0;

    /// <summary>The values of one item of an array, numbered from <paramref name="index"/>.</summary>
    public PayloadValues Item(ViewNode item, int index) => new(_root, item, index);

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
            return ViewNode.Whole(_index + 1);
        }
        if (_index >= 0 && path == Index)
        {
            has = true;
            return ViewNode.Whole(_index);
        }
        var v = Find(path);
        has = false;
        var kind = v.Kind;
        if (kind == JsonValueKind.Object)
        {
            has = true;
            return null;
        }
        if (kind is not (JsonValueKind.String or JsonValueKind.Number))
            return null;
        var text = v.Text;
        if (kind == JsonValueKind.String)
            text = Normalize(text ?? "");
        if (string.IsNullOrEmpty(text)) return null;
        has = true;
        return text;
    }

    public bool? Flag(string path) => Find(path).Flag;

    /// <summary>The items of the array at <paramref name="path"/>; none when it is absent or not an array.</summary>
    public IReadOnlyList<ViewNode> Items(string path) => Find(path).Items();

    private ViewNode Find(string path)
    {
        var current = _scope;
        var rest = path.AsSpan();
        if (rest.StartsWith(RootPrefix, StringComparison.Ordinal))
        {
            current = _root;
            rest = rest[RootPrefix.Length..];
        }
        // Segment by segment without splitting the path: a table reads a path per cell.
        while (!current.IsAbsent)
        {
            var dot = rest.IndexOf('.');
            var segment = dot < 0 ? rest : rest[..dot];
            var bracket = segment.IndexOf('[');
            current = current.Member(bracket < 0 ? segment : segment[..bracket]);
            while (bracket >= 0 && !current.IsAbsent)
            {
                var close = segment[bracket..].IndexOf(']');
                if (close < 0 || current.Kind != JsonValueKind.Array
                    || !int.TryParse(segment.Slice(bracket + 1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                    return ViewNode.Absent;
                current = current[i];
                close += bracket;
                var open = segment[(close + 1)..].IndexOf('[');
                bracket = open < 0 ? -1 : close + 1 + open;
            }
            if (dot < 0) break;
            rest = rest[(dot + 1)..];
        }
        return current;
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
