using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using FluentValidation;
using FluentValidation.Validators;
using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// The JSON Schema (2020-12) of a form version's payload: generated from the payload record, with what the validator
/// enforces that a schema can say (required, bounds, maximum lengths), descriptions from the record and the
/// version's Kazakh and Russian labels (<c>labels.json</c> beside the definition).
/// </summary>
internal static class PayloadSchema
{
    public const string LabelsFile = "labels.json";

    /// <summary>
    /// The field's label in each language the pages speak (<c>{ "kk": …, "ru": … }</c>). One annotation object, not a
    /// keyword per language, so that a strict validator needs one declaration (<see cref="Vocabulary"/>).
    /// </summary>
    public const string LabelsAnnotation = "x-labels";

    /// <summary>The service's annotations, for validators that refuse keywords they do not know (ajv's strict mode).</summary>
    public static readonly IReadOnlyList<string> Vocabulary = [LabelsAnnotation, "x-deadlines"];

    /// <summary>Marks the date the order's deadlines run from (<c>GET /api/deadlines</c>).</summary>
    public const string DeadlinesAnnotation = "x-deadlines";

    public static JsonObject For(FormVersion version)
    {
        var module = version.Module;
        var options = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = false,
            TransformSchemaNode = (context, node) =>
            {
                node = WholeNumberConverter.SchemaFor(context.TypeInfo.Type) ?? node;
                if (node is JsonObject obj && context.PropertyInfo?.AttributeProvider is ICustomAttributeProvider provider
                    && provider.GetCustomAttributes(typeof(DescriptionAttribute), false).FirstOrDefault() is DescriptionAttribute d)
                    obj["description"] = d.Description;
                if (node is JsonObject pat && context.PropertyInfo?.AttributeProvider is ICustomAttributeProvider patterned
                    && patterned.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.RegularExpressionAttribute), false).FirstOrDefault()
                        is System.ComponentModel.DataAnnotations.RegularExpressionAttribute r)
                    pat["pattern"] = r.Pattern;
                return node;
            },
        };
        var schema = (JsonObject)PayloadJson.Options.GetJsonSchemaAsNode(module.PayloadRecord, options);
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
        if (module.Rules is { } rules)
            ApplyRules(root, rules);
        module.Describe(root, version.Definition);
        if (module.RulesBeyondSchema is { Count: > 0 } beyond)
            root["description"] = root["description"]!.GetValue<string>() + "\n\nRules this schema does not state, across fields or from the calendar (POST …/validate checks them and names the field):\n"
                + string.Join("\n", beyond.Select(r => "- " + r));
        // Every string of a payload passes the text guard: what a pattern can say of it, every string says.
        Walk(root, "", (node, _) =>
        {
            var children = (node["properties"] as JsonObject)?.Select(p => p.Value) ?? [];
            if (node["items"] is JsonObject items) children = children.Append(items);
            foreach (var child in children.ToList())
                if (child is JsonObject property && IsText(property) && property["pattern"] is null && property["enum"] is null && property["format"] is null)
                    property["pattern"] = TextPatterns.Printable;
        });
        if (module.Hints.DeadlinesFrom is { } from && Property(root, from) is { } property)
            property[DeadlinesAnnotation] = true; // pages show the order's deadlines under this date
        ApplyLabels(root, version.Labels);
        return root;
    }

    /// <summary>
    /// Writes what each rule states into the schema of the object it validates, at every depth: a rule for each item
    /// of a list (<c>RuleForEach</c>) speaks of the list's <c>items</c>, and a child validator (<c>ChildRules</c>) of
    /// the object it is given. Rules with a condition of their own (<c>.When</c> on one check) are cross-field rules:
    /// the schema cannot state them, the description lists them.
    /// </summary>
    private static void ApplyRules(JsonObject node, IValidatorDescriptor descriptor)
    {
        foreach (var rule in descriptor.Rules)
        {
            if (string.IsNullOrEmpty(rule.PropertyName))
                continue;
            var (parent, name) = Locate(node, PayloadJson.ToCamelPath(rule.PropertyName));
            if (parent?["properties"]?[name] is not JsonObject property)
                continue;
            var forEach = IsCollectionRule(rule);
            if (forEach && property["items"] is not JsonObject)
                continue;
            foreach (var component in rule.Components)
            {
                if (component.HasCondition || component.HasAsyncCondition)
                    continue;
                if (forEach)
                    ApplyToItems((JsonObject)property["items"]!, component.Validator);
                else
                    Apply(parent, name, property, component.Validator);
            }
        }
    }

    private static bool IsCollectionRule(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    /// <summary>A rule on each item: not null removes null from the items' type; the rest speaks of the item itself.</summary>
    private static void ApplyToItems(JsonObject items, IPropertyValidator validator)
    {
        if (validator is INotNullValidator or INotEmptyValidator)
            RemoveNull(items);
        else
            Apply(null, null, items, validator);
    }

    private static void Apply(JsonObject? parent, string? name, JsonObject property, IPropertyValidator validator)
    {
        switch (validator)
        {
            case INotNullValidator or INotEmptyValidator when parent is not null:
                Require(parent, name!, property);
                break;
            case INotBlankValidator:
                property["minLength"] = 1;
                property["pattern"] = TextPatterns.NotBlank;
                break;
            case IOneOfValidator oneOf:
                var values = new JsonArray(oneOf.Values.Select(v => (JsonNode?)v).ToArray());
                if (property["type"] is JsonArray kinds && kinds.Any(t => t?.GetValue<string>() == "null"))
                    values.Add(null); // optional: null stays allowed
                property["enum"] = values;
                property.Remove("pattern");
                property.Remove("minLength");
                break;
            case ILengthValidator length when length.Max > 0:
                property["maxLength"] = length.Max;
                break;
            case ICountValidator count:
                if (count.Min > 0) property["minItems"] = count.Min;
                property["maxItems"] = count.Max;
                break;
            case IYearsValidator years when years is { Min: 1990, Max: 2100 }:
                // format: date checks the calendar; the pattern bounds the year, as the rule does.
                property["pattern"] = "^(199[0-9]|20[0-9][0-9]|2100)-";
                break;
            case IBetweenValidator between when between.From is IConvertible from && between.To is IConvertible to:
                property["minimum"] = Convert.ToDouble(from, System.Globalization.CultureInfo.InvariantCulture);
                property["maximum"] = Convert.ToDouble(to, System.Globalization.CultureInfo.InvariantCulture);
                if (Types(property).Contains("integer"))
                {
                    property["minimum"] = Convert.ToInt64(from, System.Globalization.CultureInfo.InvariantCulture);
                    property["maximum"] = Convert.ToInt64(to, System.Globalization.CultureInfo.InvariantCulture);
                }
                break;
            case IChildValidatorAdaptor child when ChildValidator(child) is { } inner:
                ApplyRules(property, inner.CreateDescriptor());
                break;
        }
    }

    /// <summary>The validator a <c>ChildRules</c> or <c>SetValidator</c> adaptor holds.</summary>
    private static IValidator? ChildValidator(IChildValidatorAdaptor adaptor)
    {
        var get = adaptor.GetType().GetMethod("GetValidator");
        if (get is null) return null;
        try
        {
            // An empty context: the adaptor refuses null, and one that holds its validator never reads it.
            var context = Activator.CreateInstance(get.GetParameters()[0].ParameterType, [null]);
            return get.Invoke(adaptor, [context, null]) as IValidator;
        }
        catch (TargetInvocationException) { return null; }
    }

    private static IEnumerable<string> Types(JsonObject property) => property["type"] switch
    {
        JsonValue v => [v.GetValue<string>()],
        JsonArray a => a.Select(t => t!.GetValue<string>()),
        _ => [],
    };

    private static void RemoveNull(JsonObject property)
    {
        if (property["type"] is JsonArray types)
        {
            var withoutNull = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            property["type"] = withoutNull.Count == 1 ? withoutNull[0] : new JsonArray(withoutNull.Select(t => (JsonNode)t!).ToArray());
        }
    }

    /// <summary>A required field is listed in its parent's <c>required</c>, and may not be null.</summary>
    internal static void Require(JsonObject parent, string name, JsonObject property)
    {
        var required = parent["required"] as JsonArray ?? [];
        if (!required.Any(r => r?.GetValue<string>() == name))
            required.Add(name);
        parent["required"] = required;
        RemoveNull(property);
    }

    internal static (JsonObject? Parent, string Name) Locate(JsonObject root, string path)
    {
        var segments = path.Split('.');
        JsonObject? current = root;
        for (var i = 0; i < segments.Length - 1 && current is not null; i++)
            current = current["properties"]?[segments[i]] as JsonObject;
        return (current, segments[^1]);
    }

    private static JsonObject? Property(JsonObject root, string path)
    {
        var (parent, name) = Locate(root, path);
        return parent?["properties"]?[name] as JsonObject;
    }

    /// <summary>
    /// Titles and <c>x-labels</c> (<c>{ kk, ru, help: { kk, ru }, options: { value: { kk, ru } } }</c>) from the
    /// version's words; a path through a list (<c>persons[].convict.surname</c>) reaches into its items.
    /// </summary>
    private static void ApplyLabels(JsonObject root, Labels labels)
    {
        foreach (var (path, words) in labels.Words)
        {
            if ((path.Length == 0 ? root : Reach(root, path)) is not JsonObject property)
                continue;
            property["title"] = words.Label[0];
            var annotation = Pair(words.Label);
            if (words.Help is { } help)
                annotation["help"] = Pair(help);
            if (words.Options is { } options)
            {
                var named = new JsonObject();
                foreach (var (value, name) in options)
                    named[value] = Pair(name);
                annotation["options"] = named;
            }
            property[LabelsAnnotation] = annotation;
        }
    }

    private static JsonObject Pair(string[] pair) => new() { ["kk"] = pair[0], ["ru"] = pair[1] };

    /// <summary>The schema of a field path whose segments may step into a list's items (<c>days[]</c>).</summary>
    private static JsonObject? Reach(JsonObject root, string path)
    {
        JsonObject? current = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.EndsWith("[]", StringComparison.Ordinal) ? segment[..^2] : segment;
            current = current?["properties"]?[name] as JsonObject;
            if (segment.EndsWith("[]", StringComparison.Ordinal))
                current = current?["items"] as JsonObject;
        }
        return current;
    }

    private static bool IsText(JsonObject property) => property["type"] switch
    {
        JsonValue v => v.GetValue<string>() == "string",
        JsonArray a => a.Any(t => t?.GetValue<string>() == "string"),
        _ => false,
    };

    /// <summary>Visits every object schema: properties' and list items' alike (<c>persons[]</c>).</summary>
    private static void Walk(JsonObject node, string path, Action<JsonObject, string> visit)
    {
        visit(node, path);
        if (node["items"] is JsonObject items)
            Walk(items, path + "[]", visit);
        if (node["properties"] is JsonObject properties)
            foreach (var (name, child) in properties)
                if (child is JsonObject obj)
                    Walk(obj, path.Length == 0 ? name : $"{path}.{name}", visit);
    }
}
