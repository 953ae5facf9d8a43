using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace FormsService.Tests.Hostile;

/// <summary>What a hostile value is known to do to any of the three forms' rules.</summary>
[Flags]
internal enum Trait
{
    None = 0,
    /// <summary>Holds a control, format, bidi-override, private-use or unassigned character, a broken surrogate, or one the fonts lack.</summary>
    Forbidden = 1,
    /// <summary>Longer than any text field allows (the longest limit is 500 characters).</summary>
    Huge = 2,
    /// <summary>Not a calendar date, or not as YYYY-MM-DD.</summary>
    BadDate = 4,
    /// <summary>Out of range for every number field (negative, huge, or not representable).</summary>
    BadNumber = 8,
}

/// <summary>A value to put somewhere in a payload; <see cref="Make"/> may derive it from the value it replaces.</summary>
internal sealed record HostileValue(string Label, JsonValueKind Kind, Trait Traits, Func<JsonNode?, JsonNode?> Make)
{
    public override string ToString() => Label;

    public static HostileValue Const(string label, JsonNode? node, Trait traits = Trait.None) =>
        new(label, node is null ? JsonValueKind.Null : node.GetValueKind(), traits, _ => node?.DeepClone());

    public static HostileValue Raw(string label, string raw, JsonValueKind kind, Trait traits = Trait.None) =>
        new(label, kind, traits, _ => HostileJson.Raw(raw));

    public static HostileValue Text(string label, string text, Trait traits = Trait.None) =>
        new(label, JsonValueKind.String, traits, _ => JsonValue.Create(text));

    /// <summary>Puts <paramref name="insert"/> in the middle of the string it replaces (or of a Kazakh name).</summary>
    public static HostileValue Inserted(string label, string insert, Trait traits) =>
        new(label, JsonValueKind.String, traits, original =>
        {
            var s = original is JsonValue v && v.GetValueKind() == JsonValueKind.String && !HostileJson.IsRaw(v, out _) ? v.GetValue<string>() : "Нұрлан";
            return JsonValue.Create(s.Insert(s.Length / 2, insert));
        });
}

/// <summary>The catalogue of hostile values, as CsCheck generators.</summary>
internal static class HostileValues
{
    public const int OneMegabyte = 1 << 20;

    public static Gen<T> Pick<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    public static Gen<T> Weighted<T>(params (int Weight, Gen<T> Gen)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        return from n in Gen.Int[0, total - 1]
               from value in Choose(choices, n)
               select value;
    }

    private static Gen<T> Choose<T>((int Weight, Gen<T> Gen)[] choices, int n)
    {
        foreach (var (weight, gen) in choices)
        {
            if (n < weight) return gen;
            n -= weight;
        }
        return choices[^1].Gen;
    }

    /// <summary>string ↔ number ↔ bool ↔ object ↔ array, and null.</summary>
    public static readonly Gen<HostileValue> WrongType = Pick(
        HostileValue.Const("\"x\"", JsonValue.Create("x")),
        HostileValue.Const("\"120\"", JsonValue.Create("120")),
        HostileValue.Const("\"true\"", JsonValue.Create("true")),
        HostileValue.Const("0", JsonValue.Create(0)),
        HostileValue.Const("1", JsonValue.Create(1)),
        HostileValue.Const("1.5", JsonValue.Create(1.5)),
        HostileValue.Const("true", JsonValue.Create(true)),
        HostileValue.Const("false", JsonValue.Create(false)),
        HostileValue.Const("{}", new JsonObject()),
        HostileValue.Const("[]", new JsonArray()),
        HostileValue.Const("[\"x\"]", new JsonArray("x")),
        HostileValue.Const("{\"a\":1}", new JsonObject { ["a"] = 1 }),
        HostileValue.Const("null", null));

