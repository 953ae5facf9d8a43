using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using FormsService.Tests.Support;

namespace FormsService.Tests.Hostile;

/// <summary>The payload being mutated, what was done to it, and what the rules must therefore say.</summary>
internal sealed class Draft(string formId, JsonNode payload)
{
    public string FormId { get; } = formId;
    public JsonObject Holder { get; } = new() { ["$"] = payload };

    /// <summary>The seed payload's values by JSON path, before any mutation: what the rules expect at that path.</summary>
    public Dictionary<string, HostileJson.Slot> Original { get; } = OriginalSlots(payload);

    private static Dictionary<string, HostileJson.Slot> OriginalSlots(JsonNode payload)
    {
        var copy = new JsonObject { ["$"] = payload.DeepClone() };
        var map = new Dictionary<string, HostileJson.Slot>(StringComparer.Ordinal);
        foreach (var slot in HostileJson.Slots(copy)) map.TryAdd(slot.Path, slot);
        return map;
    }
    public List<string> Log { get; } = [];
    /// <summary>Why the payload must not give a 200, by the JSON path the reason sits at.</summary>
    public List<(string Path, string Reason)> MustReject { get; } = [];
    public Func<string, string>? BodyTransform { get; set; }

    public void Touched(string path) => MustReject.RemoveAll(r => HostileJson.IsUnder(r.Path, path));

    public string Body()
    {
        var text = HostileJson.Write(Holder["$"]);
        return BodyTransform is null ? text : BodyTransform(text);
    }
}

internal abstract record Mutation
{
    public abstract void Apply(Draft draft);

    protected static T? Choose<T>(IReadOnlyList<T> items, uint pick) where T : class => items.Count == 0 ? null : items[(int)(pick % (uint)items.Count)];

    protected static bool LooksLikeDate(JsonNode? node) =>
        node is JsonValue v && !HostileJson.IsRaw(v, out _) && v.GetValueKind() == JsonValueKind.String && Regex.IsMatch(v.GetValue<string>(), @"^\d{4}-\d{2}-\d{2}$");

    protected static bool SameKind(JsonValueKind a, JsonValueKind b) =>
        a == b || (a is JsonValueKind.True or JsonValueKind.False && b is JsonValueKind.True or JsonValueKind.False);
}

internal sealed record Replace(uint Pick, HostileValue Value) : Mutation
{
    public override void Apply(Draft draft)
    {
        var slot = Choose(HostileJson.Slots(draft.Holder), Pick)!;
        draft.Touched(slot.Path);
        slot.Set(Value.Make(slot.Node));
        draft.Log.Add($"replace {Where(slot.Path)} with {Value.Label}");
        if (slot.Path.Length == 0) return; // the body itself: the 400 rules decide
        var reasons = new List<string>();
        if (Value.Traits.HasFlag(Trait.Forbidden)) reasons.Add("a forbidden character");
        if (Value.Traits.HasFlag(Trait.Huge)) reasons.Add("longer than any limit");
        // What the rules expect here is what the seed payload had at this path (not what an earlier mutation left).
        if (!draft.Original.TryGetValue(slot.Path, out var original)) { foreach (var r in reasons) draft.MustReject.Add((slot.Path, r)); return; }
        if (Value.Traits.HasFlag(Trait.BadDate) && LooksLikeDate(original.Node)) reasons.Add("not a date");
        if (Value.Traits.HasFlag(Trait.BadNumber) && original.Kind == JsonValueKind.Number) reasons.Add("a number out of every range");
        // A form may read 0 and 1 as false and true on purpose (the vest: query strings say dimensions=1).
        var booleanNumber = Seeds.NumbersReadAsBooleans(draft.FormId).Contains(slot.Path) && Value.Label is "0" or "1";
        if (original.Kind is not (JsonValueKind.Null or JsonValueKind.Undefined) && Value.Kind != JsonValueKind.Null && !SameKind(original.Kind, Value.Kind) && !booleanNumber)
            reasons.Add($"{Value.Kind} where the example has {original.Kind}");
        foreach (var r in reasons) draft.MustReject.Add((slot.Path, r));
    }

