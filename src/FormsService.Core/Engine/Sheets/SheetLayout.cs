using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Engine.Sheets;

/// <summary>What a spreadsheet cell holds, as the JSON Schema says.</summary>
internal enum CellKind { Text, Integer, Number, Boolean, Date }

/// <summary>One column of a form's spreadsheet: a leaf of the payload, with its labels and what the schema allows.</summary>
/// <param name="Path">The JSON path ("convict.surname"); inside an array's sheet, the path within one item ("date").</param>
/// <param name="Label">The Kazakh label, qualified by its parent's where the leaf's own label is not unique.</param>
internal sealed record SheetColumn(string Path, CellKind Kind, string Label, string? LabelRu, double? Minimum, double? Maximum,
    int? MaxLength, IReadOnlyList<string>? Choices);

/// <summary>An array of the payload (a time sheet's days): its own sheet, one item a row, keyed by the main sheet's row.</summary>
/// <param name="Path">The array's JSON path ("days").</param>
/// <param name="Columns">The item's leaves; an array of plain values has one column with the empty path.</param>
internal sealed record SheetArray(string Path, string Label, string? LabelRu, IReadOnlyList<SheetColumn> Columns);

/// <summary>
/// The spreadsheet shape of a form version, read from its JSON Schema (types, formats, bounds, allowed values) and
/// labels: a main sheet with a column per leaf, and a sheet per array. Knows no form.
/// </summary>
internal sealed class SheetLayout
{
    /// <summary>The key column of an array's sheet: the row of the main sheet the item belongs to.</summary>
    public static readonly SheetColumn RowKey = new("row", CellKind.Integer, "Негізгі парақтың жолы", "Строка основного листа", 1, 1_048_576, null, null);

    private readonly Dictionary<string, SheetColumn> _byPath;

    private SheetLayout(IReadOnlyList<SheetColumn> columns, IReadOnlyList<SheetArray> arrays, SheetColumn? key = null)
    {
        Columns = columns;
        Arrays = arrays;
        Key = key ?? RowKey;
        _byPath = columns.ToDictionary(c => c.Path, StringComparer.Ordinal);
    }

    public IReadOnlyList<SheetColumn> Columns { get; }
    public IReadOnlyList<SheetArray> Arrays { get; }

    /// <summary>The key column of an array's sheet, labelled in the layout's language.</summary>
    public SheetColumn Key { get; }

    public SheetColumn? Column(string path) => _byPath.GetValueOrDefault(path);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FormVersion, SheetLayout> Cache = new();

    /// <summary>
    /// The layout of a published version: generated once, as its schema is. A Russian variant's headers are the
    /// Russian labels (the Kazakh ones still read, as the Russian ones read on a Kazakh template).
    /// </summary>
    public static SheetLayout For(FormVersion version) =>
        Cache.GetValue(version, v => v.Language == "ru" ? FromSchema(PayloadSchema.For(v)).InRussian() : FromSchema(PayloadSchema.For(v)));

    /// <summary>The same layout headed by the Russian labels, the Kazakh ones second (each column still reads by either).</summary>
    private SheetLayout InRussian()
    {
        static SheetColumn Swap(SheetColumn c) => c.LabelRu is { } ru ? c with { Label = ru, LabelRu = c.Label } : c;
        return new SheetLayout(Columns.Select(Swap).ToList(),
            Arrays.Select(a => (a.LabelRu is { } ru ? a with { Label = ru, LabelRu = a.Label } : a) with { Columns = a.Columns.Select(Swap).ToList() }).ToList(),
            Swap(RowKey));
    }

    public static SheetLayout FromSchema(JsonObject schema)
    {
        var leaves = new List<(SheetColumn Column, string? ParentLabel, string? ParentLabelRu)>();
        var arrays = new List<SheetArray>();
        Collect(schema, "", null, null, leaves, arrays);
        return new SheetLayout(Qualify(leaves), arrays);
    }

    private static void Collect(JsonObject node, string path, string? parentLabel, string? parentLabelRu,
        List<(SheetColumn, string?, string?)> leaves, List<SheetArray> arrays)
    {
        if (node["properties"] is not JsonObject properties)
            return;
        var label = path.Length == 0 ? null : Text(node["title"]);
        var labelRu = path.Length == 0 ? null : Text(node["x-labels"]?["ru"]);
        foreach (var (name, child) in properties)
        {
            if (child is not JsonObject property)
                continue;
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            switch (TypeOf(property))
            {
                case "object":
                    Collect(property, childPath, label, labelRu, leaves, arrays);
                    break;
                case "array":
                    arrays.Add(ArrayOf(property, childPath));
                    break;
                default:
                    leaves.Add((Leaf(property, childPath), label, labelRu));
                    break;
            }
        }
    }