    /// <summary>Characters no official document may print: each put into the middle of a string.</summary>
    public static readonly Gen<HostileValue> ForbiddenCharacter = Pick(
        ("U+0000", "\u0000"), ("U+0007 bell", "\u0007"), ("U+0009 tab", "\t"), ("U+000A newline", "\n"), ("U+000D CR", "\r"),
        ("U+001B escape", "\u001B"), ("U+007F delete", "\u007F"), ("U+0085 NEL", "\u0085"), ("U+2028 line separator", "\u2028"),
        ("U+202E right-to-left override", "\u202E"), ("U+202D left-to-right override", "\u202D"), ("U+2066 isolate", "\u2066"),
        ("U+200D zero-width joiner", "\u200D"), ("U+200B zero-width space", "\u200B"), ("U+FEFF BOM", "\uFEFF"),
        ("lone high surrogate \\ud800", "\uD800"), ("lone low surrogate \\udc00", "\uDC00"), ("reversed surrogates \\udc00\\ud800", "\uDC00\uD800"),
        ("U+E000 private use", "\uE000"), ("U+FFFF noncharacter", "\uFFFF"), ("U+0378 unassigned", "\u0378"),
        ("emoji U+1F600", "😀"), ("ZWJ family emoji", "👨\u200D👩\u200D👧"), ("flag KZ", "🇰🇿"), ("CJK 中", "中"))
        .Select(p => HostileValue.Inserted("insert " + p.Item1, p.Item2, Trait.Forbidden));

    /// <summary>Unicode a clerk's keyboard or a converter may produce: may be printed or refused, never a crash.</summary>
    public static readonly Gen<HostileValue> AwkwardUnicode = Pick(
        HostileValue.Text("decomposed Й (И+U+0306)", "Ерболұлы И\u0306"),
        HostileValue.Text("decomposed Ё (Е+U+0308)", "Е\u0308ркін"),
        HostileValue.Text("decomposed Ӓ (А+U+0308)", "А\u0308йгүл"),
        HostileValue.Text("Қ as К+U+0329", "К\u0329азақстан"),
        HostileValue.Text("Қ as К+U+0326", "К\u0326ожа"),
        HostileValue.Text("Ң as Н+U+0327", "Мырзаха\u0327н"),
        HostileValue.Text("Ұ as У+U+0336", "Н\u0443\u0336рлан"),
        HostileValue.Text("Latin schwa Ə for Ә", "Əуезов"),
        HostileValue.Text("Latin I for Kazakh І", "Iлияс"),
        HostileValue.Text("combining mark first", "\u0301Нұрлан"),
        HostileValue.Text("zalgo (а + 60×U+0301)", "а" + new string('\u0301', 60)),
        HostileValue.Text("ligature ﬁ", "ﬁle"),
        HostileValue.Text("full-width digits", "１２０"),
        HostileValue.Text("superscript ²", "190²"),
        HostileValue.Text("Ohm sign U+2126", "Ω"),
        HostileValue.Text("NBSP only", "\u00A0\u00A0"),
        HostileValue.Text("ideographic space only", "\u3000"),
        HostileValue.Text("spaces only", "   "),
        HostileValue.Text("empty", ""),
        HostileValue.Text("XML specials", "<w:t>&amp;</w:t> ]]> \"'"),
        HostileValue.Text("SVG close", "</svg><script>alert(1)</script>"),
        HostileValue.Text("PDF string specials", ") Tj ET (\\) \\\\ %%EOF"),
        HostileValue.Text("JSON-looking", "{\"a\":[1,2]}"),
        HostileValue.Text("guillemets and dashes", "«Қазақтелеком» — АҚ – №"),
        HostileValue.Text("Kazakh NFD mixture", "Жұмабекова Аи\u0306гүл Е\u0308рке"));

    private static readonly int[] Lengths = [1, 29, 30, 31, 99, 100, 101, 249, 250, 251, 299, 300, 301, 499, 500, 501, 2000];

    /// <summary>Strings at and around the field limits, unbreakable or made of words.</summary>
    public static readonly Gen<HostileValue> LongText =
        from n in Pick(Lengths)
        from kind in Gen.Int[0, 3]
        select kind switch
        {
            0 => HostileValue.Text($"'Ш'×{n} (one word)", new string('Ш', n), n > 500 ? Trait.Huge : Trait.None),
            1 => HostileValue.Text($"'W'×{n} (one word)", new string('W', n), n > 500 ? Trait.Huge : Trait.None),
            2 => HostileValue.Text($"words ×{n} chars", Words(n), n > 500 ? Trait.Huge : Trait.None),
            _ => HostileValue.Text($"'ә '×{n / 2}", string.Concat(Enumerable.Repeat("ә ", Math.Max(1, n / 2))), n > 500 ? Trait.Huge : Trait.None),
        };

