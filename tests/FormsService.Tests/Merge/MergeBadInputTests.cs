using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using FormsService.Tests.Support;

namespace FormsService.Tests.Merge;

/// <summary>Every kind of bad upload gets its own clear 4xx problem, never a 5xx; empty rows and encodings are handled.</summary>
public sealed class MergeBadInputTests : IClassFixture<MergeBadInputTests.SmallLimits>
{
    /// <summary>Limits small enough to reach in a test: 5 rows, 64 KB uploads, 2 MB inflated.</summary>
    public sealed class SmallLimits() : ServiceFactory(Repo.Forms, new()
    {
        ["Sheets:MaxRows"] = "5",
        ["Sheets:MaxUploadBytes"] = "65536",
        ["Sheets:MaxInflatedBytes"] = "2097152",
    });

    private const string Merge = "/api/forms/referral-certificate/merge";
    private readonly HttpClient _client;

    public MergeBadInputTests(SmallLimits factory) => _client = factory.CreateClient();

    [Fact]
    public async Task More_rows_than_the_limit_is_413()
    {
        var csv = await Csv(Enumerable.Repeat(await ExampleRow(), 6));
        await AssertProblem(await Post(csv, "text/csv"), HttpStatusCode.RequestEntityTooLarge, "at most 5");
    }

    [Fact]
    public async Task An_upload_over_the_byte_limit_is_413()
    {
        var big = new byte[70_000];
        Array.Fill(big, (byte)'a');
        await AssertProblem(await Post(big, "text/csv"), HttpStatusCode.RequestEntityTooLarge, "65536");
        await AssertProblem(await _client.PostAsync(Merge, SheetFiles.Multipart(big, "big.csv", "text/csv")), HttpStatusCode.RequestEntityTooLarge, "65536");
    }

    [Fact]
    public async Task A_file_that_is_not_the_type_it_claims_is_415()
    {
        await AssertProblem(await Post(Encoding.UTF8.GetBytes("a,b\n1,2\n"), SheetFiles.XlsxType), HttpStatusCode.UnsupportedMediaType, "not one");
        var workbook = SheetFiles.Workbook(SheetFiles.SheetXml([["convict.surname"], ["Әбенов"]]));
        await AssertProblem(await Post(workbook, "text/csv"), HttpStatusCode.UnsupportedMediaType, "binary");
        await AssertProblem(await Post(Encoding.UTF8.GetBytes("{}"), "application/json"), HttpStatusCode.UnsupportedMediaType, ".xlsx");
        await AssertProblem(await _client.PostAsync(Merge, SheetFiles.Multipart([1, 2, 3], "notes.txt", "text/plain")), HttpStatusCode.UnsupportedMediaType, ".csv");
        // A zip that is no workbook (a DOCX, say).
        await AssertProblem(await Post(ZipOf(("word/document.xml", "<w/>")), SheetFiles.XlsxType), HttpStatusCode.UnsupportedMediaType, "xl/workbook.xml");
    }

    [Fact]
    public async Task A_password_protected_workbook_is_422_and_a_legacy_xls_415()
    {
        await AssertProblem(await Post(CompoundFile("EncryptionInfo", "EncryptedPackage"), SheetFiles.XlsxType), HttpStatusCode.UnprocessableEntity, "password");
        await AssertProblem(await Post(CompoundFile("Workbook"), SheetFiles.XlsxType), HttpStatusCode.UnsupportedMediaType, ".xls");
    }

    [Fact]
    public async Task A_corrupt_workbook_is_400()
    {
        var workbook = SheetFiles.Workbook(SheetFiles.SheetXml([["convict.surname"], ["Әбенов"]]));
        var truncated = workbook[..(workbook.Length / 2)];
        await AssertProblem(await Post(truncated, SheetFiles.XlsxType), HttpStatusCode.BadRequest, "damaged");
        var garbage = Encoding.ASCII.GetBytes("PK\u0003\u0004 this is no zip at all, only its first four bytes are");
        await AssertProblem(await Post(garbage, SheetFiles.XlsxType), HttpStatusCode.BadRequest, "damaged");
        var notXml = SheetFiles.Workbook("<worksheet><sheetData><row></sheetData>");
        await AssertProblem(await Post(notXml, SheetFiles.XlsxType), HttpStatusCode.BadRequest, "well-formed");
    }

    [Fact]
    public async Task A_zip_bomb_is_413_by_what_it_really_inflates_to()
    {
        // 20 MB of empty rows inside the sheet: a few KB on the wire, ten times the inflation budget.
        var sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                    new StringBuilder().Insert(0, "<row/>", 20 * 1024 * 1024 / 6) + "</sheetData></worksheet>";
        var bomb = SheetFiles.Workbook(sheet, CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < 65536, $"the bomb is {bomb.Length} bytes");
        await AssertProblem(await Post(bomb, SheetFiles.XlsxType), HttpStatusCode.RequestEntityTooLarge, "zip bomb");
    }

