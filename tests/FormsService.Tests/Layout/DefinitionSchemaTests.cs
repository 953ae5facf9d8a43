using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine.Catalog;
using FormsService.Tests.Support;
using Json.Schema;

namespace FormsService.Tests.Layout;

/// <summary>
/// The published schema of definition.json against every definition the repository holds, and the start-up checks
/// the schema cannot make (paths, styles), each failing with the file and JSON path.
/// </summary>
public sealed class DefinitionSchemaTests
{
    private static readonly string SchemaFile = Path.Combine(Repo.Forms, "_schemas", "definition.schema.json");

    private static JsonSchema Schema() => JsonSchema.FromText(File.ReadAllText(SchemaFile), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public static TheoryData<string> Definitions()
    {
        var data = new TheoryData<string>();
        foreach (var root in new[] { Repo.Forms, TimeSheetFixture.FormsDirectory })
            foreach (var file in Directory.GetFiles(root, "definition*.json", SearchOption.AllDirectories).Where(IsDefinition).Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(Repo.Root, file));
        return data;
    }

    /// <summary>definition.json and its language variants (definition.ru.json), not the schema beside them.</summary>
    private static bool IsDefinition(string file) =>
        System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(file), @"^definition(\.[a-z]{2})?\.json$");

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Every_definition_in_the_repository_is_valid_against_the_published_schema(string file)
    {
        var instance = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, file))).RootElement;
        var result = Schema().Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = result.Details.Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}").Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void The_schema_refuses_what_the_loader_refuses()
    {
        var schema = Schema();
        var fixture = Path.Combine(TimeSheetFixture.FormsDirectory, "time-sheet-fixture", "1", "definition.json");
        bool Valid(Action<JsonObject> change)
        {
            var node = JsonNode.Parse(File.ReadAllText(fixture))!.AsObject();
            change(node);
            return schema.Evaluate(JsonSerializer.SerializeToElement(node)).IsValid;
        }
        Assert.True(Valid(_ => { }));
        Assert.False(Valid(n => n["styles"]!["font"] = "comic"));
        Assert.False(Valid(n => n["page"]!["size"] = "A3"));
        Assert.False(Valid(n => n["body"]!.AsArray().Add(JsonNode.Parse("""{ "tabel": {} }"""))));
        Assert.False(Valid(n => n["body"]![1]!["table"]!["columns"]![0]!["widthMm"] = -1));
    }

    /// <summary>A copy of the fixture's forms folder with its definition changed, loaded as at start-up.</summary>
    private static DefinitionException LoadBroken(Action<JsonObject> change)
    {
        var dir = Tools.TempDir("definition");
        var target = Path.Combine(dir, "time-sheet-fixture", "1");
        Directory.CreateDirectory(target);
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(TimeSheetFixture.FormsDirectory, "time-sheet-fixture", "1", "definition.json")))!.AsObject();
        change(node);
        File.WriteAllText(Path.Combine(target, "definition.json"), node.ToJsonString());
        return Assert.Throws<DefinitionException>(() => TimeSheetFixture.Load(dir));
    }

    [Theory]
    [InlineData("styles.font", "comic", "$.styles.font")]
    [InlineData("styles.sizePt", "200", "$.styles.sizePt")]
    [InlineData("styles.captionSizePt", "20", "$.styles.captionSizePt")]
    [InlineData("language", "xx", "$.language")]
    [InlineData("page.size", "A3", "$.page.size")]
    public void A_bad_style_language_or_size_stops_start_up_with_its_path(string key, string value, string path)
    {
        var ex = LoadBroken(n =>
        {
            var parts = key.Split('.');
            var target = parts.Length == 1 ? n : n[parts[0]]!.AsObject();
            target[parts[^1]] = double.TryParse(value, out var d) ? JsonValue.Create(d) : JsonValue.Create(value);
        });
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void A_row_path_that_is_not_a_field_of_the_items_stops_start_up_with_its_path()
    {
        var ex = LoadBroken(n => n["body"]![1]!["table"]!["rows"]![0]!["cells"]![1]!["paragraph"]![0]!["value"] = "{surnam}");
        Assert.Contains("$.body[1].table.rows[0].cells[1].paragraph[0].value", ex.Message);
        Assert.Contains("'surnam' is not a field of the items of 'persons[]'", ex.Message);
    }

    [Theory]
    [InlineData("block", "$.body[0]", "'paragraph' and 'figure'")]
    [InlineData("inline", "$.body[0].paragraph[1]", "'value' and 'field'")]
    public void An_element_with_two_kinds_stops_start_up_with_its_path(string element, string path, string named)
    {
        var ex = LoadBroken(n =>
        {
            var target = element == "block" ? n["body"]![0]!.AsObject() : n["body"]![0]!["paragraph"]![1]!.AsObject();
            target[element == "block" ? "figure" : "field"] = "{month}";
        });
        Assert.Contains(path, ex.Message);
        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public void An_element_of_no_kind_stops_start_up_naming_the_kinds()
    {
        var ex = LoadBroken(n => n["body"]![0]!["paragraph"]![1] = JsonNode.Parse("""{ "feild": "{month}" }"""));
        Assert.Contains("$.body[0].paragraph[1]", ex.Message);
        Assert.Contains("'field'", ex.Message);
        Assert.Contains("'choice'", ex.Message);
    }

    [Fact]
    public void Repeating_over_something_that_is_not_an_array_stops_start_up()
    {
        var ex = LoadBroken(n => n["body"]![1]!["table"]!["rows"]![0]!["each"] = "month");
        Assert.Contains("$.body[1].table.rows[0].each", ex.Message);
        Assert.Contains("not an array", ex.Message);
    }

    [Fact]
    public void The_table_example_of_the_language_reference_loads_and_renders()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "DEFINITIONS.md"));
        var start = doc.IndexOf("```json\n{ \"table\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/DEFINITIONS.md has a table example");
        var body = doc[(start + 8)..doc.IndexOf("```", start + 8, StringComparison.Ordinal)];
        var dir = Tools.TempDir("docs-table");
        var target = Path.Combine(dir, "time-sheet-fixture", "1");
        Directory.CreateDirectory(target);
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(TimeSheetFixture.FormsDirectory, "time-sheet-fixture", "1", "definition.json")))!.AsObject();
        node["body"]![1] = JsonNode.Parse(body);
        Assert.True(Schema().Evaluate(JsonSerializer.SerializeToElement(node)).IsValid, "the example is valid against the schema");
        File.WriteAllText(Path.Combine(target, "definition.json"), node.ToJsonString());
        var version = TimeSheetFixture.Load(dir).Find("time-sheet-fixture")!.Versions[0];
        var pdf = TimeSheetFixture.Engine.Render(version, TimeSheetFixture.Payload(3), FormsService.Core.Engine.OutputFormats.Pdf);
        Assert.Contains("Айдың күндері", DocumentText.Pdf(pdf));
    }

    [Fact]
    public void Array_paths_of_the_payload_are_listed_with_their_items()
    {
        var paths = FormsService.Core.Engine.Payloads.PayloadPaths.Of(typeof(TimeSheetFixture.Sheet));
        Assert.Contains("persons", paths);
        Assert.Contains("persons[]", paths);
        Assert.Contains("persons[].surname", paths);
        Assert.Contains("persons[].days[].hours", paths);
        Assert.Contains("days[].dayOff", paths);
    }
}
