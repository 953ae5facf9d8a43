using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FormsService.Tests.Support;
using SkiaSharp;
using UglyToad.PdfPig;

namespace FormsService.Tests.Contract;

/// <summary>
/// Every form of the catalogue × every format it lists × its example, over HTTP: a new form gets these guarantees as
/// soon as its folder is added. Each document opens in the reader its format calls for, repeats byte for byte, is
/// named from its values, and revalidates with its ETag.
/// </summary>
public sealed class CatalogueRenderTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> FormsAndFormats => Catalogue.FormsAndFormats;

    public static TheoryData<string, string> FormsAndPageFormats
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var formId in Catalogue.FormIds)
                foreach (var format in Catalogue.Formats(formId).Where(Catalogue.IsPageFormat))
                    data.Add(formId, format);
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
    [MemberData(nameof(FormsAndFormats))]
    public async Task The_example_renders_opens_repeats_and_is_named_from_its_values(string formId, string format)
    {
        var url = $"/api/forms/{formId}/render?format={format}";
        var example = Catalogue.Example(formId);
        var response = await _client.PostJson(url, example);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MediaTypes[format], response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Catalogue.InForceVersion(formId), response.Headers.GetValues("X-Form-Version").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        AssertOpens(format, bytes);

        var definition = Catalogue.Definition(formId);
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
    [MemberData(nameof(FormsAndPageFormats))]
    public async Task The_form_prints_blank(string formId, string format)
    {
        var response = await _client.GetAsync($"/api/forms/{formId}/blank?format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertOpens(format, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("бланк", response.Content.Headers.ContentDisposition!.FileNameStar!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Catalogue.Forms), MemberType = typeof(Catalogue))]
    public async Task The_example_validates_and_previews_its_first_page(string formId)
    {
        var valid = await _client.PostJson($"/api/forms/{formId}/validate", Catalogue.Example(formId));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var preview = await _client.PostJson($"/api/forms/{formId}/preview", Catalogue.Example(formId));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        AssertOpens("png", await preview.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task One_batch_renders_every_form_in_every_format()
    {
        var items = new JsonArray();
        foreach (var formId in Catalogue.FormIds)
            foreach (var format in Catalogue.Formats(formId))
                items.Add(new JsonObject { ["formId"] = formId, ["format"] = format, ["payload"] = JsonNode.Parse(Catalogue.Example(formId)) });
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
