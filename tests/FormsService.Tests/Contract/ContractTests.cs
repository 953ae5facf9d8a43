using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;
using Json.Schema;

namespace FormsService.Tests.Contract;

/// <summary>The integrators' contract: version details, schemas that agree with the validators, negotiation, ETags, batches.</summary>
public sealed class ContractTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    public static TheoryData<string> Forms => Catalogue.Forms;

    private async Task<JsonSchema> Schema(string formId)
    {
        var response = await _client.GetAsync($"/api/forms/{formId}/versions/{Catalogue.InForceVersion(formId)}/schema");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Each test's schema in a registry of its own: the schemas share their $id across tests.</summary>
    private static JsonSchema Parse(string text) => JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static bool Valid(JsonSchema schema, JsonNode instance) =>
        schema.Evaluate(JsonSerializer.SerializeToElement(instance), new EvaluationOptions { RequireFormatValidation = true }).IsValid;

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task The_version_links_to_its_schema_and_example(string formId)
    {
        var version = Catalogue.InForceVersion(formId);
        var definition = Catalogue.Definition(formId);
        var detail = JsonNode.Parse(await _client.GetStringAsync($"/api/forms/{formId}/versions/{version}"))!;
        Assert.Equal(version, detail["version"]!.GetValue<string>());
        Assert.Equal(definition["effectiveFrom"]!.GetValue<string>(), detail["effectiveFrom"]!.GetValue<string>());
        Assert.Equal(definition["legalBasis"]!["act"]!.GetValue<string>(), detail["legalBasis"]!["act"]!.GetValue<string>());
        var example = await _client.GetStringAsync(detail["exampleHref"]!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(Catalogue.Example(formId))!.ToJsonString(), JsonNode.Parse(example)!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(detail["schemaHref"]!.GetValue<string>())).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task The_example_is_valid_for_the_schema_and_for_the_validator(string formId)
    {
        var schema = await Schema(formId);
        var example = JsonNode.Parse(Catalogue.Example(formId))!;
        Assert.True(Valid(schema, example));
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJson($"/api/forms/{formId}/validate", example.ToJsonString())).StatusCode);
    }

    /// <summary>
    /// Every constraint the schema publishes is one the validator enforces: break it in the example, and both the
    /// schema and the service refuse the payload, the service at the same path.
    /// </summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Schema_and_validator_agree_on_every_published_constraint(string formId)
    {
        var schemaText = await _client.GetStringAsync($"/api/forms/{formId}/versions/{Catalogue.InForceVersion(formId)}/schema");
        var schema = Parse(schemaText);
        var root = JsonNode.Parse(schemaText)!.AsObject();
        var example = JsonNode.Parse(Catalogue.Example(formId))!.AsObject();
        var checkedConstraints = 0;
        foreach (var (path, property, parent, required) in Properties(root, ""))
        {
            var mutations = new List<(string What, Action<JsonObject> Apply)>();
            var name = path.Split('.')[^1];
            if (required)
                mutations.Add(("required", o => Parent(o, path)!.Remove(name)));
            if (property["maxLength"] is JsonValue max)
                mutations.Add(("maxLength", o => Parent(o, path)![name] = new string('а', max.GetValue<int>() + 1)));
            if (property["minimum"] is JsonValue min)
                mutations.Add(("minimum", o => Parent(o, path)![name] = min.GetValue<double>() - 1));
            if (property["maximum"] is JsonValue maxValue)
                mutations.Add(("maximum", o => Parent(o, path)![name] = maxValue.GetValue<double>() + 1));
            if (property["format"]?.GetValue<string>() == "date")
                mutations.Add(("format", o => Parent(o, path)![name] = "2025-02-30"));
            foreach (var (what, apply) in mutations)
            {
                var payload = example.DeepClone().AsObject();
                if (Parent(payload, path) is null) continue;
                apply(payload);
                Assert.False(Valid(schema, payload), $"The schema accepts {path} breaking {what}.");
                var response = await _client.PostJson($"/api/forms/{formId}/validate", payload.ToJsonString());
                Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"The service accepts {path} breaking {what}.");
                var errors = (await response.ProblemAsync()).GetProperty("errors");
                Assert.True(errors.EnumerateObject().Any(e => e.Name == path || path.StartsWith(e.Name + ".", StringComparison.Ordinal)),
                    $"{path} breaking {what}: errors at {errors}");
                checkedConstraints++;
            }
        }
        // Relative to the form: at least every required top-level field was broken once (no floor of a large form).
        var requiredFields = root["required"]?.AsArray().Count ?? 0;
        Assert.True(checkedConstraints > 0 && checkedConstraints >= requiredFields,
            $"Only {checkedConstraints} constraints checked for {formId}, which requires {requiredFields} fields.");
    }

    /// <summary>The object holding <paramref name="path"/>'s value; null when the example leaves an optional object out.</summary>
    private static JsonObject? Parent(JsonObject payload, string path)
    {
        JsonObject? current = payload;
        foreach (var segment in path.Split('.')[..^1])
            current = current?[segment] as JsonObject;
        return current;
    }

    private static IEnumerable<(string Path, JsonObject Property, JsonObject Parent, bool Required)> Properties(JsonObject schema, string prefix)
    {
        if (schema["properties"] is not JsonObject properties) yield break;
        var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var (name, value) in properties)
        {
            if (value is not JsonObject property) continue;
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            yield return (path, property, schema, required.Contains(name));
            foreach (var nested in Properties(property, path))
                yield return nested;
        }
    }

    [Fact]
    public async Task The_schema_carries_labels_descriptions_and_formats()
    {
        var schema = JsonNode.Parse(await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/schema"))!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        var surname = schema["properties"]!["convict"]!["properties"]!["surname"]!;
        Assert.Equal("Тегі", surname["title"]!.GetValue<string>());
        Assert.Equal("Фамилия", surname["x-labels"]!["ru"]!.GetValue<string>());
        Assert.Equal("Тегі", surname["x-labels"]!["kk"]!.GetValue<string>());
        Assert.Equal(100, surname["maxLength"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(surname["description"]?.GetValue<string>()));
        Assert.Equal("date", schema["properties"]!["verdict"]!["properties"]!["date"]!["format"]!.GetValue<string>());
        Assert.Contains("surname", schema["properties"]!["convict"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Theory]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("*/*", "application/pdf")]
    public async Task The_format_comes_from_Accept(string accept, string expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render") { Content = HttpExtensions.Json(Repo.Example("referral-certificate")) };
        request.Headers.Accept.ParseAdd(accept);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_unsupported_Accept_is_406()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render") { Content = HttpExtensions.Json(Repo.Example("referral-certificate")) };
        request.Headers.Accept.ParseAdd("image/png");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task The_ETag_is_strong_and_If_None_Match_gives_304()
    {
        var payload = Repo.Example("referral-certificate");
        var first = await _client.PostJson("/api/forms/referral-certificate/render?format=pdf", payload);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render?format=pdf") { Content = HttpExtensions.Json(payload) };
        request.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        var docx = await _client.PostJson("/api/forms/referral-certificate/render?format=docx", payload);
        Assert.NotEqual(etag, docx.Headers.ETag);
    }

    [Fact]
    public async Task A_batch_renders_every_good_item_and_reports_the_bad_ones()
    {
        var referral = JsonNode.Parse(Repo.Example("referral-certificate"))!;
        var order = JsonNode.Parse(Repo.Example("work-order"))!;
        var broken = referral.DeepClone();
        broken["verdict"]!["hours"] = 0;
        var body = new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["formId"] = "referral-certificate", ["format"] = "pdf", ["payload"] = referral.DeepClone() },
                new JsonObject { ["formId"] = "referral-certificate", ["format"] = "pdf", ["payload"] = referral.DeepClone() },
                new JsonObject { ["formId"] = "work-order", ["format"] = "docx", ["payload"] = order },
                new JsonObject { ["formId"] = "referral-certificate", ["format"] = "pdf", ["payload"] = broken },
                new JsonObject { ["formId"] = "no-such-form", ["format"] = "pdf", ["payload"] = new JsonObject() },
                new JsonObject { ["formId"] = "vest-specimen", ["format"] = "png", ["payload"] = new JsonObject() }),
        };
        var response = await _client.PostJson("/api/render/batch", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var manifest = JsonNode.Parse(zip.GetEntry("manifest.json")!.Open())!["items"]!.AsArray();
        Assert.Equal(6, manifest.Count);
        Assert.Equal([200, 200, 200, 422, 404, 200], manifest.Select(i => i!["status"]!.GetValue<int>()));
        Assert.True(manifest[3]!["errors"]!.AsObject().ContainsKey("verdict.hours"));
        var files = manifest.Where(i => i!["file"] is not null).Select(i => i!["file"]!.GetValue<string>()).ToList();
        Assert.Equal(files.Count, files.Distinct().Count());
        foreach (var file in files)
            Assert.NotNull(zip.GetEntry(file));
        var pdf = zip.GetEntry(files[0])!;
        using var ms = new MemoryStream();
        pdf.Open().CopyTo(ms);
        Assert.Contains("Сейтқалиев", DocumentText.Pdf(ms.ToArray()));
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused()
    {
        var items = new JsonArray();
        for (var i = 0; i < 501; i++)
            items.Add(new JsonObject { ["formId"] = "vest-specimen", ["format"] = "png", ["payload"] = new JsonObject() });
        var response = await _client.PostJson("/api/render/batch", new JsonObject { ["items"] = items }.ToJsonString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task OpenAPI_documents_every_route_with_its_problems()
    {
        var doc = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject();
        foreach (var route in new[] { "/api/forms", "/api/forms/{formId}", "/api/forms/{formId}/render", "/api/forms/{formId}/blank",
                     "/api/forms/{formId}/validate", "/api/forms/{formId}/preview", "/api/forms/{formId}/versions/{version}",
                     "/api/forms/{formId}/versions/{version}/schema", "/api/forms/{formId}/versions/{version}/example",
                     "/api/render/batch", "/api/deadlines" })
            Assert.True(paths.ContainsKey(route) || paths.ContainsKey(route + "/"), $"{route} is not documented");
        var render = paths["/api/forms/{formId}/render"]!["post"]!["responses"]!.AsObject();
        foreach (var status in new[] { "200", "400", "404", "422" })
            Assert.True(render.ContainsKey(status), $"render does not document {status}");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/docs")).StatusCode);
    }
}
