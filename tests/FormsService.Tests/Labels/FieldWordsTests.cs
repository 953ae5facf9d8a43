using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.Labels;

/// <summary>
/// Every field of every form has its label and its help text in Kazakh and Russian, and every value of a field with a
/// fixed set has a name in both, as the published schema carries them (<c>x-labels</c>, from <c>labels.json</c>).
/// </summary>
public sealed class FieldWordsTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [MemberData(nameof(Catalogue.Forms), MemberType = typeof(Catalogue))]
    public async Task Every_field_has_a_label_and_help_in_kazakh_and_russian(string formId)
    {
        var schema = JsonNode.Parse(await _client.GetStringAsync($"/api/forms/{formId}/versions/{Catalogue.InForceVersion(formId)}/schema"))!.AsObject();
        var missing = new List<string>();
        var fields = 0;
        foreach (var (path, node) in Fields(schema, ""))
        {
            fields++;
            var words = node["x-labels"];
            foreach (var language in new[] { "kk", "ru" })
            {
                if (string.IsNullOrWhiteSpace(words?[language]?.GetValue<string>())) missing.Add($"{path}: label {language}");
                if (string.IsNullOrWhiteSpace(words?["help"]?[language]?.GetValue<string>())) missing.Add($"{path}: help {language}");
            }
            foreach (var value in node["enum"]?.AsArray().Where(v => v is not null).Select(v => v!.ToString()) ?? [])
                foreach (var language in new[] { "kk", "ru" })
                    if (string.IsNullOrWhiteSpace(words?["options"]?[value]?[language]?.GetValue<string>()))
                        missing.Add($"{path}: name of '{value}' in {language}");
        }
        // Relative to the form: the walk reached every field the example fills (no floor only large forms meet).
        var walked = Fields(schema, "").Select(f => f.Path).ToHashSet();
        var unreached = ExamplePaths(JsonNode.Parse(Catalogue.Example(formId))!, "").Where(p => !walked.Contains(p)).ToList();
        Assert.True(fields > 0 && unreached.Count == 0, $"{formId}: {fields} fields found; the example fills {string.Join(", ", unreached)} besides");
        Assert.True(missing.Count == 0, $"{formId}: {missing.Count} words missing:\n" + string.Join("\n", missing));
    }

    /// <summary>The paths a payload fills, in the notation of <see cref="Fields"/> (list items as <c>[]</c>).</summary>
    private static IEnumerable<string> ExamplePaths(JsonNode node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p =>
        {
            var at = path.Length == 0 ? p.Key : $"{path}.{p.Key}";
            return p.Value is null ? [at] : ExamplePaths(p.Value, at).Prepend(at);
        }),
        JsonArray a => a.OfType<JsonObject>().SelectMany(item => ExamplePaths(item, path + "[]")).Distinct(),
        _ => [],
    };

    /// <summary>Every property of the payload, items of lists included (<c>persons[].days[].hours</c>).</summary>
    private static IEnumerable<(string Path, JsonObject Node)> Fields(JsonObject node, string path)
    {
        if (node["properties"] is JsonObject properties)
            foreach (var (name, child) in properties)
            {
                if (child is not JsonObject property || property["readOnly"]?.GetValue<bool>() == true) continue;
                var at = path.Length == 0 ? name : $"{path}.{name}";
                yield return (at, property);
                foreach (var inner in Fields(property, at)) yield return inner;
            }
        if (node["items"] is JsonObject items)
        {
            if (items["properties"] is not null)
                foreach (var inner in Fields(items, path + "[]")) yield return inner;
        }
    }
}