    public static string Where(string path) => path.Length == 0 ? "the whole body" : path;
}

internal sealed record Remove(uint Pick) : Mutation
{
    public override void Apply(Draft draft)
    {
        var slot = Choose(HostileJson.Slots(draft.Holder).Skip(1).ToList(), Pick);
        if (slot is null) { draft.Log.Add("remove: nothing to remove"); return; }
        draft.Touched(slot.Path);
        slot.Remove();
        draft.Log.Add($"remove {slot.Path}");
    }
}

internal sealed record AddKey(uint Pick, string Name, HostileValue Value) : Mutation
{
    public override void Apply(Draft draft)
    {
        var slot = Choose(HostileJson.Slots(draft.Holder).Where(s => s.Node is JsonObject).ToList(), Pick);
        if (slot is null) { draft.Log.Add("add key: no object left"); return; }
        var o = (JsonObject)slot.Node!;
        if (o.Any(p => HostileJson.NameOf(p.Key) == Name)) { draft.Log.Add($"add key: '{HostileValues.Describe(Name)}' exists"); return; }
        o[Name] = Value.Make(null);
        var path = slot.Path.Length == 0 ? Name : $"{slot.Path}.{Name}";
        draft.Log.Add($"add unknown key \"{HostileValues.Describe(Name)}\" = {Value.Label} to {Replace.Where(slot.Path)}");
        draft.MustReject.Add((path, "an unknown key"));
    }
}

internal sealed record DuplicateKey(uint Pick, HostileValue? Value, bool Before) : Mutation
{
    private static int _counter;

    public override void Apply(Draft draft)
    {
        var slot = Choose(HostileJson.Slots(draft.Holder).Where(s => s.Parent is JsonObject && s.Key != "$" && s.Key is not null).ToList(), Pick);
        if (slot is null) { draft.Log.Add("duplicate: no key"); return; }
        var o = (JsonObject)slot.Parent;
        var name = HostileJson.NameOf(slot.Key!);
        var copy = Value is null ? slot.Node?.DeepClone() : Value.Make(slot.Node);
        var entries = o.ToList();
        o.Clear();
        foreach (var (k, v) in entries)
        {
            if (Before && k == slot.Key) o[HostileJson.Duplicate(name, Interlocked.Increment(ref _counter))] = copy;
            o[k] = v;
            if (!Before && k == slot.Key) o[HostileJson.Duplicate(name, Interlocked.Increment(ref _counter))] = copy;
        }
        draft.Log.Add($"duplicate key {slot.Path} {(Before ? "before" : "after")} it, = {Value?.Label ?? "the same value"}");
    }
}

internal sealed record RenameKey(uint Pick, int Variant) : Mutation
{
    public override void Apply(Draft draft)
    {
        var slot = Choose(HostileJson.Slots(draft.Holder).Where(s => s.Parent is JsonObject && s.Key is not null && s.Key != "$" && HostileJson.NameOf(s.Key).Length > 0).ToList(), Pick);
        if (slot is null) { draft.Log.Add("rename: no key"); return; }
        var name = HostileJson.NameOf(slot.Key!);
        var renamed = (Variant % 5) switch
        {
            0 => char.ToUpperInvariant(name[0]) + name[1..],
            1 => name + " ",
            2 => name.ToUpperInvariant() == name ? name.ToLowerInvariant() : name.ToUpperInvariant(),
            3 => name.Replace('o', 'о').Replace('a', 'а').Replace('e', 'е').Replace('c', 'с') + (name.IndexOfAny(['o', 'a', 'e', 'c']) < 0 ? "\u0301" : ""),
            _ => name.Insert(name.Length / 2, "\u200D"),
        };
        if (renamed == name) { draft.Log.Add("rename: no change"); return; }
        var o = (JsonObject)slot.Parent;
        if (o.Any(p => HostileJson.NameOf(p.Key) == renamed)) { draft.Log.Add("rename: name taken"); return; }
        var entries = o.ToList();
        o.Clear();
        foreach (var (k, v) in entries)
            o[k == slot.Key ? renamed : k] = v;
        draft.Touched(slot.Path);
        var parentPath = slot.Path.Contains('.') ? slot.Path[..slot.Path.LastIndexOf('.')] : "";
        draft.MustReject.Add((parentPath.Length == 0 ? renamed : $"{parentPath}.{renamed}", "an unknown key"));
        draft.Log.Add($"rename key {slot.Path} to \"{HostileValues.Describe(renamed)}\"");
    }
}

