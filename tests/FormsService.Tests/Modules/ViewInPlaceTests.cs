using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Payloads;
using FormsService.Tests.Support;

namespace FormsService.Tests.Modules;

/// <summary>
/// The view a form computes is read where it is, never written back to JSON to be read: what a document prints from
/// a view read in place must be what it prints from that view's JSON (the contract System.Text.Json writes), byte
/// for byte, for every form, format and language, and a value of any shape a view may hold reads as its JSON reads.
/// </summary>
public sealed class ViewInPlaceTests : IClassFixture<EngineFixture>
{
    private readonly FormsEngine _engine;

    public ViewInPlaceTests(EngineFixture engine) => _engine = engine.Engine;

    public static TheoryData<string, string, string> FormsFormatsAndLanguages => Catalogue.FormsFormatsAndLanguages;

    [Theory]
    [MemberData(nameof(FormsFormatsAndLanguages))]
    public void A_documents_bytes_from_its_view_in_place_are_those_from_the_views_json(string formId, string format, string language)
    {
        var version = Catalogue.InForce(_engine, formId).In(language)
            ?? throw new InvalidOperationException($"{formId} does not offer {language}, though the catalogue lists it");
        foreach (var (name, payload) in Payloads(formId))
        {
            var check = _engine.Check(version, JsonDocument.Parse(payload).RootElement);
            Assert.True(check.IsValid, $"{formId} {name}: {string.Join("; ", check.Errors.Keys)}");
            Assert.IsNotType<JsonElement>(check.View);
            var json = check with { View = JsonSerializer.SerializeToElement(check.View, check.View!.GetType(), PayloadJson.Options) };

            var inPlace = _engine.Render(version, check, format);
            var fromJson = _engine.Render(version, json, format);

            Assert.True(inPlace.AsSpan().SequenceEqual(fromJson), $"{formId} {format} {language} {name}: {inPlace.Length} bytes in place, {fromJson.Length} from JSON");
        }
    }

    /// <summary>The example, and the example with each optional member left out that leaves it valid: absent values print as absent.</summary>
    private IEnumerable<(string Name, string Payload)> Payloads(string formId)
    {
        var example = Catalogue.Example(formId);
        yield return ("example", example);
        var version = Catalogue.InForce(_engine, formId);
        var root = JsonNode.Parse(example)!.AsObject();
        foreach (var (path, parent, key) in Members(root, "").ToList())
        {
            var copy = JsonNode.Parse(example)!.AsObject();
            var holder = Navigate(copy, parent);
            if (holder is not JsonObject o) continue;
            o.Remove(key);
            var text = copy.ToJsonString();
            if (_engine.Check(version, JsonDocument.Parse(text).RootElement).IsValid)
                yield return ("without " + path, text);
        }
    }

    private static IEnumerable<(string Path, string Parent, string Key)> Members(JsonNode node, string at)
    {
        if (node is JsonObject o)
            foreach (var (key, value) in o)
            {
                var path = at.Length == 0 ? key : $"{at}.{key}";
                yield return (path, at, key);
                if (value is not null)
                    foreach (var inner in Members(value, path))
                        yield return inner;
            }
        else if (node is JsonArray a && a.Count > 0 && a[0] is { } first)
            foreach (var inner in Members(first, $"{at}[0]"))
                yield return inner;
    }