    [Fact]
    public async Task Deep_xml_and_entity_expansion_are_400()
    {
        var deep = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                   string.Concat(Enumerable.Repeat("<x>", 5000)) + string.Concat(Enumerable.Repeat("</x>", 5000)) + "</worksheet>";
        await AssertProblem(await Post(SheetFiles.Workbook(deep), SheetFiles.XlsxType), HttpStatusCode.BadRequest, "nests deeper");

        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
                     "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>" +
                     "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
        await AssertProblem(await Post(SheetFiles.Workbook(laughs), SheetFiles.XlsxType), HttpStatusCode.BadRequest, "DTD");
    }

    [Fact]
    public async Task Formulas_are_never_evaluated_their_cached_values_are_read()
    {
        var example = await ExampleRow();
        var (paths, values) = (example.Keys.ToList(), example.Values.ToList());
        var hours = paths.IndexOf("verdict.hours");
        var surname = paths.IndexOf("convict.surname");
        // Evaluated, 1000+201 would break the 1–1200 rule; the cached 120 is what Excel showed the clerk.
        values[hours] = "=1000+201|120";
        values[surname] = "=UPPER(\"x\")|Формулов";
        var workbook = SheetFiles.Workbook(SheetFiles.SheetXml([paths, values]));
        var response = await _client.PostAsync(Merge + "?output=single", SheetFiles.Content(workbook, SheetFiles.XlsxType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = DocumentText.Pdf(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Формулов", text);
        Assert.Contains("120", text);
        Assert.DoesNotContain("1201", text);
    }

    [Fact]
    public async Task Csv_reads_as_utf8_with_or_without_bom_and_as_windows_1251_detected_or_declared()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var row = await ExampleRow();
        // Windows-1251 has Russian letters only: the row is written in them.
        foreach (var key in row.Keys.ToList())
            row[key] = ToRussian(row[key]);
        row["convict.surname"] = "Иванов";
        row["issuer.position"] = "инспекторы";
        var text = string.Join("\r\n", [string.Join(";", row.Keys), string.Join(";", row.Values.Select(v => $"\"{v}\""))]) + "\r\n";
        var cp1251 = Encoding.GetEncoding(1251);
        var cases = new (byte[] Bytes, string Media)[]
        {
            ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], "text/csv"),
            (Encoding.UTF8.GetBytes(text), "text/csv"),
            (cp1251.GetBytes(text), "text/csv"),
            (cp1251.GetBytes(text), "text/csv; charset=windows-1251"),
        };
        foreach (var (bytes, media) in cases)
        {
            var response = await Post(bytes, media, "?output=single");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{media}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Contains("Иванов", DocumentText.Pdf(await response.Content.ReadAsByteArrayAsync()));
        }
        await AssertProblem(await Post(cp1251.GetBytes(text), "text/csv; charset=utf-8"), HttpStatusCode.BadRequest, "utf-8");
        await AssertProblem(await Post(Encoding.UTF8.GetBytes(text), "text/csv; charset=x-klingon"), HttpStatusCode.UnsupportedMediaType, "charset");
    }

    [Fact]
    public async Task Duplicate_and_unknown_headers_are_422_naming_the_cell()
    {
        var row = await ExampleRow();
        var duplicate = $"convict.surname,Тегі,Фамилия\r\nӘбенов,Әбенов,Әбенов\r\n";
        var problem = await AssertProblem(await Post(Encoding.UTF8.GetBytes(duplicate), "text/csv"), HttpStatusCode.UnprocessableEntity, "headers");
        Assert.True(problem.GetProperty("errors").TryGetProperty("B1", out var b1), problem.ToString());
        Assert.Contains("A1", b1[0].GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("C1", out _));

        var unknown = $"convict.surname,Жалақы\r\nӘбенов,100\r\n";
        problem = await AssertProblem(await Post(Encoding.UTF8.GetBytes(unknown), "text/csv"), HttpStatusCode.UnprocessableEntity, "headers");
        Assert.Contains("Жалақы", problem.GetProperty("errors").GetProperty("B1")[0].GetString());
        _ = row;
    }

