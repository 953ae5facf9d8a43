using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormsService.Tests.Support;

namespace FormsService.Tests.Russian;

/// <summary>
/// Every language variant of every version (<c>definition.ru.json</c>), from the catalogue: its example's PDF (read by
/// PdfPig) and DOCX (read by the Open XML SDK) hold the variant's fixed text and every value the default language's
/// document prints, and nothing in the default language beyond the values — the texts the forms' code computes are in
/// the variant's language too. Its Word document reads back through the service as its payload, in its language.
/// </summary>
public sealed partial class LanguageVariantDocumentTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Every form × every language it offers beyond the default.</summary>
    public static TheoryData<string, string> Variants
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var formId in Catalogue.FormIds)
                foreach (var language in Catalogue.Languages(formId).Where(l => l != Catalogue.DefaultLanguage))
                    data.Add(formId, language);
            return data;
        }
    }

    /// <summary>Letters Kazakh has and Russian has not: in a Russian document they may come from the payload only.</summary>
    [GeneratedRegex("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")]
    private static partial Regex KazakhLetters();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    private static HashSet<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private async Task<byte[]> Render(string formId, string format, string language)
    {
        var response = await _client.PostJson($"/api/forms/{formId}/render?format={format}&language={language}", Catalogue.Example(formId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(language, response.Content.Headers.ContentLanguage.Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The fixed text of a definition: the strings of its paragraphs and tables, where no condition leaves them out.</summary>
    private static IEnumerable<string> FixedTexts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when o.ContainsKey("if") || o.ContainsKey("unless") || o.ContainsKey("when"):
                yield break;
            case JsonObject o:
                if (o["text"] is JsonValue text && text.GetValueKind() == JsonValueKind.String)
                    yield return text.GetValue<string>();
                foreach (var (name, child) in o)
                    if (name is "paragraph" or "body" or "table" or "rows" or "header" or "cells" or "columns" or "content" or "footer" or "repeat" or "row")
                        foreach (var t in FixedTexts(child)) yield return t;
                break;
            case JsonArray a:
                foreach (var item in a)
                    if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String) yield return v.GetValue<string>();
                    else foreach (var t in FixedTexts(item)) yield return t;
                break;
        }
    }

    /// <summary>The example's text values (every string leaf), as words.</summary>
    private static HashSet<string> ValueWords(JsonNode? node)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o: foreach (var (_, c) in o) Walk(c); break;
                case JsonArray a: foreach (var c in a) Walk(c); break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String: words.UnionWith(Words(v.GetValue<string>())); break;
            }
        }
        Walk(node);
        return words;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_example_in_the_variant_prints_its_fixed_text_and_every_value_and_no_other_language(string formId, string language)
    {
        var example = JsonNode.Parse(Catalogue.Example(formId));
        var values = ValueWords(example);
        var definition = Catalogue.Definition(formId, null, language);
        var fixedWords = FixedTexts(definition["body"]).SelectMany(t => Words(t)).ToHashSet(StringComparer.Ordinal);
        Assert.True(fixedWords.Count > 20, $"{formId}: the variant's fixed text was not found in its definition");
        var printedByDefault = Words(DocumentText.Pdf(await Render(formId, "pdf", Catalogue.DefaultLanguage)));

        foreach (var (format, text) in new[]
        {
            ("pdf", DocumentText.Pdf(await Render(formId, "pdf", language))),
            ("docx", DocumentText.Docx(await Render(formId, "docx", language))),
        })
        {
            var printed = Words(text);
            var missingFixed = fixedWords.Except(printed).ToList();
            Assert.True(missingFixed.Count == 0, $"{formId} {language} {format}: the variant's text is missing {string.Join(", ", missingFixed)}");
            var missingValues = values.Intersect(printedByDefault).Except(printed).ToList();
            Assert.True(missingValues.Count == 0, $"{formId} {language} {format}: values the default document prints are missing: {string.Join(", ", missingValues)}");
            if (language == "ru")
            {
                var foreign = printed.Where(w => KazakhLetters().IsMatch(w) && !values.Contains(w)).ToList();
                Assert.True(foreign.Count == 0, $"{formId} ru {format}: Kazakh words that are no value of the payload: {string.Join(", ", foreign)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_variant_s_Word_document_reads_back_as_its_payload_in_its_language(string formId, string language)
    {
        var docx = await Render(formId, "docx", language);
        using var content = new ByteArrayContent(docx);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var response = await _client.PostAsync($"/api/forms/{formId}/read", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(answer["valid"]!.GetValue<bool>());
        Assert.Equal(language, answer["language"]!.GetValue<string>());

        // What was read renders again as the same document.
        var again = await _client.PostJson($"/api/forms/{formId}/render?format=docx&language={language}", answer["payload"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(DocumentText.Docx(docx), DocumentText.Docx(await again.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_variant_s_spreadsheet_template_is_headed_by_its_labels_and_merges_into_its_documents(string formId, string language)
    {
        var version = Catalogue.InForceVersion(formId);
        var csv = await _client.GetAsync($"/api/forms/{formId}/versions/{version}/template.csv?language={language}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(language, csv.Content.Headers.ContentLanguage.Single());
        var header = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n")[0];
        var labels = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Forms, formId, version, "labels.json")))!.AsObject();
        var index = language == "ru" ? 1 : 0;
        // The first column's label is the field's label in the template's language.
        var first = labels.Where(l => l.Key != "$schema").Select(l => l.Value is JsonArray pair ? pair[index]!.GetValue<string>()
            : l.Value!["label"]![index]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var firstHeader = header.Split(',')[0].Trim('"');
        Assert.True(first.Any(l => firstHeader.StartsWith(l, StringComparison.Ordinal) || firstHeader.EndsWith(l, StringComparison.Ordinal)),
            $"{formId}: the template's first header '{firstHeader}' is no {language} label");

        // The template with its example row merges into one PDF in the template's language.
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(await csv.Content.ReadAsByteArrayAsync());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "template.csv");
        var merged = await _client.PostAsync($"/api/forms/{formId}/merge?output=single&format=pdf&language={language}", upload);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var printed = Words(DocumentText.Pdf(await merged.Content.ReadAsByteArrayAsync()));
        var own = FixedTexts(Catalogue.Definition(formId, null, language)["body"]).SelectMany(t => Words(t))
            .Except(FixedTexts(Catalogue.Definition(formId)["body"]).SelectMany(t => Words(t))).ToHashSet(StringComparer.Ordinal);
        Assert.True(own.Count > 0 && own.IsSubsetOf(printed), $"{formId}: the merged PDF lacks {string.Join(", ", own.Except(printed))}");
    }
}