    private static JsonNode? Navigate(JsonNode root, string path)
    {
        var node = root;
        if (path.Length == 0) return node;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.EndsWith("[0]", StringComparison.Ordinal) ? segment[..^3] : segment;
            node = node?[name];
            if (segment.EndsWith("[0]", StringComparison.Ordinal))
                node = node is JsonArray { Count: > 0 } a ? a[0] : null;
        }
        return node;
    }

    private enum Colour { Red, DarkBlue }

    private sealed record Inner(string? Text, int Count);

    private sealed record Every
    {
        public string? Text { get; init; } = "  spaced   out  ";
        public string? Missing { get; init; }
        public int Small { get; init; } = 7;
        public int Large { get; init; } = 123_456;
        public int Negative { get; init; } = -5;
        public int? None { get; init; }
        public long Long { get; init; } = 9_000_000_000;
        public decimal Whole { get; init; } = 120.0m;
        public decimal Fraction { get; init; } = 4.50m;
        public double Double { get; init; } = 0.1;
        public double WholeDouble { get; init; } = 3.0;
        public DateOnly Date { get; init; } = new(2025, 11, 3);
        public DateOnly? NoDate { get; init; }
        public bool Yes { get; init; } = true;
        public bool No { get; init; }
        public Colour Colour { get; init; } = Colour.DarkBlue;
        public IReadOnlyList<Inner> List { get; init; } = [new("a", 1), new(null, 0)];
        public Inner[] Array { get; init; } = [new("b", 2)];
        public IEnumerable<int> Sequence { get; init; } = Enumerable.Range(3, 3).Select(i => i * 2);
        public Dictionary<string, Inner?> Map { get; init; } = new() { ["one"] = new("c", 3), ["none"] = null };
        public object Runtime { get; init; } = new Inner("d", 4);
        [JsonIgnore] public string Ignored { get; init; } = "never";
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Defaulted { get; init; }
        public Inner? Nested { get; init; } = new("e", 5);
    }

    [Fact]
    public void Every_shape_a_view_may_hold_reads_as_its_json_reads()
    {
        var view = new Every();
        var json = JsonSerializer.SerializeToElement(view, PayloadJson.Options);
        AssertSame(ViewNode.Of(json), ViewNode.Of(view), "$");

        var inPlace = new PayloadValues(ViewNode.Of(view));
        var fromJson = new PayloadValues(json);
        foreach (var path in (string[])["text", "missing", "small", "large", "negative", "none", "long", "whole", "fraction", "double", "wholeDouble",
                     "date", "noDate", "yes", "no", "colour", "list[0].text", "list[1].text", "list[1].count", "list[2].text", "array[0].count",
                     "sequence[2]", "map.one.text", "map.none", "runtime.text", "ignored", "defaulted", "nested.count", "nested", "nowhere.at.all"])
        {
            Assert.Equal(fromJson.Get(path, out var hasJson), inPlace.Get(path, out var hasInPlace));
            Assert.Equal(hasJson, hasInPlace);
            Assert.Equal(fromJson.Flag(path), inPlace.Flag(path));
        }
        Assert.Equal("spaced out", inPlace.Get("text"));
        Assert.Equal("120", inPlace.Get("whole"));
        Assert.Equal("2025-11-03", inPlace.Get("date"));
        Assert.Null(inPlace.Get("ignored"));
        Assert.False(inPlace.Has("defaulted"));
    }

    private static void AssertSame(ViewNode expected, ViewNode actual, string at)
    {
        Assert.True(expected.Kind == actual.Kind, $"{at}: {expected.Kind} in JSON, {actual.Kind} in place");
        Assert.True(expected.Text == actual.Text, $"{at}: '{expected.Text}' in JSON, '{actual.Text}' in place");
        Assert.Equal(expected.Length, actual.Length);
        var expectedItems = expected.Items();
        var actualItems = actual.Items();
        Assert.Equal(expectedItems.Length, actualItems.Length);
        for (var i = 0; i < expectedItems.Length; i++)
            AssertSame(expectedItems[i], actualItems[i], $"{at}[{i}]");
        var expectedMembers = expected.Members().ToList();
        var actualMembers = actual.Members().ToList();
        Assert.Equal(expectedMembers.Select(m => m.Name), actualMembers.Select(m => m.Name));
        for (var i = 0; i < expectedMembers.Count; i++)
        {
            AssertSame(expectedMembers[i].Value, actualMembers[i].Value, $"{at}.{expectedMembers[i].Name}");
            AssertSame(expected.Member(expectedMembers[i].Name), actual.Member(expectedMembers[i].Name), $"{at}.{expectedMembers[i].Name}");
        }
    }

    [Fact]
    public void A_view_member_with_a_converter_of_its_own_is_refused_when_its_form_is_loaded()
    {
        var ex = Assert.Throws<NotSupportedException>(() => ViewShape.Prepare(typeof(Converted)));
        Assert.Contains("Converted.when", ex.Message);
    }

    private sealed record Converted([property: JsonConverter(typeof(JsonStringEnumConverter))] Colour When);

    [Fact]
    public void Equal_records_hash_alike_and_a_changed_value_or_kind_hashes_otherwise()
    {
        static string Hash(object? value)
        {
            using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            using (var hash = new ViewHash(sha))
                hash.Add(ViewNode.Of(value));
            return Convert.ToHexString(sha.GetHashAndReset());
        }
        Assert.Equal(Hash(new Every()), Hash(new Every()));
        Assert.Equal(Hash(new Every()), Hash(JsonSerializer.SerializeToElement(new Every(), PayloadJson.Options)));
        Assert.NotEqual(Hash(new Every()), Hash(new Every { Small = 8 }));
        Assert.NotEqual(Hash(new Inner("1", 1)), Hash(new Inner(null, 11)));
        Assert.NotEqual(Hash(new Every { Text = "1" }), Hash(new Every { Text = null, Missing = "1" }));
        Assert.NotEqual(Hash(new Every { Text = "12" }), Hash(new Every { Text = "1" }));
        // A long text goes past the hash's window whole.
        Assert.NotEqual(Hash(new Every { Text = new string('а', 5000) }), Hash(new Every { Text = new string('а', 5000) + "б" }));
    }
}
