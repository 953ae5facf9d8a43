using System.IO.Compression;
using System.Text;

namespace FormsService.Tests.Merge;

/// <summary>
/// The hostile and merely unusual spreadsheets the merge must bound: each small on the wire, each once a hang, a
/// gigabyte of memory or a 500. Written as a stream, so that the test holds none of them inflated.
/// </summary>
public static class HostileSheets
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// About 2 KB: a header row, one data row, and one cell in row 1,048,576, with 512 columns declared (as a sheet
    /// whose columns were formatted whole declares them). A row reader that walks the used range makes a million rows.
    /// </summary>
    public static byte[] FarCell(IReadOnlyList<string> paths, IReadOnlyList<string> values) => Workbook(w =>
    {
        w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><dimension ref=\"A1:SR1048576\"/>" +
                "<cols><col min=\"1\" max=\"512\" width=\"12\" customWidth=\"1\"/></cols><sheetData>");
        w.Write(Row(1, paths));
        w.Write(Row(2, values));
        w.Write("<row r=\"1048576\"><c r=\"SR1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>");
    });

    /// <summary>A sheet whose every row down to 1,048,576 was formatted: a million empty styled rows after the data.</summary>
    public static byte[] FormattedToTheEnd(IReadOnlyList<string> paths, IReadOnlyList<string> values) => Workbook(w =>
    {
        w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><dimension ref=\"A1:SR1048576\"/><sheetData>");
        w.Write(Row(1, paths));
        w.Write(Row(2, values));
        for (var r = 3; r <= 1_048_576; r++)
            w.Write($"<row r=\"{r}\" s=\"1\" customFormat=\"1\"><c r=\"A{r}\" s=\"1\"/></row>");
        w.Write("</sheetData></worksheet>");
    });

    /// <summary>One shared string of <paramref name="characters"/> letters (95 MiB once passed the inflation check) used by cell A2.</summary>
    public static byte[] LongString(IReadOnlyList<string> paths, int characters) => Workbook(
        w => w.Write($"<?xml version=\"1.0\"?><worksheet xmlns=\"{Main}\"><sheetData>{Row(1, paths)}<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>"),
        s =>
        {
            s.Write($"<?xml version=\"1.0\"?><sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><t>");
            var chunk = new string('a', 64 * 1024);
            for (var left = characters; left > 0; left -= chunk.Length)
                s.Write(left >= chunk.Length ? chunk : chunk[..left]);
            s.Write("</t></si></sst>");
        });

    /// <summary>A shared-string table of <paramref name="count"/> distinct strings (3.4 million fit in 9 MB).</summary>
    public static byte[] ManyStrings(IReadOnlyList<string> paths, int count) => Workbook(
        w => w.Write($"<?xml version=\"1.0\"?><worksheet xmlns=\"{Main}\"><sheetData>{Row(1, paths)}<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>"),
        s =>
        {
            s.Write($"<?xml version=\"1.0\"?><sst xmlns=\"{Main}\" count=\"{count}\" uniqueCount=\"{count}\">");
            for (var i = 0; i < count; i++)
                s.Write($"<si><t>{i}</t></si>");
            s.Write("</sst>");
        });

    /// <summary>A CSV of one line of <paramref name="fields"/> fields (5 million fit in 10 MB), each <paramref name="value"/>.</summary>
    public static byte[] WideCsv(int fields, string value)
    {
        var line = new StringBuilder(fields * (value.Length + 1));
        for (var i = 0; i < fields; i++)
            line.Append(value).Append(',');
        line.Length--;
        return Encoding.ASCII.GetBytes(line.Append("\r\n").ToString());
    }

    private static string Row(int number, IEnumerable<string> cells) =>
        $"<row r=\"{number}\">" + string.Concat(cells.Select((v, i) =>
            $"<c r=\"{SheetFiles.Column(i)}{number}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(v)}</t></is></c>")) + "</row>";

    private static byte[] Workbook(Action<StreamWriter> sheet, Action<StreamWriter>? sharedStrings = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var strings = sharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
            Part(zip, "[Content_Types].xml", w => w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" + strings + "</Types>"));
            Part(zip, "_rels/.rels", w => w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Part(zip, "xl/workbook.xml", w => w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            var sst = sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>";
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" + sst + "</Relationships>"));
            Part(zip, "xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings is not null)
                Part(zip, "xl/sharedStrings.xml", sharedStrings);
        }
        return output.ToArray();
    }

    private static void Part(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        write(writer);
    }
}
