using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Tests.Support;
using Json.Schema;

namespace FormsService.Tests.Catalog;

/// <summary>
/// Every data file under <c>forms/</c> names its JSON Schema with <c>$schema</c> and is valid for it; the schemas are
/// published by the service; and what a schema refuses, start-up refuses too, with the file and the JSON path.
/// Examples are payloads: their schema is the version's payload schema (checked by the contract tests).
/// </summary>
public sealed class DataFileSchemaTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static readonly string SchemasFolder = Path.Combine(Repo.Forms, DataSchemas.Folder);

    public static TheoryData<string> DataFiles => [.. Directory.EnumerateFiles(Repo.Forms, "*.json", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(f) != "example.json" && !f.StartsWith(SchemasFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Repo.Forms, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)];

    public static TheoryData<string> Schemas => [.. Directory.EnumerateFiles(SchemasFolder, "*.schema.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void The_file_names_its_schema_and_is_valid_for_it(string file)
    {
        var path = Path.Combine(Repo.Forms, file);
        var instance = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var reference = instance["$schema"]?.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(reference), $"{file} names no $schema.");
        var schemaFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference!));
        Assert.True(Path.GetDirectoryName(schemaFile) == SchemasFolder, $"{file}: $schema '{reference}' is not a file of forms/{DataSchemas.Folder}.");
        Assert.True(File.Exists(schemaFile), $"{file}: $schema '{reference}' does not exist.");

        var errors = Evaluate(File.ReadAllText(schemaFile), instance);
        Assert.True(errors.Count == 0, $"{file} breaks {reference}:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task The_service_publishes_the_schema(string name)
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync($"/api/schemas/{name}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(File.ReadAllText(Path.Combine(SchemasFolder, name)), text);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", JsonNode.Parse(text)!["$schema"]!.GetValue<string>());
        Assert.Contains(name, JsonSerializer.Deserialize<string[]>(await client.GetStringAsync("/api/schemas"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/schemas/no-such.schema.json")).StatusCode);
    }

    /// <summary>A typo, a missing member, a wrong type, a colour, a date: the schema and start-up both refuse it, at the same path.</summary>
    [Theory]
    [InlineData("vest-specimen/2025-733/vest.json", "body/chestWidth", "$.body")]
    [InlineData("vest-specimen/2025-733/vest.json", "-colors/outline", "$.colors")]
    [InlineData("vest-specimen/2025-733/vest.json", "colors/vest=\"orange\"", "$.colors.vest")]
    [InlineData("vest-specimen/2025-733/vest.json", "stripe/widthMm=\"wide\"", "$.stripe.widthMm")]
    [InlineData("_calendar/kz/2025.json", "kurbanAit/movesIfWeekend=false", "$.kurbanAit.movesIfWeekend")]
    [InlineData("_calendar/kz/2025.json", "kurbanAit/date=\"2025-02-30\"", "$.kurbanAit.date")]
    [InlineData("_calendar/kz/statutory.json", "country=\"RU\"", "$.country")]
    [InlineData("referral-certificate/2025-733/labels.json", "convict.surname=[\"Тегі\"]", "$.convict.surname")]
    public void Schema_and_start_up_refuse_the_same_fault(string file, string mutation, string path)
    {
        var original = Path.Combine(Repo.Forms, file);
        var node = JsonNode.Parse(File.ReadAllText(original))!;
        Mutate(node.AsObject(), mutation);

        var schemaFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(original)!, node["$schema"]!.GetValue<string>()));
        Assert.NotEmpty(Evaluate(File.ReadAllText(schemaFile), node));

        var forms = Tools.CopyOfShippedForms("forms-copy");
        File.WriteAllText(Path.Combine(forms, file), node.ToJsonString());
        var error = Assert.Throws<DefinitionException>(() => FormsService.Core.Composition.LoadEngine(forms, Repo.Fonts).Dispose());
        Assert.EndsWith(file.Replace('/', Path.DirectorySeparatorChar), error.File, StringComparison.Ordinal);
        Assert.StartsWith(path, error.JsonPath, StringComparison.Ordinal);
    }

    /// <summary><c>a/b=json</c> sets; <c>a/b</c> renames the member whose name starts with b to b (chestWidthMm → chestWidth); <c>-a/b</c> removes.</summary>
    private static void Mutate(JsonObject root, string mutation)
    {
        var remove = mutation.StartsWith('-');
        var (target, value) = mutation.TrimStart('-').Split('=', 2) switch { [var t, var v] => (t, v), [var t] => (t, (string?)null), _ => throw new ArgumentException(mutation) };
        var segments = target.Split('/');
        var parent = segments[..^1].Aggregate(root, (o, s) => o[s]!.AsObject());
        var name = segments[^1];
        if (remove)
            parent.Remove(name);
        else if (value is not null)
            parent[name] = JsonNode.Parse(value);
        else
        {
            var existing = parent.Select(p => p.Key).Single(k => k.StartsWith(name, StringComparison.Ordinal) && k != name);
            var moved = parent[existing]!.DeepClone();
            parent.Remove(existing);
            parent[name] = moved;
        }
    }

    private static IReadOnlyList<string> Evaluate(string schemaText, JsonNode instance)
    {
        var schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(instance),
            new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List });
        return result.IsValid ? [] : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
    }
}
