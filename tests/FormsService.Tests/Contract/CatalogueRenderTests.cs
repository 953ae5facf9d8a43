using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FormsService.Tests.Support;
using SkiaSharp;
using UglyToad.PdfPig;

namespace FormsService.Tests.Contract;

/// <summary>
/// Every form of the catalogue × every format it lists × every language it offers × its example, over HTTP: a new
/// form (or a new language variant) gets these guarantees as soon as its file is added. Each document opens in the
/// reader its format calls for, states its language, repeats byte for byte, is named from its values, and revalidates
/// with its ETag; a language a form does not offer is refused, never answered in another.
/// </summary>
public sealed class CatalogueRenderTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, string> FormsFormatsAndLanguages => Catalogue.FormsFormatsAndLanguages;

    public static TheoryData<string, string, string> FormsPageFormatsAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var formId in Catalogue.FormIds)
                foreach (var format in Catalogue.Formats(formId).Where(Catalogue.IsPageFormat))
                    foreach (var language in Catalogue.Languages(formId))
                        data.Add(formId, format, language);
            return data;
        }
    }

    private static readonly Dictionary<string, string> MediaTypes = new()
    {
        ["pdf"] = "application/pdf",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["png"] = "image/png",
        ["svg"] = "image/svg+xml",
    };

    [Theory]
    [MemberData(nameof(FormsFormatsAndLanguages))]
    public async Task The_example_renders_opens_repeats_and_is_named_from_its_values(string formId, string format, string language)
    {
        var url = $"/api/forms/{formId}/render?format={format}&language={language}";
        var example = Catalogue.Example(formId);
        var response = await _client.PostJson(url, example);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MediaTypes[format], response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Catalogue.InForceVersion(formId), response.Headers.GetValues("X-Form-Version").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        AssertOpens(format, bytes);
        Assert.Equal(language, response.Content.Headers.ContentLanguage.Single());

        var definition = Catalogue.Definition(formId, null, language);
        var fileName = response.Content.Headers.ContentDisposition!.FileNameStar!;
        Assert.StartsWith(definition["shortTitle"]!.GetValue<string>(), fileName, StringComparison.Ordinal);
        Assert.EndsWith("." + format, fileName, StringComparison.Ordinal);
        foreach (var value in FileNameValues(definition, JsonNode.Parse(example)!))
            Assert.Contains(value, fileName, StringComparison.Ordinal);

        var again = await _client.PostJson(url, example);
        Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(response.Headers.ETag, again.Headers.ETag);

        var conditional = new HttpRequestMessage(HttpMethod.Post, url) { Content = HttpExtensions.Json(example) };
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(conditional)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(FormsPageFormatsAndLanguages))]
    public async Task The_form_prints_blank(string formId, string format, string language)
    {
        var response = await _client.GetAsync($"/api/forms/{formId}/blank?format={format}&language={language}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertOpens(format, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(language, response.Content.Headers.ContentLanguage.Single());
        var fileName = response.Content.Headers.ContentDisposition!.FileNameStar!;
        Assert.Contains("бланк", fileName, StringComparison.Ordinal);
        Assert.StartsWith(Catalogue.Definition(formId, null, language)["shortTitle"]!.GetValue<string>(), fileName, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Catalogue.FormsAndLanguages), MemberType = typeof(Catalogue))]
    public async Task The_example_validates_and_previews_its_first_page(string formId, string language)
    {
        var valid = await _client.PostJson($"/api/forms/{formId}/validate", Catalogue.Example(formId));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var preview = await _client.PostJson($"/api/forms/{formId}/preview?language={language}", Catalogue.Example(formId));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(language, preview.Content.Headers.ContentLanguage.Single());
        AssertOpens("png", await preview.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The two languages of one payload are two documents: different bytes, ETags and file names.</summary>
    [Theory]
    [MemberData(nameof(Catalogue.Forms), MemberType = typeof(Catalogue))]
    public async Task Each_language_is_its_own_document(string formId)
    {
        var languages = Catalogue.Languages(formId);
        var answers = new List<(byte[] Bytes, string? ETag, string Name)>();
        foreach (var language in languages)
        {
            var response = await _client.PostJson($"/api/forms/{formId}/render?format=pdf&language={language}", Catalogue.Example(formId));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add((await response.Content.ReadAsByteArrayAsync(), response.Headers.ETag?.Tag, response.Content.Headers.ContentDisposition!.FileNameStar!));
        }
        // Without language= the document is the default language's.
        var unasked = await _client.PostJson($"/api/forms/{formId}/render?format=pdf", Catalogue.Example(formId));
        Assert.Equal(Catalogue.DefaultLanguage, unasked.Content.Headers.ContentLanguage.Single());
        Assert.Equal(answers[0].ETag, unasked.Headers.ETag?.Tag);
        Assert.Equal(answers.Count, answers.Select(a => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(a.Bytes))).Distinct().Count());
        Assert.Equal(answers.Count, answers.Select(a => a.ETag).Distinct().Count());
        Assert.Equal(answers.Count, answers.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    /// <summary>A language a form does not offer (its official text in it is not in the service): 422 worded for the reader, naming <c>language</c>.</summary>
    [Theory]
    [MemberData(nameof(Catalogue.FormsAndMissingLanguages), MemberType = typeof(Catalogue))]
    public async Task A_language_the_form_does_not_offer_is_refused_on_every_route(string formId, string language)
    {
        var format = Catalogue.Formats(formId)[0];
        foreach (var (method, url) in new[]
        {
            ("POST", $"/api/forms/{formId}/render?format={format}&language={language}"),
            ("GET", $"/api/forms/{formId}/blank?language={language}"),
            ("POST", $"/api/forms/{formId}/preview?language={language}"),
            ("GET", $"/api/forms/{formId}/versions/{Catalogue.InForceVersion(formId)}/template.xlsx?language={language}"),
        })
        {
            foreach (var reader in new[] { "kk", "ru", "en" })
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST") request.Content = HttpExtensions.Json(Catalogue.Example(formId));
                request.Headers.AcceptLanguage.ParseAdd(reader);
                var response = await _client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{url}: {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                Assert.Equal(reader, response.Content.Headers.ContentLanguage.Single());
                var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Equal("language-not-available", problem["codes"]!["language"]![0]!.GetValue<string>());
                var message = problem["errors"]!["language"]![0]!.GetValue<string>();
                Assert.Contains(formId, message, StringComparison.Ordinal);
                Assert.Contains(reader switch { "kk" => "ресми орыс тіліндегі мәтіні", "ru" => "Официального текста", _ => "official Russian text" }, message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("KK-kz")]
    [InlineData("русский")]
    public async Task An_unknown_language_is_refused_naming_the_parameter(string language)
    {
        var response = await _client.PostJson($"/api/forms/work-order/render?language={Uri.EscapeDataString(language)}", Catalogue.Example("work-order"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("one-of", problem["codes"]!["language"]![0]!.GetValue<string>());
    }

    /// <summary>The catalogue lists each version's languages: what its folder holds, the default first.</summary>
    [Fact]
    public async Task The_catalogue_lists_the_languages_each_version_offers()
    {
        var catalogue = JsonNode.Parse(await _client.GetStringAsync("/api/forms"))!.AsArray();
        Assert.Equal(Catalogue.FormIds.Order(StringComparer.Ordinal), catalogue.Select(f => f!["formId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var form in catalogue)
        {
            var formId = form!["formId"]!.GetValue<string>();
            var inForce = form["versions"]!.AsArray().Single(v => v!["version"]!.GetValue<string>() == Catalogue.InForceVersion(formId))!;
            Assert.Equal(Catalogue.Languages(formId), inForce["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
            var detail = JsonNode.Parse(await _client.GetStringAsync(inForce["href"]!.GetValue<string>()))!;
            Assert.Equal(Catalogue.Languages(formId), detail["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        }
        // The official forms, whose official Russian text the project does not have, stay Kazakh.
        Assert.Equal(["kk"], Catalogue.Languages("referral-certificate"));
        Assert.Equal(["kk"], Catalogue.Languages("vest-specimen"));
    }

    [Fact]
    public async Task One_batch_renders_every_form_in_every_format()
    {
        var items = new JsonArray();
        foreach (var formId in Catalogue.FormIds)
            foreach (var format in Catalogue.Formats(formId))
                foreach (var language in Catalogue.Languages(formId))
                    items.Add(new JsonObject { ["formId"] = formId, ["format"] = format, ["language"] = language, ["payload"] = JsonNode.Parse(Catalogue.Example(formId)) });
        var response = await _client.PostJson("/api/render/batch", new JsonObject { ["items"] = items }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var manifest = JsonNode.Parse(zip.GetEntry("manifest.json")!.Open())!["items"]!.AsArray();
        Assert.Equal(items.Count, manifest.Count);
        foreach (var item in manifest)
        {
            Assert.True(item!["status"]!.GetValue<int>() == 200, item.ToJsonString());
            var entry = zip.GetEntry(item["file"]!.GetValue<string>())!;
            using var bytes = new MemoryStream();
            entry.Open().CopyTo(bytes);
            AssertOpens(item["format"]!.GetValue<string>(), bytes.ToArray());
        }
    }

    /// <summary>The values of the definition's <c>fileNameFields</c> in the example, as a file name keeps them (letters and digits).</summary>
    private static IEnumerable<string> FileNameValues(JsonObject definition, JsonNode example)
    {
        foreach (var path in (definition["fileNameFields"] as JsonArray ?? []).Select(p => p!.GetValue<string>()))
        {
            var node = path.Split('.').Aggregate<string, JsonNode?>(example, (n, segment) => n?[segment]);
            var text = node is JsonValue v ? v.ToString() : null;
            var word = new string((text ?? "").SkipWhile(c => !char.IsLetterOrDigit(c)).TakeWhile(char.IsLetterOrDigit).ToArray());
            if (word.Length > 0)
                yield return word;
        }
    }

    private static void AssertOpens(string format, byte[] bytes)
    {
        switch (format)
        {
            case "pdf":
                using (var pdf = PdfDocument.Open(bytes))
                {
                    Assert.True(pdf.NumberOfPages >= 1);
                    Assert.NotEmpty(pdf.GetPages().SelectMany(p => p.GetWords()));
                }
                break;
            case "docx":
                Assert.Empty(DocumentText.DocxErrors(bytes));
                Assert.NotEmpty(DocumentText.Docx(bytes));
                break;
            case "png":
                using (var bitmap = SKBitmap.Decode(bytes))
                    Assert.True(bitmap is { Width: > 0, Height: > 0 }, "the PNG does not decode");
                break;
            case "svg":
                Assert.Equal("svg", XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Root!.Name.LocalName);
                break;
            default:
                Assert.Fail($"No reader for {format}.");
                break;
        }
    }
}