/// <summary>
/// Moves one date to an edge of the calendar and drags every date on its far side along, so that the order of
/// dates the rules ask for still holds and the edge date reaches the renderers and the deadline arithmetic.
/// </summary>
internal sealed record DatePush(uint Pick, string Date) : Mutation
{
    public override void Apply(Draft draft)
    {
        var dates = HostileJson.Slots(draft.Holder).Where(s => LooksLikeDate(s.Node)).ToList();
        var slot = Choose(dates, Pick);
        if (slot is null) { draft.Log.Add("date push: no dates"); return; }
        var pivot = slot.Node!.GetValue<string>();
        var later = string.CompareOrdinal(Date, pivot) > 0;
        var moved = new List<string>();
        foreach (var s in dates)
        {
            var d = s.Node!.GetValue<string>();
            if (later ? string.CompareOrdinal(d, pivot) >= 0 : string.CompareOrdinal(d, pivot) <= 0)
            {
                s.Set(JsonValue.Create(Date));
                moved.Add(s.Path);
            }
        }
        draft.Log.Add($"set {string.Join(", ", moved)} to \"{Date}\"");
    }
}

/// <summary>Replaces or damages the body text itself.</summary>
internal sealed record WholeBody(string Label, Func<string, string> Transform) : Mutation
{
    public override void Apply(Draft draft)
    {
        var previous = draft.BodyTransform;
        draft.BodyTransform = previous is null ? Transform : t => Transform(previous(t));
        draft.Log.Add("body: " + Label);
    }

    public static readonly WholeBody[] All =
    [
        new("empty", _ => ""),
        new("null", _ => "null"),
        new("[]", _ => "[]"),
        new("array of the payload", t => "[" + t + "]"),
        new("a string", _ => "\"x\""),
        new("a number", _ => "42"),
        new("true", _ => "true"),
        new("only '{'", _ => "{"),
        new("truncated in the middle", t => t[..(t.Length / 2)]),
        new("last byte cut", t => t[..^1]),
        new("trailing garbage", t => t + " x"),
        new("two objects", t => t + t),
        new("trailing comma", t => t.Length > 2 ? t[..^1] + ",}" : "{,}"),
        new("single quotes", t => t.Replace('"', '\'')),
        new("a comment", t => "/* c */" + t),
        new("leading BOM", t => "\uFEFF" + t),
        new("leading whitespace and newlines", t => " \r\n\t " + t + "\n"),
        new("NUL after the object", t => t + "\u0000"),
        new("unescaped control char in a string", t => t.Contains("\":\"") ? t.Replace("\":\"", "\":\"\u0001") : t),
        new("bad escape \\x41", t => t.Contains("\":\"") ? t.Replace("\":\"", "\":\"\\x41") : t),
        new("truncated \\u escape", t => t.Contains("\":\"") ? t.Replace("\":\"", "\":\"\\u12\"+\"") : t),
    ];
}

/// <summary>One generated request: a form, an endpoint and format, and the mutations applied to its seed payload.</summary>
internal sealed record HostileCase(string FormId, string Base, string? Format, IReadOnlyList<Mutation> Mutations)
{
    public string Url => Format is null ? $"/api/forms/{FormId}/validate" : $"/api/forms/{FormId}/render?format={Format}";

    public Draft Build() => Build(Mutations);

    public Draft Build(IEnumerable<Mutation> mutations)
    {
        var draft = new Draft(FormId, JsonNode.Parse(Seeds.Payload(FormId, Base))!);
        foreach (var m in mutations) m.Apply(draft);
        return draft;
    }
}

