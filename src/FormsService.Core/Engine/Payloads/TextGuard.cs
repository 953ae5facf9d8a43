using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// Checks every string of a payload, whatever the form: no control or bidi-override characters, no broken
/// surrogates, and nothing the shipped fonts cannot print (an official document must not print empty boxes).
/// </summary>
public sealed class TextGuard(Func<int, bool> canDraw)
{
    public void Check(JsonElement element, string path, IDictionary<string, List<string>> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                    Check(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", errors);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    Check(item, $"{path}[{i++}]", errors);
                break;
            case JsonValueKind.String:
                var problem = Problem(element);
                if (problem is not null)
                    Add(errors, path, problem);
                break;
        }
    }

    private string? Problem(JsonElement element)
    {
        string s;
        try { s = element.GetString()!; }
        catch (InvalidOperationException) { return Messages.ControlCharacter; }
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, s[i + 1]);
                if (!canDraw(cp)) return Messages.Unprintable(Describe(cp));
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return Messages.ControlCharacter;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            // Format characters include the right-to-left overrides that can make printed text lie.
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                return Messages.ControlCharacter;
            if (!canDraw(c))
                return Messages.Unprintable(Describe(c));
        }
        return null;
    }

    private static string Describe(int cp) =>
        $"'{char.ConvertFromUtf32(cp)}' (U+{cp.ToString("X4", CultureInfo.InvariantCulture)})";

    internal static void Add(IDictionary<string, List<string>> errors, string path, string message)
    {
        // Every error names a path: the body itself (or a key that is empty) is "$".
        if (path.Length == 0) path = "$";
        if (!errors.TryGetValue(path, out var list))
            errors[path] = list = [];
        if (!list.Contains(message))
            list.Add(message);
    }
}
