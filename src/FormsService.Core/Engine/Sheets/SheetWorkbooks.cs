using FormsService.Core.Engine.Payloads;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Engine.Sheets;

/// <summary>
/// The workbooks the service writes with the Open XML SDK: a version's template (a row of Kazakh labels, a row of JSON
/// paths, Excel data validation from the schema with the Russian label as the cell's prompt, the example as the first
/// data row, a sheet per array) and errors.xlsx. Repacked with fixed times: the same input gives the same bytes.
/// </summary>
internal static class SheetWorkbooks
{
    private const uint Bold = 1, PathStyle = 2, TextStyle = 3, DateStyle = 4, Wrap = 5, Echoed = 6, EchoedHeader = 7;
    private const int LastRow = 1_048_576;

    /// <summary>The row of the main sheet the example sits in, under the label and path rows: its items key to it.</summary>
    private const int ExampleRow = 3;

    public static byte[] Template(FormVersion version)
    {
        var layout = SheetLayout.For(version);
        var example = version.Example is { ValueKind: JsonValueKind.Object } e ? e : (JsonElement?)null;
        var sheets = new List<(string Name, Worksheet Sheet)>
        {
            (SheetBinder.SheetName(version.Definition.ShortTitle), TemplateSheet(layout.Columns, example is { } ex ? [Values(layout.Columns, p => Find(ex, p))] : [])),
        };
        foreach (var array in layout.Arrays)
        {
            var columns = new List<SheetColumn> { layout.Key };
            columns.AddRange(array.Columns);
            var rows = new List<IReadOnlyList<JsonElement?>>();
            if (example is { } ex2 && Find(ex2, array.Path) is { ValueKind: JsonValueKind.Array } items)
                foreach (var item in items.EnumerateArray())
                    rows.Add([JsonSerializer.SerializeToElement(ExampleRow), .. Values(array.Columns, p => p.Length == 0 ? item : Find(item, p))]);
            sheets.Add((SheetBinder.SheetName(array.Path), TemplateSheet(columns, rows)));
        }
        return Write(sheets);
    }

