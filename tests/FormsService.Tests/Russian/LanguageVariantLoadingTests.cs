using System.Net;
using System.Text.Json.Nodes;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Tests.Support;

namespace FormsService.Tests.Russian;

/// <summary>
/// A language of a version is one file beside its definition (<c>definition.ru.json</c>): the same version in other
/// words, checked at start-up against the definition it varies; and the contract says so on every route.
/// </summary>
public sealed class LanguageVariantLoadingTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A copy of the shipped forms with the work order's Russian variant changed by <paramref name="change"/>.</summary>
    private static (string Dir, string File) WithVariant(Action<JsonObject> change, string fileLanguage = "ru")
    {
        var dir = Tools.CopyOfShippedForms("forms-variant");
        var version = Path.Combine(dir, "work-order", Catalogue.InForceVersion("work-order"));
        var variant = JsonNode.Parse(File.ReadAllText(Path.Combine(version, "definition.ru.json")))!.AsObject();
        File.Delete(Path.Combine(version, "definition.ru.json"));
        change(variant);
        var file = Path.Combine(version, $"definition.{fileLanguage}.json");
        File.WriteAllText(file, variant.ToJsonString());
        return (dir, file);
    }

    [Theory]
    [InlineData("formats", "[\"pdf\"]", "$.formats")]
    [InlineData("catalogueOrder", "99", "$.catalogueOrder")]
    [InlineData("effectiveFrom", "\"2026-01-01\"", "$.effectiveFrom")]
    [InlineData("payloadType", "\"verdict-receipt-notice\"", "$.payloadType")]
    [InlineData("version", "\"2099-1\"", "$.version")]
    public void A_variant_that_is_not_the_same_version_stops_start_up_naming_its_file_and_member(string member, string value, string path)
    {
        var (dir, file) = WithVariant(v => v[member] = JsonNode.Parse(value));
        var error = Assert.Throws<DefinitionException>(() => FormsService.Core.Composition.LoadEngine(dir, Repo.Fonts));
        Assert.Equal(file, error.File);
        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void A_variant_whose_language_is_not_its_file_name_s_stops_start_up()
    {
        var (dir, file) = WithVariant(v => v["language"] = "ru", fileLanguage: "en");
        var error = Assert.Throws<DefinitionException>(() => FormsService.Core.Composition.LoadEngine(dir, Repo.Fonts));
        Assert.Equal(file, error.File);
        Assert.Equal("$.language", error.JsonPath);
    }

    [Fact]
    public void A_variant_s_text_is_checked_as_any_definition_s()
    {
        var (dir, file) = WithVariant(v => v["body"]![0] = JsonNode.Parse("{ \"paragraph\": [ { \"field\": \"{verdict.hours:plural=час,часа}\", \"widthMm\": 10 } ] }"));
        var error = Assert.Throws<DefinitionException>(() => FormsService.Core.Composition.LoadEngine(dir, Repo.Fonts));
        Assert.Equal(file, error.File);
        Assert.Equal("$.body[0].paragraph[0].field", error.JsonPath);
    }

    [Fact]
    public void A_variant_in_a_language_the_service_does_not_write_stops_start_up()
    {
        // English has date words (the problems' dates) but no words for the forms' computed texts.
        var (dir, file) = WithVariant(v => v["language"] = "en", fileLanguage: "en");
        var error = Assert.Throws<DefinitionException>(() => FormsService.Core.Composition.LoadEngine(dir, Repo.Fonts));
        Assert.Equal(file, error.File);
        Assert.Equal("$.language", error.JsonPath);
        Assert.Contains("kk, ru", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_language_of_a_version_is_one_file()
    {
        // The referral's text copied as a stand-in "Russian" variant: the catalogue offers it and renders it.
        var dir = Tools.CopyOfShippedForms("forms-new-variant");
        var version = Path.Combine(dir, "referral-certificate", Catalogue.InForceVersion("referral-certificate"));
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(version, "definition.json")))!.AsObject();
        definition["language"] = "ru";
        definition["title"] = "Справка-направление (test)";
        File.WriteAllText(Path.Combine(version, "definition.ru.json"), definition.ToJsonString());
        using var engine = FormsService.Core.Composition.LoadEngine(dir, Repo.Fonts);
        var kk = Catalogue.InForce(engine, "referral-certificate");
        Assert.Equal(["kk", "ru"], kk.Languages);
        var ru = kk.In("ru")!;
        Assert.Equal("ru", ru.Language);
        Assert.Same(kk, ru.Default);
        Assert.Same(kk.Labels, ru.Labels);
        var pdf = engine.Render(ru, kk.Example, OutputFormats.Pdf);
        Assert.Contains("года", DocumentText.Pdf(pdf), StringComparison.Ordinal); // the Russian date words
    }

    private static async Task<JsonNode> Get(HttpClient client, string url) => JsonNode.Parse(await client.GetStringAsync(url))!;

    /// <summary>Every route that makes a document takes <c>language</c> with its enum; a batch item takes it as a member.</summary>
    [Fact]
    public async Task The_contract_declares_language_on_every_document_route()
    {
        var document = await Get(_client, "/openapi/v1.json");
        var schemas = document["components"]!["schemas"]!;
        Assert.Equal(["kk", "ru"], schemas["DocumentLanguage"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var routes = new List<string>
        {
            "post /api/forms/{formId}/render", "get /api/forms/{formId}/blank", "post /api/forms/{formId}/preview",
            "post /api/forms/{formId}/merge", "get /api/forms/{formId}/versions/{version}/template.xlsx",
            "get /api/forms/{formId}/versions/{version}/template.csv",
        };
        foreach (var formId in Catalogue.FormIds)
            routes.AddRange([$"post /api/forms/{formId}/render", $"get /api/forms/{formId}/blank"]);
        foreach (var route in routes)
        {
            var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
            var parameters = document["paths"]![path]![method]!["parameters"]!.AsArray();
            var language = parameters.SingleOrDefault(p => p!["name"]?.GetValue<string>() == "language");
            Assert.True(language is not null, $"{route} does not declare language");
            Assert.Equal("#/components/schemas/DocumentLanguage", language!["schema"]!["$ref"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(language["description"]?.GetValue<string>()), route);
        }
        Assert.Equal(["kk", "ru"], schemas["BatchItem"]!["properties"]!["language"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task A_batch_item_and_a_merge_in_a_language_the_form_lacks_are_refused_by_name()
    {
        var batch = new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["formId"] = "work-order", ["language"] = "ru", ["payload"] = JsonNode.Parse(Catalogue.Example("work-order")) },
                new JsonObject { ["formId"] = "referral-certificate", ["language"] = "ru", ["payload"] = JsonNode.Parse(Catalogue.Example("referral-certificate")) }),
        };
        var response = await _client.PostJson("/api/render/batch", batch.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var items = JsonNode.Parse(zip.GetEntry("manifest.json")!.Open())!["items"]!.AsArray();
        Assert.Equal(200, items[0]!["status"]!.GetValue<int>());
        Assert.StartsWith("001_Распоряжение", items[0]!["file"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ru", items[0]!["language"]!.GetValue<string>());
        Assert.Equal(422, items[1]!["status"]!.GetValue<int>());
        Assert.NotNull(items[1]!["errors"]!["language"]);

        var version = Catalogue.InForceVersion("referral-certificate");
        var csv = await _client.GetByteArrayAsync($"/api/forms/referral-certificate/versions/{version}/template.csv");
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "template.csv");
        var merged = await _client.PostAsync("/api/forms/referral-certificate/merge?output=single&language=ru", upload);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, merged.StatusCode);
        Assert.Equal("language-not-available", (await Get(merged))["codes"]!["language"]![0]!.GetValue<string>());
    }

    private static async Task<JsonNode> Get(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
