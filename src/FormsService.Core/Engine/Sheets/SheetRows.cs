using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Engine.Sheets;

/// <summary>One data row turned into a payload, or the problems (keyed by JSON path) that stopped it.</summary>
/// <param name="Number">The row's number as the spreadsheet shows it.</param>
/// <param name="Cells">The row as uploaded, for errors.xlsx.</param>
internal sealed record SheetRow(int Number, JsonElement? Payload, IReadOnlyDictionary<string, Message[]> Errors, IReadOnlyList<object?> Cells);

/// <summary>The data rows of an upload, bound to a form version's payload shape.</summary>
internal sealed record SheetRows(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Binds uploaded rows to payloads: headers matched by JSON path or by the Kazakh or Russian label (case, spaces and
/// a trailing '*' ignored), a second header row of paths recognised, empty rows skipped, each cell converted to the
/// type the schema gives (a bad cell is a problem at its path, not a 4xx for the whole file), arrays read from their
/// own sheet (keyed by the main sheet's row number) or from indexed columns (<c>days[0].date</c>).
/// </summary>
internal static partial class SheetBinder
{
    private abstract record Target;
    private sealed record Leaf(SheetColumn Column) : Target;
    private sealed record Item(SheetArray Array, int Index, SheetColumn Column) : Target;

    public static SheetRows Bind(UploadedWorkbook workbook, SheetLayout layout, SheetLimits limits)
    {
        var arraySheets = new Dictionary<SheetArray, UploadedSheet>();
        UploadedSheet? main = null;
        foreach (var sheet in workbook.Sheets)
        {
            var array = layout.Arrays.FirstOrDefault(a => Same(sheet.Name, a.Path) || Same(sheet.Name, SheetName(a.Label)));
            if (array is not null) arraySheets[array] = sheet;
            else main ??= sheet;
        }
        if (main is null || main.Rows.Count == 0)
            throw SheetProblem.Refused("sheet-no-rows");

        var (headerIndex, targets, headers) = MainHeader(main, layout);
        var data = main.Rows.Skip(headerIndex + 1).Where(r => !r.IsEmpty).ToList();
        if (data.Count == 0)
            throw SheetProblem.Refused("sheet-no-data-rows");
        if (data.Count > limits.MaxRows)
            throw SheetProblem.TooLarge("sheet-too-many-rows", ("rows", data.Count), ("max", limits.MaxRows));

        var items = ArrayItems(arraySheets, data.Select(r => r.Number).ToHashSet());
        var rows = new List<SheetRow>(data.Count);
        foreach (var row in data)
        {
            var payload = new JsonObject();
            var errors = new Dictionary<string, Message[]>(StringComparer.Ordinal);
            for (var i = 0; i < targets.Count && i < row.Cells.Count; i++)
            {
                if (targets[i] is not { } target || SheetCells.IsBlank(row.Cells[i]))
                    continue;
                var (path, column) = target switch
                {
                    Leaf l => (l.Column.Path, l.Column),
                    Item it => (ItemPath(it.Array, it.Index, it.Column), it.Column),
                    _ => throw new InvalidOperationException(),
                };
                Put(payload, path, column, row.Cells[i], errors);
            }
            foreach (var (array, perRow) in items)
                if (perRow.TryGetValue(row.Number, out var list))
                    for (var index = 0; index < list.Count; index++)
                        foreach (var (column, cell) in list[index])
                            Put(payload, ItemPath(array, index, column), column, cell, errors);
            rows.Add(new SheetRow(row.Number, errors.Count == 0 ? JsonSerializer.SerializeToElement(payload) : null, errors, row.Cells));
        }
        return new SheetRows(headers, rows);
    }

    /// <summary>Sheet names are at most 31 characters and exclude a few.</summary>
    public static string SheetName(string label)
    {
        var clean = new string(label.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim();
        return clean.Length <= 31 ? clean : clean[..31].TrimEnd();
    }

    private static (int Index, List<Target?> Targets, IReadOnlyList<string> Headers) MainHeader(UploadedSheet sheet, SheetLayout layout)
    {
        var first = 0;
        var labels = sheet.Rows[first];
        // A second header row of paths (the template's) wins over the labels above it.
        if (sheet.Rows.Count > first + 1 && IsPathRow(sheet.Rows[first + 1], layout))
            first++;
        var header = sheet.Rows[first];
        var problems = new Dictionary<string, Message[]>(StringComparer.Ordinal);
        var targets = new List<Target?>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = CellText(header.Cells[i]);
            var cell = $"{ColumnName(i)}{header.Number}";
            if (string.IsNullOrWhiteSpace(text))
            {
                targets.Add(null);
                continue;
            }
            var target = Resolve(text, layout);
            if (target is null)
            {
                problems[cell] = [Say.Of("sheet-unknown-column", ("column", text))];
                targets.Add(null);
                continue;
            }
            var key = target is Leaf l ? l.Column.Path : ItemPath(((Item)target).Array, ((Item)target).Index, ((Item)target).Column);
            if (seen.TryGetValue(key, out var other))
                problems[cell] = [Say.Of("sheet-field-twice", ("field", key), ("other", other))];
            else
                seen[key] = cell;
            targets.Add(target);
        }
        if (problems.Count > 0)
            throw SheetProblem.Headers(problems);
        var headers = labels.Cells.Select(c => CellText(c) ?? "").ToList();
        return (first, targets, headers);
    }

    private static bool IsPathRow(UploadedRow row, SheetLayout layout)
    {
        var cells = row.Cells.Select(CellText).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return cells.Count > 0 && cells.All(t => ResolvePath(t!.Trim(), layout) is not null);
    }

    private static Target? Resolve(string text, SheetLayout layout)
    {
        if (ResolvePath(text.Trim(), layout) is { } byPath)
            return byPath;
        var key = Normal(text);
        var column = layout.Columns.FirstOrDefault(c => Normal(c.Label) == key || (c.LabelRu is { } ru && Normal(ru) == key));
        return column is null ? null : new Leaf(column);
    }

    private static Target? ResolvePath(string text, SheetLayout layout)
    {
        if (layout.Column(text) is { } column)
            return new Leaf(column);
        var match = IndexedPath().Match(text);
        if (!match.Success)
            return null;
        var array = layout.Arrays.FirstOrDefault(a => a.Path == match.Groups["array"].Value);
        var leaf = match.Groups["leaf"].Success ? match.Groups["leaf"].Value : "";
        var itemColumn = array?.Columns.FirstOrDefault(c => c.Path == leaf);
        if (itemColumn is null || !int.TryParse(match.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > 999)
            return null;
        return new Item(array!, index, itemColumn);
    }

    [GeneratedRegex(@"^(?<array>[A-Za-z0-9_.]+)\[(?<index>\d{1,4})\](?:\.(?<leaf>[A-Za-z0-9_.\[\]]+))?$")]
    private static partial Regex IndexedPath();

    /// <summary>An array's sheet: its header row (paths or labels, and the key column), then one item a row.</summary>
    private static Dictionary<SheetArray, Dictionary<int, List<List<(SheetColumn, object?)>>>> ArrayItems(
        Dictionary<SheetArray, UploadedSheet> sheets, IReadOnlySet<int> mainRows)
    {
        var result = new Dictionary<SheetArray, Dictionary<int, List<List<(SheetColumn, object?)>>>>();
        foreach (var (array, sheet) in sheets)
        {
            var perRow = new Dictionary<int, List<List<(SheetColumn, object?)>>>();
            result[array] = perRow;
            if (sheet.Rows.Count == 0)
                continue;
            var headerIndex = sheet.Rows.Count > 1 && IsItemPathRow(sheet.Rows[1], array) ? 1 : 0;
            var header = sheet.Rows[headerIndex];
            var columns = new List<SheetColumn?>();
            var problems = new Dictionary<string, Message[]>(StringComparer.Ordinal);
            int? key = null;
            for (var i = 0; i < header.Cells.Count; i++)
            {
                var text = CellText(header.Cells[i]);
                if (string.IsNullOrWhiteSpace(text)) { columns.Add(null); continue; }
                var normal = Normal(text);
                if (normal == Normal(SheetLayout.RowKey.Path) || normal == Normal(SheetLayout.RowKey.Label) || normal == Normal(SheetLayout.RowKey.LabelRu!))
                {
                    key = i;
                    columns.Add(null);
                    continue;
                }
                var column = array.Columns.FirstOrDefault(c => c.Path == ItemColumnPath(text.Trim()) || Normal(c.Label) == normal || (c.LabelRu is { } ru && Normal(ru) == normal));
                if (column is null)
                    problems[$"{sheet.Name}!{ColumnName(i)}{header.Number}"] = [Say.Of("sheet-unknown-item-column", ("column", text), ("array", array.Path))];
                else if (columns.Contains(column))
                    problems[$"{sheet.Name}!{ColumnName(i)}{header.Number}"] = [Say.Of("sheet-column-repeats", ("column", text))];
                columns.Add(column);
            }
            if (key is null)
                problems[$"{sheet.Name}!A{header.Number}"] = [Say.Of("sheet-needs-row-column", ("column", SheetLayout.RowKey.Path))];
            if (problems.Count > 0)
                throw SheetProblem.Headers(problems);

            foreach (var row in sheet.Rows.Skip(headerIndex + 1).Where(r => !r.IsEmpty))
            {
                var keyCell = key < row.Cells.Count ? row.Cells[key.Value] : null;
                var number = keyCell switch
                {
                    double d when d == Math.Floor(d) && d is >= 1 and <= int.MaxValue => (int)d,
                    string s when int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                    _ => 0,
                };
                if (!mainRows.Contains(number))
                    throw SheetProblem.Headers(new Dictionary<string, Message[]>
                    {
                        [$"{sheet.Name}!{ColumnName(key!.Value)}{row.Number}"] = [Say.Of("sheet-no-main-row", ("row", CellText(keyCell)))],
                    });
                var cells = new List<(SheetColumn, object?)>();
                for (var i = 0; i < columns.Count && i < row.Cells.Count; i++)
                    if (columns[i] is { } column && !SheetCells.IsBlank(row.Cells[i]))
                        cells.Add((column, row.Cells[i]));
                if (cells.Count == 0)
                    continue;
                if (!perRow.TryGetValue(number, out var list))
                    perRow[number] = list = [];
                list.Add(cells);
            }
        }
        return result;
    }

    private static bool IsItemPathRow(UploadedRow row, SheetArray array)
    {
        var cells = row.Cells.Select(CellText).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).ToList();
        return cells.Count > 0 && cells.All(t => t == SheetLayout.RowKey.Path || array.Columns.Any(c => c.Path == ItemColumnPath(t)));
    }

    /// <summary>The template names the one column of an array of plain values "value" (its path within the item is empty).</summary>
    public const string PlainItemPath = "value";

    private static string? ItemColumnPath(string text) => text == PlainItemPath ? "" : text.Length == 0 ? null : text;

    private static string ItemPath(SheetArray array, int index, SheetColumn column) =>
        column.Path.Length == 0 ? $"{array.Path}[{index}]" : $"{array.Path}[{index}].{column.Path}";

    /// <summary>Sets the value at a path ("convict.surname", "days[2].hours"), creating objects and arrays on the way.</summary>
    private static void Put(JsonObject root, string path, SheetColumn column, object? cell, Dictionary<string, Message[]> errors)
    {
        var (value, error) = SheetValues.Convert(cell, column);
        if (error is not null)
        {
            errors[path] = [error];
            return;
        }
        JsonNode current = root;
        var segments = PathSegments().Matches(path).Select(m => m.Value).ToList();
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            var segment = segments[i];
            if (segment.StartsWith('['))
            {
                var index = int.Parse(segment[1..^1], CultureInfo.InvariantCulture);
                var array = (JsonArray)current;
                while (array.Count <= index)
                    array.Add(null);
                if (last) { array[index] = value; return; }
                array[index] ??= segments[i + 1].StartsWith('[') ? new JsonArray() : new JsonObject();
                current = array[index]!;
            }
            else
            {
                var obj = (JsonObject)current;
                if (last) { obj[segment] = value; return; }
                if (obj[segment] is null)
                    obj[segment] = segments[i + 1].StartsWith('[') ? new JsonArray() : new JsonObject();
                current = obj[segment]!;
            }
        }
    }

    [GeneratedRegex(@"[^.\[\]]+|\[\d+\]")]
    private static partial Regex PathSegments();

    internal static string? CellText(object? cell) => cell switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
    };

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static bool Same(string a, string b) => Normal(a) == Normal(b);

    private static string Normal(string text) =>
        string.Join(' ', text.Trim().TrimEnd('*').Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
