using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.Contract;

/// <summary>The OpenAPI document generated clients are made from: complete, and clean for Spectral and Redocly.</summary>
public sealed class OpenApiDocumentTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DocumentText() => await _client.GetStringAsync("/openapi/v1.json");

    [Fact]
    public async Task Spectral_with_spectral_oas_reports_nothing()
    {
        var file = Path.Combine(Tools.TempDir("spectral"), "openapi.json");
        File.WriteAllText(file, await DocumentText());
        var (code, output) = NodeChecks.Spectral(file);
        Assert.True(code == 0 && output.Contains("No results with a severity of 'hint' or higher found!"), output);
    }

    [Fact]
    public async Task Redocly_with_recommended_reports_nothing()
    {
        var file = Path.Combine(Tools.TempDir("redocly"), "openapi.json");
        File.WriteAllText(file, await DocumentText());
        var (code, output) = NodeChecks.Redocly(file);
        Assert.True(code == 0 && output.Contains("Your API description is valid") && !output.Contains("You have "), output);
    }

    [Theory]
    [MemberData(nameof(Catalogue.Forms), MemberType = typeof(Catalogue))]
    public async Task Every_form_has_typed_render_validate_and_blank_operations(string formId)
    {
        var document = JsonNode.Parse(await DocumentText())!;
        var name = string.Concat(formId.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var render = document["paths"]![$"/api/forms/{formId}/render"]!["post"]!;
        Assert.Equal("render" + name, render["operationId"]!.GetValue<string>());
        Assert.Equal($"#/components/schemas/{name}Payload", render["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        var formats = Catalogue.Formats(formId);
        var format = render["parameters"]!.AsArray().Single(p => p!["name"]?.GetValue<string>() == "format")!["schema"]!["$ref"]!.GetValue<string>();
        Assert.Equal($"#/components/schemas/{name}Format", format);
        Assert.Equal(formats, document["components"]!["schemas"]![name + "Format"]!["enum"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(formats.Count, render["responses"]!["200"]!["content"]!.AsObject().Count);
        Assert.Equal("validate" + name, document["paths"]![$"/api/forms/{formId}/validate"]!["post"]!["operationId"]!.GetValue<string>());
        Assert.Equal("blank" + name, document["paths"]![$"/api/forms/{formId}/blank"]!["get"]!["operationId"]!.GetValue<string>());

        // The component is the published schema of the version: same properties, same rules.
        var published = JsonNode.Parse(await _client.GetStringAsync($"/api/forms/{formId}/versions/{Catalogue.InForceVersion(formId)}/schema"))!;
        Assert.Equal(published["properties"]!.ToJsonString(), document["components"]!["schemas"]![name + "Payload"]!["properties"]!.ToJsonString());
    }

    [Fact]
    public async Task Every_200_declares_its_media_types_and_problems_have_one_schema_and_an_example()
    {
        var document = JsonNode.Parse(await DocumentText())!;
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses["200"]?["content"]?.AsObject().Count > 0, $"{method} {path}: its 200 declares no media type");
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                {
                    var problem = response!["content"]!["application/problem+json"]!;
                    Assert.Equal("#/components/schemas/Problem", problem["schema"]!["$ref"]!.GetValue<string>());
                    var example = problem["examples"]!["problem"]!["$ref"]!.GetValue<string>().Split('/')[^1];
                    Assert.Equal(int.Parse(status), document["components"]!["examples"]![example]!["value"]!["status"]!.GetValue<int>());
                }
            }
        Assert.Equal("X-Api-Key", document["components"]!["securitySchemes"]!["apiKey"]!["name"]!.GetValue<string>());
        Assert.Equal("header", document["components"]!["securitySchemes"]!["apiKey"]!["in"]!.GetValue<string>());
        var versions = document["paths"]!["/api/forms/{formId}/render"]!["post"]!["parameters"]!.AsArray()
            .Single(p => p!["name"]?.GetValue<string>() == "version")!["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Contains("2025-733", versions);
        var view = document["paths"]!["/api/forms/vest-specimen/preview"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]?.GetValue<string>() == "view");
        Assert.Contains("front", view!["schema"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>()));
    }

    /// <summary>
    /// What the service sends is declared where it sends it: asked of the service itself. For each operation that
    /// renders, the headers of a real 200 and 304 are among those its responses declare; every API route declares
    /// 401 with WWW-Authenticate and 403, and the request headers it reads.
    /// </summary>
    [Fact]
    public async Task Every_operation_declares_the_headers_the_service_sends_and_reads()
    {
        var document = JsonNode.Parse(await DocumentText())!;
        var components = document["components"]!;
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var at = $"{method} {path}";
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403"), $"{at}: no 401/403");
                Assert.NotNull(responses["401"]!["headers"]!["WWW-Authenticate"]);
                var parameters = Parameters(operation, components);
                Assert.Contains("Accept-Language", parameters);
                Assert.Contains("X-Api-Key", parameters);
                if (responses["503"] is { } busy) Assert.NotNull(busy["headers"]!["Retry-After"]);
                var hasETag = responses["200"]!["headers"]?["ETag"] is not null;
                Assert.Equal(hasETag, responses.ContainsKey("304"));
                Assert.Equal(hasETag, parameters.Contains("If-None-Match"));
                Assert.True(operation["requestBody"]?["content"] is not JsonObject body || body.All(c => c.Value?["schema"] is not null), $"{at}: a body without a schema");
            }

        // A real render and its 304: every header the service sends beyond HTTP's own is declared on that status.
        var render = document["paths"]!["/api/forms/referral-certificate/render"]!["post"]!["responses"]!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render?format=pdf") { Content = HttpExtensions.Json(Repo.Example("referral-certificate")) };
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertDeclared(render["200"]!, response);
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render?format=pdf") { Content = HttpExtensions.Json(Repo.Example("referral-certificate")) };
        again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.ToString());
        var notModified = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        AssertDeclared(render["304"]!, notModified);
    }

    [Fact]
    public async Task The_merge_batch_example_and_schema_routes_are_typed()
    {
        var document = JsonNode.Parse(await DocumentText())!;
        var paths = document["paths"]!;
        var merge = paths["/api/forms/{formId}/merge"]!["post"]!;
        Assert.Equal(["multipart/form-data", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
            merge["requestBody"]!["content"]!.AsObject().Select(c => c.Key));
        Assert.Equal("#/components/schemas/MergeManifest", merge["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["zip", "single", "report"], EnumOf(merge, "output"));
        Assert.Equal(["2b"], EnumOf(merge, "pdfa"));

        var batch = paths["/api/render/batch"]!["post"]!;
        Assert.Equal("#/components/schemas/BatchRequest", batch["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal(500, document["components"]!["schemas"]!["BatchRequest"]!["properties"]!["items"]!["maxItems"]!.GetValue<int>());
        Assert.Equal(["zip", "single"], EnumOf(batch, "output"));

        foreach (var formId in Catalogue.FormIds)
        {
            var name = string.Concat(formId.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            var example = paths[$"/api/forms/{formId}/versions/{{version}}/example"]!["get"]!;
            Assert.Equal($"#/components/schemas/{name}Payload", example["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
            var render = paths[$"/api/forms/{formId}/render"]!["post"]!;
            Assert.Equal($"#/components/examples/{name}Payload", render["requestBody"]!["content"]!["application/json"]!["examples"]!["example"]!["$ref"]!.GetValue<string>());
            Assert.NotNull(document["components"]!["examples"]![$"{name}Payload"]!["value"]);
            if (Catalogue.Formats(formId).Contains("pdf"))
                Assert.Contains(render["parameters"]!.AsArray(), p => p!["name"]?.GetValue<string>() == "pdfa");
        }
        Assert.Equal("#/components/schemas/JsonSchema",
            paths["/api/forms/{formId}/versions/{version}/schema"]!["get"]!["responses"]!["200"]!["content"]!["application/schema+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("/", document["servers"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(500, document["info"]!["x-limits"]!["maxBatchItems"]!.GetValue<int>());
    }

    private static List<string> Parameters(JsonNode operation, JsonNode components) =>
        (operation["parameters"]?.AsArray() ?? []).Select(p => p!["$ref"] is { } reference
            ? components["parameters"]![reference.GetValue<string>().Split('/')[^1]]!["name"]!.GetValue<string>()
            : p["name"]!.GetValue<string>()).ToList();

    private static IEnumerable<string> EnumOf(JsonNode operation, string parameter) =>
        operation["parameters"]!.AsArray().Single(p => p!["name"]?.GetValue<string>() == parameter)!["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());

    /// <summary>Headers of the service's own (ETag, X-…, Content-Disposition, Retry-After) that the response sent are declared.</summary>
    private static void AssertDeclared(JsonNode declared, HttpResponseMessage response)
    {
        var names = response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key))
            .Where(h => h is "ETag" or "Content-Disposition" or "Retry-After" || h.StartsWith("X-Form", StringComparison.Ordinal) || h.StartsWith("X-Engine", StringComparison.Ordinal) || h.StartsWith("X-Merge", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(names);
        foreach (var name in names)
            Assert.True(declared["headers"]?[name] is not null, $"{name} is sent but not declared");
    }

    [Theory]
    [InlineData("application/problem+json", "application/pdf")]
    [InlineData("application/problem+json, application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("application/problem+json;q=1, application/pdf;q=0.5", "application/pdf")]
    public async Task A_problem_type_in_Accept_does_not_make_render_answer_406(string accept, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render")
        {
            Content = HttpExtensions.Json(Repo.Example("referral-certificate")),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Accept_that_names_only_formats_the_form_lacks_is_still_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render")
        {
            Content = HttpExtensions.Json(Repo.Example("referral-certificate")),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }
}