    public static readonly Gen<HostileValue> Megabyte = Pick(
        HostileValue.Text("1 MB of 'a'", new string('a', OneMegabyte), Trait.Huge),
        HostileValue.Text("1 MB of 'Қ' (2 MB UTF-8)", new string('Қ', OneMegabyte), Trait.Huge),
        HostileValue.Text("1 MB of spaces", new string(' ', OneMegabyte), Trait.Huge),
        HostileValue.Text("1 MB of one word with a RLO", new string('ж', OneMegabyte - 1) + "\u202E", Trait.Huge | Trait.Forbidden));

    public static readonly Gen<HostileValue> Number = Pick(
        HostileValue.Const("1e308", JsonValue.Create(1e308), Trait.BadNumber),
        HostileValue.Const("-1e308", JsonValue.Create(-1e308), Trait.BadNumber),
        HostileValue.Raw("1e309 (overflows double)", "1e309", JsonValueKind.Number, Trait.BadNumber),
        HostileValue.Raw("-1e309", "-1e309", JsonValueKind.Number, Trait.BadNumber),
        HostileValue.Const("-1", JsonValue.Create(-1), Trait.BadNumber),
        HostileValue.Raw("-0", "-0", JsonValueKind.Number),
        HostileValue.Const("0", JsonValue.Create(0)),
        HostileValue.Raw("2^63", "9223372036854775808", JsonValueKind.Number, Trait.BadNumber),
        HostileValue.Raw("-2^63-1", "-9223372036854775809", JsonValueKind.Number, Trait.BadNumber),
        HostileValue.Const("2^63-1", JsonValue.Create(long.MaxValue), Trait.BadNumber),
        HostileValue.Const("2^31", JsonValue.Create(2147483648L), Trait.BadNumber),
        HostileValue.Const("2^31-1", JsonValue.Create(int.MaxValue), Trait.BadNumber),
        HostileValue.Const("-2^31", JsonValue.Create(int.MinValue), Trait.BadNumber),
        HostileValue.Raw("30-digit integer", "123456789012345678901234567890", JsonValueKind.Number, Trait.BadNumber),
        HostileValue.Raw("1e-400 (underflows)", "1e-400", JsonValueKind.Number),
        HostileValue.Raw("1.0", "1.0", JsonValueKind.Number),
        HostileValue.Raw("120.0", "120.0", JsonValueKind.Number),
        HostileValue.Raw("1E2", "1E2", JsonValueKind.Number),
        HostileValue.Raw("0.1e1", "0.1e1", JsonValueKind.Number),
        HostileValue.Raw("4.000000000000001", "4.000000000000001", JsonValueKind.Number),
        HostileValue.Const("0.5", JsonValue.Create(0.5)),
        HostileValue.Const("1.5", JsonValue.Create(1.5)),
        HostileValue.Const("4", JsonValue.Create(4)),
        HostileValue.Const("8", JsonValue.Create(8)),
        HostileValue.Const("40", JsonValue.Create(40)),
        HostileValue.Const("100", JsonValue.Create(100)),
        HostileValue.Const("600", JsonValue.Create(600)),
        HostileValue.Const("1900", JsonValue.Create(1900)),
        HostileValue.Const("2100", JsonValue.Create(2100)),
        HostileValue.Raw("NaN (not JSON)", "NaN", JsonValueKind.Number, Trait.BadNumber),
        HostileValue.Raw("Infinity (not JSON)", "Infinity", JsonValueKind.Number, Trait.BadNumber),
        HostileValue.Raw("+1 (not JSON)", "+1", JsonValueKind.Number, Trait.BadNumber),
        HostileValue.Raw("0x10 (not JSON)", "0x10", JsonValueKind.Number, Trait.BadNumber),
        HostileValue.Raw("01 (not JSON)", "01", JsonValueKind.Number, Trait.BadNumber));