/// <summary>
/// What the suite mutates, from the catalogue: every form's example, in every format it lists; plus, when a form has a
/// file in <c>Hostile/Seeds/&lt;form-id&gt;.json</c>, the extra seeds and leniencies it names.
/// </summary>
internal static class Seeds
{
    private static readonly ConcurrentDictionary<string, JsonObject?> Extras = new(StringComparer.Ordinal);

    private static JsonObject? ExtrasOf(string formId) => Extras.GetOrAdd(formId, id =>
    {
        var file = Path.Combine(Repo.Root, "tests", "FormsService.Tests", "Hostile", "Seeds", id + ".json");
        return File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file))!.AsObject() : null;
    });

    public static string Payload(string formId, string seed) =>
        seed == "example" ? Catalogue.Example(formId) : ExtrasOf(formId)!["bases"]![seed]!.ToJsonString();

    public static string[] BasesOf(string formId) =>
        ["example", .. (ExtrasOf(formId)?["bases"]?.AsObject().Select(b => b.Key) ?? [])];

    public static string?[] FormatsOf(string formId) => [.. Catalogue.Formats(formId)];

    public static IReadOnlySet<string> NumbersReadAsBooleans(string formId) =>
        (ExtrasOf(formId)?["numbersReadAsBooleans"]?.AsArray().Select(p => p!.GetValue<string>()) ?? []).ToHashSet(StringComparer.Ordinal);
}

internal static class HostileGen
{
    private static readonly Gen<uint> AnyPick = Gen.UInt;

    public static readonly Gen<Mutation> Mutation = HostileValues.Weighted<Mutation>(
        (52, from p in AnyPick from v in HostileValues.Any select (Mutation)new Replace(p, v)),
        (10, AnyPick.Select(p => (Mutation)new Remove(p))),
        (9, from p in AnyPick from k in HostileValues.ExtraKey from v in HostileValues.Any select (Mutation)new AddKey(p, k, v)),
        (8, from p in AnyPick from same in Gen.Bool from v in HostileValues.Any from before in Gen.Bool
            select (Mutation)new DuplicateKey(p, same ? null : v, before)),
        (8, from p in AnyPick from d in HostileValues.Pick(HostileValues.EdgeDates) select (Mutation)new DatePush(p, d)),
        (5, from p in AnyPick from v in Gen.Int[0, 4] select (Mutation)new RenameKey(p, v)),
        (3, HostileValues.Pick(WholeBody.All).Select(w => (Mutation)w)));

    public static Gen<HostileCase> For(string formId)
    {
        var format = HostileValues.Weighted(FormatWeights(Seeds.FormatsOf(formId)));
        var count = HostileValues.Weighted((60, Gen.Const(1)), (28, Gen.Const(2)), (12, Gen.Const(3)));
        return from b in HostileValues.Pick(Seeds.BasesOf(formId))
               from f in format
               from n in count
               from ms in Mutation.Array[n]
               select new HostileCase(formId, b, f, ms);
    }

    /// <summary>
    /// How often each format is asked for (null: <c>validate</c>). Page forms: mostly PDF; a form with artwork formats
    /// shares the cases among them.
    /// </summary>
    private static (int, Gen<string?>)[] FormatWeights(IReadOnlyList<string?> formats)
    {
        var artwork = formats.Any(f => f is not ("pdf" or "docx"));
        var weights = formats.Select(f => (f switch
        {
            "pdf" => artwork ? 34 : 66,
            "docx" => artwork ? 14 : 20,
            "png" => 16,
            _ => 20,
        }, Gen.Const(f))).ToList();
        weights.Add((artwork ? 16 : 14, Gen.Const<string?>(default(string))));
        return [.. weights];
    }

    /// <summary>A short, readable rendering of a body for failure messages (long strings abbreviated).</summary>
    public static string Printable(string body)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < body.Length && sb.Length < 4000)
        {
            var run = i;
            while (run < body.Length && body[run] == body[i]) run++;
            if (run - i > 40) { sb.Append($"<{run - i}×'{HostileValues.Escape(body[i].ToString())}'>"); i = run; }
            else { sb.Append(HostileValues.Escape(body[i].ToString())); i++; }
        }
        if (i < body.Length) sb.Append($"… ({body.Length} chars in all)");
        return sb.ToString();
    }
}