    private static SheetArray ArrayOf(JsonObject property, string path)
    {
        var label = Text(property["title"]) ?? path;
        var items = property["items"] as JsonObject ?? [];
        var columns = new List<(SheetColumn, string?, string?)>();
        var nested = new List<SheetArray>();
        if (TypeOf(items) == "object")
        {
            Collect(items, "", null, null, columns, nested);
            // An array inside an item (a person's days) has no sheet of its own: it gets indexed columns in the item's
            // row ("days[0].hours"), as many as the schema's maxItems allows (at most NestedItems, a month's days).
            foreach (var inner in nested)
            {
                var count = Math.Clamp((int)(Number(InnerSchema(items, inner.Path)?["maxItems"]) ?? NestedItems), 1, NestedItems);
                for (var i = 0; i < count; i++)
                    foreach (var c in inner.Columns)
                        columns.Add((c with
                        {
                            Path = c.Path.Length == 0 ? $"{inner.Path}[{i}]" : $"{inner.Path}[{i}].{c.Path}",
                            Label = c.Path.Length == 0 ? $"{inner.Label} {i + 1}" : $"{inner.Label} {i + 1}: {c.Label}",
                            LabelRu = c.LabelRu is null ? null : c.Path.Length == 0 ? $"{inner.LabelRu ?? inner.Label} {i + 1}" : $"{inner.LabelRu ?? inner.Label} {i + 1}: {c.LabelRu}",
                        }, null, null));
            }
        }
        else
            columns.Add((Leaf(items, "") with { Label = label, LabelRu = Text(property["x-labels"]?["ru"]) }, null, null));
        return new SheetArray(path, label, Text(property["x-labels"]?["ru"]), Qualify(columns));
    }

    /// <summary>The most indexed items an array inside an array's item gets in the item's sheet.</summary>
    public const int NestedItems = 31;

    private static JsonObject? InnerSchema(JsonObject node, string path)
    {
        foreach (var segment in path.Split('.'))
            node = node["properties"]?[segment] as JsonObject ?? [];
        return node;
    }

    private static SheetColumn Leaf(JsonObject property, string path)
    {
        var type = TypeOf(property);
        var kind = type switch
        {
            "integer" => CellKind.Integer,
            "number" => CellKind.Number,
            "boolean" => CellKind.Boolean,
            _ when Text(property["format"]) == "date" => CellKind.Date,
            _ => CellKind.Text,
        };
        var choices = property["enum"] is JsonArray values
            ? values.Where(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String).Select(v => v!.GetValue<string>()).ToList()
            : null;
        return new SheetColumn(path, kind, Text(property["title"]) ?? path, Text(property["x-labels"]?["ru"]),
            Number(property["minimum"]), Number(property["maximum"]), (int?)Number(property["maxLength"]), choices is { Count: > 0 } ? choices : null);
    }

    /// <summary>A label two leaves share ("Органның атауы") is qualified by the parent's, so every header names one column.</summary>
    private static List<SheetColumn> Qualify(List<(SheetColumn Column, string? ParentLabel, string? ParentLabelRu)> leaves)
    {
        var kk = leaves.GroupBy(l => l.Column.Label, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ru = leaves.Where(l => l.Column.LabelRu is not null).GroupBy(l => l.Column.LabelRu!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return leaves.Select(l => l.Column with
        {
            Label = kk.Contains(l.Column.Label) && l.ParentLabel is not null ? $"{l.ParentLabel}: {l.Column.Label}" : l.Column.Label,
            LabelRu = l.Column.LabelRu is { } r && ru.Contains(r) && l.ParentLabelRu is not null ? $"{l.ParentLabelRu}: {r}" : l.Column.LabelRu,
        }).ToList();
    }

    private static string? TypeOf(JsonObject property) => property["type"] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not null and not "null"),
        _ => property["properties"] is JsonObject ? "object" : null,
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.Deserialize<double>() : null;

    /// <summary>How a cell's value is shown in a spreadsheet: invariant, no exponent, dates as YYYY-MM-DD.</summary>
    internal static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "",
    };
}
