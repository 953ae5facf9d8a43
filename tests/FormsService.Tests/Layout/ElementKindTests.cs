using System.Text.Json.Nodes;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Kinds;
using FormsService.Tests.Support;

namespace FormsService.Tests.Layout;

/// <summary>
/// The element kinds a definition may write, as the published schema lists them, against the kind classes that parse
/// and build them: a kind added to one and not the other fails here, not in a clerk's request.
/// </summary>
public sealed class ElementKindTests
{
    private static readonly JsonObject Defs =
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Forms, "_schemas", "definition.schema.json")))!["$defs"]!.AsObject();

    /// <summary>The kind key of each object alternative of the schema's <paramref name="def"/>: its one required key that names a kind.</summary>
    private static List<string> SchemaKeys(string def, IEnumerable<string> kindKeys)
    {
        var known = kindKeys.ToHashSet(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var node in Defs[def]!["oneOf"]!.AsArray())
        {
            var alternative = node!["$ref"] is { } r ? Defs[r.GetValue<string>().Split('/')[^1]]!.AsObject() : node.AsObject();
            if (alternative["type"]?.GetValue<string>() != "object") continue; // a plain string is a text inline
            var required = alternative["required"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
            var named = required.Where(known.Contains).ToList();
            Assert.True(named.Count == 1, $"the {def} with required [{string.Join(", ", required)}] has no kind class (or more than one)");
            keys.Add(named[0]);
        }
        return keys;
    }

    [Fact]
    public void Every_block_of_the_definition_schema_has_a_kind_class_and_every_kind_class_is_in_the_schema()
    {
        var schema = SchemaKeys("block", BlockKinds.ByKey.Keys);
        Assert.Contains("table", schema);
        Assert.Equal(BlockKinds.ByKey.Keys.Order(StringComparer.Ordinal), schema.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_inline_of_the_definition_schema_has_a_kind_class_and_every_keyed_inline_kind_is_in_the_schema()
    {
        var schema = SchemaKeys("inline", InlineKinds.ByKey.Keys);
        Assert.Contains("field", schema);
        Assert.Equal(InlineKinds.ByKey.Keys.Order(StringComparer.Ordinal), schema.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_template_the_parser_makes_has_a_kind_that_builds_it()
    {
        var types = typeof(BlockTemplate).Assembly.GetTypes().Where(t => !t.IsAbstract).ToList();
        var blocks = types.Where(t => t.IsSubclassOf(typeof(BlockTemplate))).ToList();
        var inlines = types.Where(t => t.IsSubclassOf(typeof(InlineTemplate))).ToList();
        Assert.Contains(typeof(TableTemplate), blocks);
        Assert.Contains(typeof(ConditionalTemplate), inlines);
        Assert.All(blocks, t => Assert.Contains(t, BlockKinds.TemplateTypes));
        Assert.All(inlines, t => Assert.Contains(t, InlineKinds.TemplateTypes));
    }
}
