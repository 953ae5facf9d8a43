using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.Contract;

/// <summary>The OpenAPI document generated clients are made from: complete, lint-clean, and the one the clients were made from.</summary>
public sealed class OpenApiDocumentTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DocumentText() => await _client.GetStringAsync("/openapi/v1.json");

    [Fact]
    public async Task The_generated_clients_were_made_from_this_document()
    {
        var committed = File.ReadAllText(Path.Combine(Repo.Root, "tests", "clients", "openapi.json"));
        Assert.True(committed == await DocumentText(),
            "The OpenAPI document changed and the generated clients were not regenerated: run tests/clients/regenerate.sh and commit tests/clients/.");
    }

    [Fact]
    public async Task Spectral_with_spectral_oas_reports_nothing()
    {
        var file = Path.Combine(Tools.TempDir("spectral"), "openapi.json");
        File.WriteAllText(file, await DocumentText());
        var (code, output) = NodeChecks.Spectral(file);
        Assert.True(code == 0 && output.Contains("No results with a severity of 'hint' or higher found!"), output);
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
        Assert.Equal(formats, render["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "format")!["schema"]!["enum"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(formats.Count, render["responses"]!["200"]!["content"]!.AsObject().Count);
        Assert.Equal("validate" + name, document["paths"]![$"/api/forms/{formId}/validate"]!["post"]!["operationId"]!.GetValue<string>());
        Assert.Equal("blank" + name, document["paths"]![$"/api/forms/{formId}/blank"]!["get"]!["operationId"]!.GetValue<string>());

        // The component is the published schema of the version: same properties, same rules.
        var published = JsonNode.Parse(await _client.GetStringAsync($"/api/forms/{formId}/versions/{Catalogue.InForceVersion(formId)}/schema"))!;
        Assert.Equal(published["properties"]!.ToJsonString(), document["components"]!["schemas"]![name + "Payload"]!["properties"]!.ToJsonString());
    }

    [Fact]
    public async Task Every_200_declares_its_media_types_problems_have_one_schema_and_no_304_is_declared()
    {
        var document = JsonNode.Parse(await DocumentText())!;
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses["200"]?["content"]?.AsObject().Count > 0, $"{method} {path}: its 200 declares no media type");
                Assert.False(responses.ContainsKey("304"), $"{method} {path} declares a 304");
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                    Assert.Equal("#/components/schemas/Problem", response!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
            }
        Assert.Equal("X-Api-Key", document["components"]!["securitySchemes"]!["apiKey"]!["name"]!.GetValue<string>());
        Assert.Equal("header", document["components"]!["securitySchemes"]!["apiKey"]!["in"]!.GetValue<string>());
        var versions = document["paths"]!["/api/forms/{formId}/render"]!["post"]!["parameters"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "version")!["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Contains("2025-733", versions);
        var view = document["paths"]!["/api/forms/vest-specimen/preview"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "view");
        Assert.Contains("front", view!["schema"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>()));
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
