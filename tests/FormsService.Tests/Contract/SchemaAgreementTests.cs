using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine.Payloads;
using FormsService.Tests.Support;

namespace FormsService.Tests.Contract;

/// <summary>
/// The published schemas say what the service enforces, read by an independent validator (ajv, draft 2020-12,
/// strict mode): every schema of the catalogue compiles, every example passes, and on probes made from each example
/// (blank and empty text, control characters, whole numbers written with a fraction, fractions, values outside
/// enums and in another case) ajv and the service's own validate route give the same verdict.
/// </summary>
public sealed class SchemaAgreementTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Ajv_in_strict_mode_compiles_every_schema_and_agrees_with_the_service_on_every_probe()
    {
        var schemas = new JsonObject();
        var cases = new JsonArray();
        var verdicts = new Dictionary<string, (bool Valid, string Answer)>();
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
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {cases.Count} probes disagree:\n" + string.Join("\n", disagreements));
    }

    /// <summary>One change of the example per probe, at each field the schema says something about.</summary>
    private static IEnumerable<(string Name, string Json)> Probes(JsonNode example, JsonObject schema)
    {
        foreach (var (path, property) in Fields(schema, ""))
        {
            var kinds = Kinds(property);
            var present = Get(example, path) is not null;
            if (property["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
            {
                var text = first.GetValue<string>();
                yield return ($"{path} upper case", With(example, path, JsonValue.Create(text.ToUpperInvariant())));
                yield return ($"{path} padded", With(example, path, JsonValue.Create(" " + text)));
                yield return ($"{path} unknown value", With(example, path, JsonValue.Create("other")));
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
            else if (kinds.Contains("integer") && present)
            {
                var value = Get(example, path)!.GetValue<long>();
                yield return ($"{path} written {value}.0", With(example, path, JsonValue.Create(value), $"{value}.0"));
                yield return ($"{path} fraction", With(example, path, JsonValue.Create(value + 0.5)));
                if (property["maximum"] is JsonValue max)
                    yield return ($"{path} above maximum", With(example, path, JsonValue.Create(max.GetValue<double>() + 1)));
                if (property["minimum"] is JsonValue min)
                    yield return ($"{path} below minimum", With(example, path, JsonValue.Create(min.GetValue<double>() - 1)));
            }
            else if (kinds.Contains("number"))
            {
                if (property["maximum"] is JsonValue max)
                    yield return ($"{path} above maximum", With(example, path, JsonValue.Create(max.GetValue<double>() + 0.5)));
                if (property["minimum"] is JsonValue min)
                    yield return ($"{path} below minimum", With(example, path, JsonValue.Create(min.GetValue<double>() - 0.5)));
            }
        }
    }

    private static IEnumerable<(string Path, JsonObject Property)> Fields(JsonObject node, string prefix)
    {
        if (node["properties"] is not JsonObject properties) yield break;
        foreach (var (name, child) in properties)
        {
            if (child is not JsonObject property) continue;
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            if (property["properties"] is JsonObject)
            {
                foreach (var nested in Fields(property, path)) yield return nested;
            }
            else
            {
                yield return (path, property);
            }
        }
    }

    private static HashSet<string> Kinds(JsonObject property) => property["type"] switch
    {
        JsonValue v => [v.GetValue<string>()],
        JsonArray a => a.Select(t => t!.GetValue<string>()).ToHashSet(),
        _ => [],
    };

    private static JsonNode? Get(JsonNode root, string path)
    {
        JsonNode? current = root;
        foreach (var segment in path.Split('.'))
            current = current is JsonObject obj ? obj[segment] : null;
        return current;
    }

    /// <summary>The example with one field set (parents made where the example leaves them out), as JSON text.</summary>
    private static string With(JsonNode example, string path, JsonNode value, string? rawValue = null)
    {
        var copy = example.DeepClone();
        var segments = path.Split('.');
        var current = copy.AsObject();
        foreach (var segment in segments[..^1])
        {
            if (current[segment] is not JsonObject next) return copy.ToJsonString(); // an optional object the example leaves out
            current = next;
        }
        const string marker = "\"__raw_value__\"";
        current[segments[^1]] = rawValue is null ? value : JsonValue.Create("__raw_value__");
        var json = copy.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return rawValue is null ? json : json.Replace(marker, rawValue, StringComparison.Ordinal);
    }
}
