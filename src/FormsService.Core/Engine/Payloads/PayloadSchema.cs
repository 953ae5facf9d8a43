using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using FluentValidation;
using FluentValidation.Validators;
using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Engine.Payloads;

/// <summary>A payload type that knows its constraints better than its validator can say (the vest's ranges).</summary>
public interface ISchemaHints
{
    void Apply(JsonObject schema);
}

/// <summary>A payload type checked by a FluentValidation validator, whose rules the schema publishes.</summary>
public interface IValidatedPayload
{
    IValidatorDescriptor Descriptor { get; }
}

/// <summary>
/// The JSON Schema (2020-12) of a form version's payload: generated from the payload record, with what the validator
/// enforces that a schema can say (required, bounds, maximum lengths), descriptions from the record and the
/// version's Kazakh and Russian labels (<c>labels.json</c> beside the definition).
/// </summary>
public static class PayloadSchema
{
    public const string LabelsFile = "labels.json";

    public static JsonObject For(FormVersion version)
    {
        var payload = version.Payload;
        var options = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = false,
            TransformSchemaNode = (context, node) =>
            {
                node = WholeNumberConverter.SchemaFor(context.TypeInfo.Type) ?? node;
                if (node is JsonObject obj && context.PropertyInfo?.AttributeProvider is ICustomAttributeProvider provider
                    && provider.GetCustomAttributes(typeof(DescriptionAttribute), false).FirstOrDefault() is DescriptionAttribute d)
                    obj["description"] = d.Description;
                return node;
            },
        };
        var schema = (JsonObject)PayloadJson.Options.GetJsonSchemaAsNode(payload.RecordType, options);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"/api/forms/{version.FormId}/versions/{version.Version}/schema",
            ["title"] = version.Definition.Title,
            ["description"] = $"{version.Definition.LegalBasis.Act}. {version.Definition.LegalBasis.Appendix}.",
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            root[key] = value;
        }
        root["type"] = "object"; // the body must be an object (null is a 400)
        // The service refuses unknown fields: say so, at every level.
        Walk(root, "", (node, _) => { if (node["properties"] is JsonObject) node["additionalProperties"] = false; });
        if (payload is IValidatedPayload validated)
            ApplyRules(root, validated.Descriptor);
        if (payload is ISchemaHints hints)
            hints.Apply(root);
        ApplyLabels(root, version.Definition);
        return root;
    }

    private static void ApplyRules(JsonObject root, IValidatorDescriptor descriptor)
    {
        foreach (var member in descriptor.GetMembersWithValidators())
        {
            var path = PayloadJson.ToCamelPath(member.Key);
            var (parent, name) = Locate(root, path);
            if (parent?["properties"]?[name] is not JsonObject property)
                continue;
            foreach (var (validator, _) in member)
            {
                switch (validator)
                {
                    case INotNullValidator or INotEmptyValidator:
                        Require(parent, name, property);
                        break;
                    case ILengthValidator length when length.Max > 0:
                        property["maxLength"] = length.Max;
                        break;
                    case IBetweenValidator between when between.From is IConvertible from && between.To is IConvertible to:
                        property["minimum"] = Convert.ToDouble(from, System.Globalization.CultureInfo.InvariantCulture);
                        property["maximum"] = Convert.ToDouble(to, System.Globalization.CultureInfo.InvariantCulture);
                        if (property["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "integer"))
                        {
                            property["minimum"] = Convert.ToInt64(from, System.Globalization.CultureInfo.InvariantCulture);
                            property["maximum"] = Convert.ToInt64(to, System.Globalization.CultureInfo.InvariantCulture);
                        }
                        break;
                }
            }
        }
    }

    /// <summary>A required field is listed in its parent's <c>required</c>, and may not be null.</summary>
    internal static void Require(JsonObject parent, string name, JsonObject property)
    {
        var required = parent["required"] as JsonArray ?? [];
        if (!required.Any(r => r?.GetValue<string>() == name))
            required.Add(name);
        parent["required"] = required;
        if (property["type"] is JsonArray types)
        {
            var withoutNull = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            property["type"] = withoutNull.Count == 1 ? withoutNull[0] : new JsonArray(withoutNull.Select(t => (JsonNode)t!).ToArray());
        }
    }

    internal static (JsonObject? Parent, string Name) Locate(JsonObject root, string path)
    {
        var segments = path.Split('.');
        JsonObject? current = root;
        for (var i = 0; i < segments.Length - 1 && current is not null; i++)
            current = current["properties"]?[segments[i]] as JsonObject;
        return (current, segments[^1]);
    }

    private static void ApplyLabels(JsonObject root, FormDefinition definition)
    {
        var file = Path.Combine(definition.Directory, LabelsFile);
        if (!File.Exists(file))
            return;
        var labels = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        foreach (var (path, value) in labels)
        {
            var (parent, name) = Locate(root, path);
            if ((path.Length == 0 ? root : parent?["properties"]?[name]) is not JsonObject property || value is not JsonArray pair)
                continue;
            property["title"] = pair[0]?.GetValue<string>();
            property["x-label-ru"] = pair.Count > 1 ? pair[1]?.GetValue<string>() : null;
        }
    }

    private static void Walk(JsonObject node, string path, Action<JsonObject, string> visit)
    {
        visit(node, path);
        if (node["properties"] is JsonObject properties)
            foreach (var (name, child) in properties)
                if (child is JsonObject obj)
                    Walk(obj, path.Length == 0 ? name : $"{path}.{name}", visit);
    }

    /// <summary>Checks, at start-up, that a labels file names only fields of the payload.</summary>
    public static void CheckLabels(FormDefinition definition, IReadOnlySet<string> paths)
    {
        var file = Path.Combine(definition.Directory, LabelsFile);
        if (!File.Exists(file))
            return;
        JsonObject labels;
        try { labels = JsonNode.Parse(File.ReadAllText(file))!.AsObject(); }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new DefinitionException(file, "$", ex.Message);
        }
        foreach (var (path, value) in labels)
        {
            if (!paths.Contains(path))
                throw new DefinitionException(file, "$." + path, $"'{path}' is not a field of the payload.");
            if (value is not JsonArray { Count: 2 } pair || pair.Any(v => v is not JsonValue s || s.GetValueKind() != JsonValueKind.String))
                throw new DefinitionException(file, "$." + path, "a label is [\"Kazakh\", \"Russian\"].");
        }
    }
}
