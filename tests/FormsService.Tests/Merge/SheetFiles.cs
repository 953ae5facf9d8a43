using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FormsService.Tests.Merge;

/// <summary>Spreadsheets for the merge tests: the service's template filled with the Open XML SDK, and hand-made (hostile) packages.</summary>
public static class SheetFiles
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Writes one row per payload into the template under its path row (row 2), replacing the example row; and into
    /// every array's sheet (named by the array's path) one row per item, keyed by its payload's row in the `row` column.
    /// </summary>
    public static byte[] Fill(byte[] template, IReadOnlyList<JsonElement> payloads)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook!.Sheets!.Elements<Sheet>().ToList();
            for (var s = 0; s < sheets.Count; s++)
            {
                var part = (WorksheetPart)workbook.GetPartById(sheets[s].Id!);
                var data = part.Worksheet!.GetFirstChild<SheetData>()!;
                var paths = data.Elements<Row>().First(r => r.RowIndex! == 2).Elements<Cell>()
                    .Select(c => (Column: new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()), Path: c.InnerText)).ToList();
                foreach (var row in data.Elements<Row>().Where(r => r.RowIndex! >= 3).ToList())
                    row.Remove();
                uint number = 3;
                for (var p = 0; p < payloads.Count; p++)
                {
                    // The main sheet: the payload itself. An array's sheet: each of the payload's items, keyed by its row.
                    var records = s == 0 ? [payloads[p]]
                        : Find(payloads[p], sheets[s].Name!.Value!, leafOnly: false) is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray().ToList() : [];
                    foreach (var record in records)
                    {
                        var row = new Row { RowIndex = number };
                        foreach (var (column, path) in paths)
                        {
                            var value = s > 0 && path == "row" ? JsonSerializer.SerializeToElement(3 + p)
                                : s > 0 && path == "value" ? record
                                : Find(record, path);
                            if (value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array) } v)
                                row.Append(Cell($"{column}{number}", v));
                        }
                        data.Append(row);
                        number++;
                    }
                }
                part.Worksheet.Save();
            }
        }
        return stream.ToArray();
    }

    private static Cell Cell(string reference, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => new Cell { CellReference = reference, CellValue = new CellValue(value.GetDouble()) },
        JsonValueKind.True or JsonValueKind.False => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(value.GetBoolean()) },
        _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.GetString()!)) },
    };

    /// <summary>The value at a path ("convict.surname", "days[2].hours"); only a leaf unless <paramref name="leafOnly"/> is false.</summary>
    public static JsonElement? Find(JsonElement root, string path, bool leafOnly = true)
    {
        var current = root;
        foreach (var segment in System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value))
        {
            if (segment.StartsWith('['))
            {
                var index = int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                    return null;
                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
                return null;
        }
        return leafOnly && current.ValueKind is JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array ? null : current;
    }

    /// <summary>The example with <paramref name="path"/> set to <paramref name="value"/>.</summary>
    public static JsonElement With(JsonElement example, string path, object value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(example.GetRawText())!.AsObject();
        var segments = path.Split('.');
        var obj = node;
        foreach (var s in segments[..^1])
            obj = (obj[s] ??= new System.Text.Json.Nodes.JsonObject()).AsObject();
        obj[segments[^1]] = System.Text.Json.Nodes.JsonValue.Create(value);
        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>A minimal workbook around a sheet's XML, as a spreadsheet program would zip it (or a hostile one would).</summary>
    public static byte[] Workbook(string sheetXml, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>", level);
            Part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>", level);
            Part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", level);
            Part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>", level);
            Part(zip, "xl/worksheets/sheet1.xml", sheetXml, level);
        }
        return output.ToArray();
    }

    /// <summary>A sheet's XML from rows of cells; a cell starting with '=' is a formula whose cached value follows '|'.</summary>
    public static string SheetXml(IEnumerable<IEnumerable<string>> rows)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var r = 1;
        foreach (var row in rows)
        {
            sb.Append($"<row r=\"{r}\">");
            var c = 0;
            foreach (var cell in row)
            {
                var reference = $"{Column(c)}{r}";
                if (cell.StartsWith('='))
                {
                    var parts = cell[1..].Split('|');
                    var numeric = double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
                    sb.Append($"<c r=\"{reference}\"{(numeric ? "" : " t=\"str\"")}><f>{System.Security.SecurityElement.Escape(parts[0])}</f><v>{System.Security.SecurityElement.Escape(parts[1])}</v></c>");
                }
                else if (cell.Length > 0)
                    sb.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(cell)}</t></is></c>");
                c++;
            }
            sb.Append("</row>");
            r++;
        }
        return sb.Append("</sheetData></worksheet>").ToString();
    }

    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";

    private static void Part(ZipArchive zip, string name, string text, CompressionLevel level)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    public static ByteArrayContent Content(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    public static MultipartFormDataContent Multipart(byte[] bytes, string fileName, string mediaType)
    {
        var form = new MultipartFormDataContent();
        form.Add(Content(bytes, mediaType), "file", fileName);
        return form;
    }

    /// <summary>The entries of a ZIP answer, by name.</summary>
    public static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    /// <summary>The cells of a workbook's first sheet as text, row by row (read with the Open XML SDK, not the service's reader).</summary>
    public static List<List<string>> Cells(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