    /// <summary>A CSV template (UTF-8 with a byte-order mark, so Excel opens it as UTF-8): labels, paths, the example; arrays as indexed columns.</summary>
    public static byte[] CsvTemplate(FormVersion version)
    {
        var layout = SheetLayout.For(version);
        var example = version.Example is { ValueKind: JsonValueKind.Object } e ? e : (JsonElement?)null;
        var labels = new List<string>();
        var paths = new List<string>();
        var values = new List<string>();
        foreach (var column in layout.Columns)
        {
            labels.Add(column.Label);
            paths.Add(column.Path);
            values.Add(example is { } ex && Find(ex, column.Path) is { } v ? SheetLayout.Format(v) : "");
        }
        foreach (var array in layout.Arrays)
        {
            var items = example is { } ex && Find(ex, array.Path) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().ToList() : [];
            for (var i = 0; i < Math.Max(1, items.Count); i++)
                foreach (var column in array.Columns)
                {
                    labels.Add($"{array.Label} {i + 1}{(column.Path.Length > 0 ? ": " + column.Label : "")}");
                    paths.Add(column.Path.Length == 0 ? $"{array.Path}[{i}]" : $"{array.Path}[{i}].{column.Path}");
                    var item = i < items.Count ? items[i] : (JsonElement?)null;
                    values.Add(item is { } it && (column.Path.Length == 0 ? it : Find(it, column.Path)) is { } v ? SheetLayout.Format(v) : "");
                }
        }
        var text = new StringBuilder("\uFEFF");
        foreach (var line in new[] { labels, paths, values })
            text.Append(string.Join(',', line.Select(Quote))).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// errors.xlsx: each bad row as uploaded, its number, and its problems (label, JSON path, message). What the upload
    /// held (its label row and its cells) is echoed as inline strings in a text format with Excel's quote prefix:
    /// never a formula, and still text when a clerk edits the cell or saves the sheet as CSV from a spreadsheet program.
    /// </summary>
    public static byte[] Errors(SheetRows rows, SheetLayout layout, Func<Message, string> word)
    {
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        header.Append(Cell("A1", "Жол № / Строка №", Bold), Cell("B1", "Қателер / Ошибки", Bold));
        for (var i = 0; i < rows.Headers.Count; i++)
            header.Append(Cell($"{SheetBinder.ColumnName(i + 2)}1", rows.Headers[i], EchoedHeader));
        data.Append(header);
        uint r = 2;
        foreach (var row in rows.Rows.Where(x => x.Errors.Count > 0))
        {
            var line = new Row { RowIndex = r };
            line.Append(new Cell { CellReference = $"A{r}", CellValue = new CellValue(row.Number) });
            var problems = string.Join("\n", row.Errors.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => $"{Label(layout, e.Key)}{e.Key}: {string.Join(" ", e.Value.Select(word))}"));
            line.Append(Cell($"B{r}", problems, Wrap));
            for (var i = 0; i < row.Cells.Count; i++)
                if (SheetBinder.CellText(row.Cells[i]) is { Length: > 0 } text)
                    line.Append(Cell($"{SheetBinder.ColumnName(i + 2)}{r}", text, Echoed)); // as text: an uploaded '=…' never becomes a formula
            data.Append(line);
            r++;
        }
        var sheet = new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 10, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 70, CustomWidth = true }), data);
        return Write([("Қателер", sheet)]);
    }

    private static string Label(SheetLayout layout, string path)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "");
        return layout.Column(plain) is { } c ? $"{c.Label} — " : "";
    }

    private static IReadOnlyList<JsonElement?> Values(IReadOnlyList<SheetColumn> columns, Func<string, JsonElement?> find) =>
        columns.Select(c => find(c.Path)).ToList();

    private static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var segment in System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value))
        {
            if (segment.StartsWith('['))
            {
                var index = int.Parse(segment[1..^1], CultureInfo.InvariantCulture);
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                    return null;
                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
                return null;
        }
        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    private static Worksheet TemplateSheet(IReadOnlyList<SheetColumn> columns, IReadOnlyList<IReadOnlyList<JsonElement?>> rows)
    {
        var cols = new Columns();
        var data = new SheetData();
        var labels = new Row { RowIndex = 1 };
        var paths = new Row { RowIndex = 2 };
        var validations = new DataValidations();
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var name = SheetBinder.ColumnName(i);
            cols.Append(new Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(c.Label.Length * 1.1 + 2, 12, 45), CustomWidth = true,
                Style = c.Kind switch { CellKind.Text => TextStyle, CellKind.Date => DateStyle, _ => 0u },
            });
            labels.Append(Cell($"{name}1", c.Label, Bold));
            paths.Append(Cell($"{name}2", c.Path.Length == 0 ? SheetBinder.PlainItemPath : c.Path, PathStyle));
            if (Validation(c, $"{name}3:{name}{LastRow}") is { } v)
                validations.Append(v);
        }
        data.Append(labels, paths);
        uint r = 3;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = r };
            for (var i = 0; i < columns.Count; i++)
                if (values[i] is { } value)
                    row.Append(ValueCell($"{SheetBinder.ColumnName(i)}{r}", columns[i], value));
            data.Append(row);
            r++;
        }
        var sheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0 }),
            cols, data);
        if (validations.HasChildren)
        {
            validations.Count = (uint)validations.ChildElements.Count;
            sheet.Append(validations);
        }
        return sheet;
    }

    private static Cell ValueCell(string reference, SheetColumn column, JsonElement value)
    {
        switch (column.Kind)
        {
            case CellKind.Integer or CellKind.Number when value.ValueKind == JsonValueKind.Number:
                return new Cell { CellReference = reference, CellValue = new CellValue(value.GetDouble()) };
            case CellKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(value.GetBoolean()) };
            case CellKind.Date when value.ValueKind == JsonValueKind.String
                                    && DateTime.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(date.ToOADate().ToString(CultureInfo.InvariantCulture)) };
            default:
                return Cell(reference, SheetLayout.Format(value), column.Kind == CellKind.Text ? TextStyle : 0);
        }
    }

    private static DataValidation? Validation(SheetColumn c, string range)
    {
        var (type, op, f1, f2, hint) = c.Kind switch
        {
            CellKind.Date => (DataValidationValues.Date, DataValidationOperatorValues.Between, "1", "73415", "ЖЖЖЖ-АА-КК / ГГГГ-ММ-ДД"),
            CellKind.Integer => (DataValidationValues.Whole, DataValidationOperatorValues.Between, Num(c.Minimum ?? int.MinValue), Num(c.Maximum ?? int.MaxValue),
                c.Minimum is not null ? $"{Num(c.Minimum.Value)}–{Num(c.Maximum ?? int.MaxValue)}" : "бүтін сан / целое число"),
            CellKind.Number => (DataValidationValues.Decimal, DataValidationOperatorValues.Between, Num(c.Minimum ?? -1e15), Num(c.Maximum ?? 1e15),
                c.Minimum is not null ? $"{Num(c.Minimum.Value)}–{Num(c.Maximum ?? 1e15)}" : "сан / число"),
            CellKind.Boolean => (DataValidationValues.List, (DataValidationOperatorValues?)null, "\"true,false\"", (string?)null, "true / false"),
            _ when c.Choices is { } choices && string.Join(",", choices).Length < 250 =>
                (DataValidationValues.List, null, $"\"{string.Join(",", choices)}\"", null, string.Join(" / ", choices)),
            _ when c.MaxLength is { } max => (DataValidationValues.TextLength, DataValidationOperatorValues.LessThanOrEqual, max.ToString(CultureInfo.InvariantCulture), null,
                $"≤ {max} таңба / символов"),
            _ => ((DataValidationValues?)null, (DataValidationOperatorValues?)null, (string?)null, (string?)null, (string?)null),
        };
        if (type is null)
            return null;
        var validation = new DataValidation
        {
            Type = type, AllowBlank = true, ShowInputMessage = true, ShowErrorMessage = true,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
            PromptTitle = Limit(c.Path.Length == 0 ? SheetBinder.PlainItemPath : c.Path, 32),
            Prompt = Limit($"{c.LabelRu ?? c.Label}. {hint}", 255),
            ErrorTitle = Limit(c.Label, 32),
            Error = Limit($"{hint}", 225),
        };
        if (op is not null) validation.Operator = op;
        validation.Append(new Formula1(f1!));
        if (f2 is not null) validation.Append(new Formula2(f2));
        return validation;
    }

    private static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string Limit(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static Cell Cell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n', ';']) >= 0 || field.StartsWith(' ') || field.EndsWith(' ') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new DocumentFormat.OpenXml.Spreadsheet.Fonts(new Font(), new Font(new Bold()), new Font(new Italic(), new Color { Rgb = "FF808080" })) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { FontId = 2, ApplyFont = true, NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true, QuotePrefix = true },
            new CellFormat { FontId = 1, ApplyFont = true, NumberFormatId = 49, ApplyNumberFormat = true, QuotePrefix = true }) { Count = 8 });

    private static byte[] Write(IReadOnlyList<(string Name, Worksheet Sheet)> sheets)
    {
        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Styles();
            var list = new DocumentFormat.OpenXml.Spreadsheet.Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                var id = $"rIdSheet{i + 1}";
                var part = workbook.AddNewPart<WorksheetPart>(id);
                part.Worksheet = sheets[i].Sheet;
                list.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)i + 1, Id = id });
            }
            workbook.Workbook.Append(list);
        }
        return Repack(package.ToArray());
    }

    /// <summary>The SDK's package stamps the time on every part: the same parts, in the same order, at a fixed time.</summary>
    private static byte[] Repack(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                copy.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