    [Fact]
    public async Task Headers_match_by_kazakh_or_russian_label_and_empty_rows_are_skipped()
    {
        var row = await ExampleRow();
        var schema = JsonDocument.Parse(await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/schema")).RootElement;
        // Russian labels where they are unique, Kazakh labels elsewhere, and empty rows between the data.
        var headers = row.Keys.Select((path, i) =>
        {
            var (parent, leaf) = path.Contains('.') ? (path.Split('.')[0], path.Split('.')[1]) : ((string?)null, path);
            var node = parent is null ? schema.GetProperty("properties").GetProperty(leaf) : schema.GetProperty("properties").GetProperty(parent).GetProperty("properties").GetProperty(leaf);
            return i % 2 == 0 || path.EndsWith("bodyName", StringComparison.Ordinal) ? path : node.GetProperty("x-labels").GetProperty("ru").GetString()!;
        }).ToList();
        var line = string.Join(",", row.Values.Select(v => $"\"{v}\""));
        var csv = string.Join("\r\n", [string.Join(",", headers), line, "", new string(',', headers.Count - 1), line]) + "\r\n";
        var response = await Post(Encoding.UTF8.GetBytes(csv), "text/csv", "?output=report");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, report.GetProperty("rendered").GetInt32());
        Assert.Equal([2, 5], report.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("row").GetInt32()));
    }

    [Fact]
    public async Task Workbook_rows_keep_the_numbers_excel_shows_across_gaps()
    {
        var row = await ExampleRow();
        static string Cells(int r, IEnumerable<string> values) =>
            $"<row r=\"{r}\">" + string.Concat(values.Select((v, i) => $"<c r=\"{SheetFiles.Column(i)}{r}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(v)}</t></is></c>")) + "</row>";
        var bad = row.ToDictionary(p => p.Key, p => p.Key == "verdict.hours" ? "5000" : p.Value);
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                  Cells(1, row.Keys) + Cells(2, row.Values) + Cells(7, bad.Values) + Cells(9, row.Values) + "</sheetData></worksheet>";
        var response = await Post(SheetFiles.Workbook(xml), SheetFiles.XlsxType, "?output=report");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([2, 7, 9], items.Select(i => i.GetProperty("row").GetInt32()));
        Assert.Equal(422, items[1].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_spreadsheet_without_data_rows_is_422_and_single_needs_pdf()
    {
        await AssertProblem(await Post(Encoding.UTF8.GetBytes("convict.surname\r\n\r\n"), "text/csv"), HttpStatusCode.UnprocessableEntity, "no data rows");
        var response = await Post(Encoding.UTF8.GetBytes("convict.surname\r\nӘбенов\r\n"), "text/csv", "?output=single&format=docx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("output", out _));
        // Every row broken: nothing to print, each row's problems by row and path.
        var problem = await AssertProblem(await Post(Encoding.UTF8.GetBytes("convict.surname\r\nӘбенов\r\n"), "text/csv", "?output=single"),
            HttpStatusCode.UnprocessableEntity, "");
        Assert.True(problem.GetProperty("errors").TryGetProperty("row 2: verdict", out _), problem.ToString());
    }

    private async Task<Dictionary<string, string>> ExampleRow()
    {
        var template = await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/template.csv");
        var lines = template.TrimStart('\uFEFF').Split("\r\n");
        var paths = lines[1].Split(',');
        var values = SplitCsv(lines[2]);
        return paths.Zip(values).Where(p => p.Second.Length > 0).ToDictionary(p => p.First, p => p.Second);
    }

    private async Task<byte[]> Csv(IEnumerable<Dictionary<string, string>> rows)
    {
        var list = rows.ToList();
        var sb = new StringBuilder(string.Join(",", list[0].Keys)).Append("\r\n");
        foreach (var row in list)
            sb.Append(string.Join(",", row.Values.Select(v => $"\"{v.Replace("\"", "\"\"")}\""))).Append("\r\n");
        await Task.CompletedTask;
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }

    private static string ToRussian(string s) => new(s.Select(c => c switch
    {
        'ә' => 'а', 'Ә' => 'А', 'ғ' => 'г', 'Ғ' => 'Г', 'қ' => 'к', 'Қ' => 'К', 'ң' => 'н', 'Ң' => 'Н', 'ө' => 'о', 'Ө' => 'О',
        'ұ' => 'у', 'Ұ' => 'У', 'ү' => 'у', 'Ү' => 'У', 'һ' => 'х', 'Һ' => 'Х', 'і' => 'и', 'І' => 'И', '«' => '"', '»' => '"', _ => c,
    }).ToArray());

    private Task<HttpResponseMessage> Post(byte[] bytes, string media, string query = "") => _client.PostAsync(Merge + query, SheetFiles.Content(bytes, media));

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var problem = await response.ProblemAsync();
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        var title = problem.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
        Assert.True((detail + " " + title).Contains(detailPart, StringComparison.OrdinalIgnoreCase), body);
        return problem;
    }

    private static byte[] ZipOf(params (string Name, string Text)[] parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in parts)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        return output.ToArray();
    }

    /// <summary>
    /// A compound-file (OLE2) container as Office writes for .xls and for password-protected .xlsx: the signature, and
    /// directory entries named in UTF-16. Excel's encrypted workbooks hold "EncryptionInfo" and "EncryptedPackage".
    /// </summary>
    private static byte[] CompoundFile(params string[] streams)
    {
        var file = new byte[512 * 4];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        var at = 1024;
        foreach (var name in new[] { "Root Entry" }.Concat(streams))
        {
            var utf16 = Encoding.Unicode.GetBytes(name + "\0");
            utf16.CopyTo(file, at);
            file[at + 64] = (byte)utf16.Length;
            at += 128;
        }
        return file;
    }
}