    /// <summary>Dates that do not exist or are not YYYY-MM-DD.</summary>
    public static readonly Gen<HostileValue> BadDate = Pick(
        "2025-02-30", "0000-00-00", "2025-13-01", "2025-00-10", "2025-02-29", "2025-04-31", "2025-10-32", "2025-1-1",
        "20251014", "14.10.2025", "2025-10-14T00:00:00", "2025-10-14Z", " 2025-10-14", "2025-10-14 ", "+002025-10-14",
        "２０２５-10-14", "2025‐10‐14", "-2025-10-14", "10000-01-01", "2025-W42-2", "")
        .Select(d => HostileValue.Text($"date \"{d}\"", d, Trait.BadDate));

    /// <summary>Real dates at the edges of the calendar.</summary>
    public static readonly string[] EdgeDates =
        ["0001-01-01", "1900-01-01", "1970-01-01", "2024-02-29", "2025-01-01", "2025-12-31", "2026-12-31", "2027-01-01", "2100-02-28", "9999-12-30", "9999-12-31"];

    public static readonly Gen<HostileValue> EdgeDate = Pick(EdgeDates).Select(d => HostileValue.Text($"date \"{d}\"", d));

    /// <summary>Objects and arrays nested around the limit of 32 levels (the value's own depth; the payload adds its own).</summary>
    public static readonly Gen<HostileValue> Nesting =
        from depth in Pick(2, 8, 29, 30, 31, 32, 33, 40, 64, 1000, 10_000)
        from objects in Gen.Bool
        select objects
            ? HostileValue.Raw($"{depth} nested objects", string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1), JsonValueKind.Object)
            : HostileValue.Raw($"{depth} nested arrays", new string('[', depth) + new string(']', depth), JsonValueKind.Array);

    public static readonly Gen<HostileValue> LongArray = Pick(
        HostileValue.Raw("10 000 zeros", "[" + string.Join(',', Enumerable.Repeat("0", 10_000)) + "]", JsonValueKind.Array),
        HostileValue.Raw("100 000 nulls", "[" + string.Join(',', Enumerable.Repeat("null", 100_000)) + "]", JsonValueKind.Array),
        HostileValue.Raw("10 000 strings", "[" + string.Join(',', Enumerable.Repeat("\"Нұрлан\"", 10_000)) + "]", JsonValueKind.Array),
        HostileValue.Raw("10 000 strings with U+202E", "[" + string.Join(',', Enumerable.Repeat("\"a\u202Eb\"", 10_000)) + "]", JsonValueKind.Array, Trait.Forbidden),
        HostileValue.Raw("object with 10 000 keys", "{" + string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"\"k{i}\":{i}")) + "}", JsonValueKind.Object));

    public static readonly Gen<HostileValue> Any = Weighted(
        (20, WrongType),
        (16, ForbiddenCharacter),
        (14, AwkwardUnicode),
        (8, LongText),
        (1, Megabyte),
        (14, Number),
        (10, BadDate),
        (6, EdgeDate),
        (5, Nesting),
        (3, LongArray));

    /// <summary>Names a payload object must refuse.</summary>
    public static readonly Gen<string> ExtraKey = Pick(
        "extra", "", " ", "__proto__", "constructor", "$type", "$ref", "a.b", "[0]", "$", "convict.surname",
        "\uD800", "\u202Eeman", "nick\u200Dname", "😀", "Қосымша", new string('k', 10_000), "\u0000");

    private static string Words(int n)
    {
        var sb = new StringBuilder();
        var words = new[] { "Алматы", "қаласы", "Әуезов", "ауданының", "әкімдігі", "№", "2", "«Қазақтелеком»" };
        for (var i = 0; sb.Length < n; i++)
            sb.Append(words[i % words.Length]).Append(' ');
        return sb.ToString(0, n);
    }

    public static string Describe(string s)
    {
        if (s.Length > 60) return $"<{s.Length} chars: {Escape(s[..20])}…>";
        return Escape(s);
    }

    public static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c < 0x20 || c is (>= '\u007F' and <= '\u009F') || char.IsSurrogate(c) || c is '\u200B' or '\u200D' or '\u202D' or '\u202E' or '\u2066' or '\uFEFF' or '\u2028')
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
