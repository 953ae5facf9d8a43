using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine.Payloads;
using FormsService.Tests.Support;
using Xunit.Abstractions;

namespace FormsService.Tests.Contract;

/// <summary>
/// The published schemas say what the service enforces, read by an independent validator (ajv, draft 2020-12,
/// strict mode): every schema of the catalogue compiles, every example passes, and on probes made from each example
/// at every key of every depth, list items included (deleted, null, the wrong type, each bound passed by one, blank
/// and empty text, control characters, whole numbers written with a fraction, values outside enums and in another
/// case), ajv and the service's own validate route give the same verdict. The probe count of each form is written
/// to the test's output.
/// </summary>
public sealed class SchemaAgreementTests(ServiceFactory factory, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Ajv_in_strict_mode_compiles_every_schema_and_agrees_with_the_service_on_every_probe()
    {
        var schemas = new JsonObject();
        var cases = new JsonArray();
        var verdicts = new Dictionary<string, (bool Valid, string Answer)>();
        var perForm = new Dictionary<string, int>();
        foreach (var formId in Catalogue.FormIds)
        {
            var version = Catalogue.InForceVersion(formId);
            var id = $"{formId}@{version}";
            schemas[id] = JsonNode.Parse(await _client.GetStringAsync($"/api/forms/{formId}/versions/{version}/schema"));
            var example = JsonNode.Parse(await _client.GetStringAsync($"/api/forms/{formId}/versions/{version}/example"))!;
            var probes = Probes(example, schemas[id]!.AsObject()).ToList();
            Assert.True(probes.Count > 0, $"{id}: no probe made from its schema");
            foreach (var (name, probe) in probes.Prepend(("example", example.ToJsonString())))
            {
                var caseName = $"{id} {name}";
                var response = await _client.PostAsync($"/api/forms/{formId}/validate?version={version}", HttpExtensions.Json(probe));
                Assert.True(response.StatusCode is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.UnprocessableEntity,
                    $"{caseName}: {(int)response.StatusCode}");
                verdicts[caseName] = (response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                cases.Add(new JsonObject { ["name"] = caseName, ["schema"] = id, ["data"] = JsonNode.Parse(probe) });
                perForm[id] = perForm.GetValueOrDefault(id) + 1;
            }
        }

        var result = NodeChecks.CheckSchemas(new JsonObject
        {
            ["vocabulary"] = new JsonArray(PayloadSchema.Vocabulary.Select(v => (JsonNode?)v).ToArray()),
            ["schemas"] = schemas,
            ["cases"] = cases,
        });

        foreach (var (id, error) in result["compiled"]!.AsObject())
            Assert.True(error is null, $"ajv (strict) refuses the schema of {id}: {error}");
        var disagreements = new List<string>();
        foreach (var verdict in result["cases"]!.AsArray())
        {
            var name = verdict!["name"]!.GetValue<string>();
            var ajv = verdict["valid"]!.GetValue<bool>();
            var (service, answer) = verdicts[name];
            if (ajv != service)
                disagreements.Add($"{name}: ajv {(ajv ? "accepts" : "refuses")} ({string.Join("; ", verdict["errors"]!.AsArray())}), the service {(service ? "accepts" : "refuses")}: {answer}");
        }
        var counts = string.Join(", ", perForm.Select(f => $"{f.Key}: {f.Value}"));
        output.WriteLine($"{cases.Count} probes ({counts}), {disagreements.Count} disagreements");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {cases.Count} probes disagree ({counts}):\n" + string.Join("\n", disagreements.Take(80)));
        Assert.All(Catalogue.FormIds, formId => Assert.True(perForm.GetValueOrDefault($"{formId}@{Catalogue.InForceVersion(formId)}") > 0, $"{formId}: no probe"));
    }

    /// <summary>
    /// One change of the example per probe, at every key the schema describes, at every depth: in objects and in the
    /// first item of every list. Each key is deleted, nulled and given a value of the wrong type; each bound is
    /// passed by one (a number, a length, a list's count, a date's year); text, enums and whole numbers get the
    /// probes their rules call for.
    /// </summary>
    private static IEnumerable<(string Name, string Json)> Probes(JsonNode example, JsonObject schema)
    {
        foreach (var (path, property) in Fields(schema, example, ""))
        {
            var kinds = Kinds(property);
            var current = Get(example, path);
            yield return ($"{path} deleted", Without(example, path));
            yield return ($"{path} null", With(example, path, null));
            yield return ($"{path} wrong type", With(example, path, WrongType(kinds)));
            if (property["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
            {
                var text = first.GetValue<string>();
                yield return ($"{path} upper case", With(example, path, JsonValue.Create(text.ToUpperInvariant())));
                yield return ($"{path} padded", With(example, path, JsonValue.Create(" " + text)));
                yield return ($"{path} unknown value", With(example, path, JsonValue.Create("other-than-any")));
            }
            else if (kinds.Contains("string") && property["format"]?.GetValue<string>() == "date")
            {
                yield return ($"{path} 30 February", With(example, path, JsonValue.Create("2025-02-30")));
                yield return ($"{path} not ISO", With(example, path, JsonValue.Create("14.10.2025")));
                yield return ($"{path} year 1989", With(example, path, JsonValue.Create("1989-12-31")));
                yield return ($"{path} year 2101", With(example, path, JsonValue.Create("2101-01-01")));
            }
            else if (kinds.Contains("string") && property["format"] is null && property["pattern"]?.GetValue<string>() is { } p && p.Contains("\\u0000"))
            {
                yield return ($"{path} empty", With(example, path, JsonValue.Create("")));
                yield return ($"{path} blank", With(example, path, JsonValue.Create("   ")));
                yield return ($"{path} bell", With(example, path, JsonValue.Create("А\u0007Б")));
                yield return ($"{path} bidi override", With(example, path, JsonValue.Create("А\u202EБ")));
                yield return ($"{path} Arabic", With(example, path, JsonValue.Create("سلام")));
                yield return ($"{path} Kazakh", With(example, path, JsonValue.Create("Әбілқайыр Ұлы")));
            }
            if (kinds.Contains("string") && property["maxLength"] is JsonValue maxLength)
                yield return ($"{path} maxLength + 1", With(example, path, JsonValue.Create(new string('а', maxLength.GetValue<int>() + 1))));
            else if (kinds.Contains("string") && property["enum"] is null && property["format"] is null)
                yield return ($"{path} 10,000 characters", With(example, path, JsonValue.Create(new string('а', 10_000))));
            if (kinds.Contains("string") && property["minLength"] is JsonValue minLength && minLength.GetValue<int>() > 1)
                yield return ($"{path} minLength - 1", With(example, path, JsonValue.Create(new string('а', minLength.GetValue<int>() - 1))));
            if (kinds.Contains("integer") && current is JsonValue whole)
            {
                var value = whole.GetValue<long>();
                yield return ($"{path} written {value}.0", With(example, path, JsonValue.Create(value), $"{value}.0"));
                yield return ($"{path} fraction", With(example, path, JsonValue.Create(value + 0.5)));
            }
            if (kinds.Contains("integer") || kinds.Contains("number"))
            {
                var step = kinds.Contains("integer") ? 1 : 0.5;
                if (property["maximum"] is JsonValue max)
                    yield return ($"{path} maximum + {step}", With(example, path, JsonValue.Create(max.GetValue<double>() + step)));
                if (property["minimum"] is JsonValue min)
                    yield return ($"{path} minimum - {step}", With(example, path, JsonValue.Create(min.GetValue<double>() - step)));
            }
            if (kinds.Contains("array") && current is JsonArray list && list.Count > 0)
            {
                if (property["minItems"] is JsonValue minItems)
                    yield return ($"{path} minItems - 1", With(example, path, Repeat(list[0], minItems.GetValue<int>() - 1)));
                else
                    yield return ($"{path} empty list", With(example, path, new JsonArray()));
                if (property["maxItems"] is JsonValue maxItems)
                    yield return ($"{path} maxItems + 1", With(example, path, Repeat(list[0], maxItems.GetValue<int>() + 1)));
                yield return ($"{path} null item", With(example, path + "[0]", null));
            }
        }
    }

    private static JsonArray Repeat(JsonNode? item, int count) => new(Enumerable.Range(0, count).Select(_ => item?.DeepClone()).ToArray());

    /// <summary>A value no type in <paramref name="kinds"/> admits.</summary>
    private static JsonNode WrongType(HashSet<string> kinds) =>
        kinds.Contains("string") ? JsonValue.Create(12345)
        : kinds.Contains("integer") || kinds.Contains("number") ? JsonValue.Create("12")
        : kinds.Contains("boolean") ? JsonValue.Create("true")
        : kinds.Contains("array") ? new JsonObject()
        : JsonValue.Create("x");

    /// <summary>
    /// The keys the schema describes, with their paths in the example: nested objects are entered, and so is the
    /// first item of each list the example fills (<c>persons[0].days[0].hours</c>). Optional objects the example leaves
    /// out are entered too: their keys' probes set them inside a parent made for the probe.
    /// </summary>
    private static IEnumerable<(string Path, JsonObject Property)> Fields(JsonObject node, JsonNode example, string prefix)
    {
        if (node["properties"] is not JsonObject properties) yield break;
        foreach (var (name, child) in properties)
        {
            if (child is not JsonObject property) continue;
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            yield return (path, property);
            if (property["properties"] is JsonObject)
                foreach (var nested in Fields(property, example, path)) yield return nested;
            if (property["items"] is JsonObject items && Get(example, path) is JsonArray { Count: > 0 })
            {
                if (items["properties"] is JsonObject)
                    foreach (var nested in Fields(items, example, path + "[0]")) yield return nested;
                else
                    yield return (path + "[0]", items);
            }
        }
    }

    private static HashSet<string> Kinds(JsonObject property) => property["type"] switch
    {
        JsonValue v => [v.GetValue<string>()],
        JsonArray a => a.Select(t => t!.GetValue<string>()).ToHashSet(),
        _ => [],
    };

    private static IEnumerable<(string Name, int? Index)> Segments(string path) =>
        path.Split('.').SelectMany(segment =>
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0
                ? [(segment, (int?)null)]
                : new[] { (segment[..bracket], (int?)null), ("", (int?)int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)) };
        });

    private static JsonNode? Get(JsonNode root, string path)
    {
        JsonNode? current = root;
        foreach (var (name, index) in Segments(path))
            current = index is { } i ? (current is JsonArray a && i < a.Count ? a[i] : null) : (current as JsonObject)?[name];
        return current;
    }

    /// <summary>The example with one key removed, as JSON text (unchanged when its parent is absent).</summary>
    private static string Without(JsonNode example, string path) => Edit(example, path, (parent, last) =>
    {
        if (last.Index is { } i) ((JsonArray)parent).RemoveAt(i);
        else ((JsonObject)parent).Remove(last.Name);
    });

    /// <summary>The example with one key set (optional parents the example leaves out are made), as JSON text.</summary>
    private static string With(JsonNode example, string path, JsonNode? value, string? rawValue = null)
    {
        const string marker = "\"__raw_value__\"";
        var json = Edit(example, path, (parent, last) =>
        {
            var set = rawValue is null ? value?.DeepClone() : JsonValue.Create("__raw_value__");
            if (last.Index is { } i) ((JsonArray)parent)[i] = set;
            else ((JsonObject)parent)[last.Name] = set;
        });
        return rawValue is null ? json : json.Replace(marker, rawValue, StringComparison.Ordinal);
    }

    private static string Edit(JsonNode example, string path, Action<JsonNode, (string Name, int? Index)> change)
    {
        var copy = example.DeepClone();
        var segments = Segments(path).ToList();
        JsonNode current = copy;
        foreach (var (name, index) in segments[..^1])
        {
            JsonNode? next = index is { } i ? (current is JsonArray a && i < a.Count ? a[i] : null) : (current as JsonObject)?[name];
            if (next is null && index is null && current is JsonObject parent)
                parent[name] = next = new JsonObject(); // an optional object the example leaves out
            if (next is null) return copy.ToJsonString(Relaxed);
            current = next;
        }
        change(current, segments[^1]);
        return copy.ToJsonString(Relaxed);
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
