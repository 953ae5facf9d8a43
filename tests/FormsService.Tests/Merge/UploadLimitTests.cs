using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using FormsService.Tests.Support;

namespace FormsService.Tests.Merge;

/// <summary>
/// Every limit of the spreadsheet reader, each reached by a small file under small configured limits: 413 with the
/// limit's own code, worded in the reader's language (Kazakh, Russian, English by Accept-Language), never a 500.
/// </summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private const string Merge = "/api/forms/referral-certificate/merge";
    private ConfiguredServiceFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new ConfiguredServiceFactory(Repo.Forms, new()
        {
            ["Sheets:MaxRows"] = "3", ["Sheets:MaxColumns"] = "8", ["Sheets:MaxCells"] = "20", ["Sheets:MaxCellChars"] = "50",
            ["Sheets:MaxSharedStrings"] = "5", ["Sheets:MaxTextChars"] = "400", ["Sheets:MaxInflatedBytes"] = "100000",
        });
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public static TheoryData<string> Cases() => ["xlsx-too-many-columns", "xlsx-too-many-rows", "xlsx-too-many-cells", "xlsx-cell-too-long",
        "xlsx-too-many-strings", "xlsx-too-much-text", "xlsx-inflates", "csv-too-many-columns", "csv-too-many-rows", "csv-field-too-long"];

    [Theory, MemberData(nameof(Cases))]
    public async Task Each_limit_is_413_with_its_code_in_the_reader_s_language(string code)
    {
        var (file, media) = File(code);
        var details = new Dictionary<string, string>();
        foreach (var language in new[] { "kk", "ru", "en" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Merge) { Content = SheetFiles.Content(file, media) };
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await _client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{language}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal([code], problem.GetProperty("codes").GetProperty("$").EnumerateArray().Select(c => c.GetString()));
            details[language] = problem.GetProperty("detail").GetString()!;
        }
        Assert.Equal(3, details.Values.Distinct().Count());
        Assert.Matches("[а-яА-Я]", details["ru"]);
        Assert.Matches("[әғқңөұүһі]", details["kk"]);
        Assert.DoesNotMatch("[а-яА-Я]", details["en"]);
    }

    private static (byte[] File, string Media) File(string code) => code switch
    {
        "xlsx-too-many-columns" => (Sheet(Rows(1, 9, "a")), SheetFiles.XlsxType),
        "xlsx-too-many-rows" => (Sheet(Rows(10, 1, "a")), SheetFiles.XlsxType),
        "xlsx-too-many-cells" => (Sheet(Rows(3, 8, "a")), SheetFiles.XlsxType),
        "xlsx-cell-too-long" => (Sheet(Rows(1, 1, new string('a', 60))), SheetFiles.XlsxType),
        "xlsx-too-much-text" => (Sheet(Rows(2, 8, new string('a', 45))), SheetFiles.XlsxType),
        "xlsx-too-many-strings" => (SharedStrings(6), SheetFiles.XlsxType),
        "xlsx-inflates" => (SheetFiles.Workbook("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                                + string.Concat(Enumerable.Range(1, 20_000).Select(r => $"<row r=\"{r}\"/>")) + "</sheetData></worksheet>"), SheetFiles.XlsxType),
        "csv-too-many-columns" => (Csv(1, 9, "a"), "text/csv"),
        "csv-too-many-rows" => (Csv(10, 1, "a"), "text/csv"),
        "csv-field-too-long" => (Csv(1, 1, new string('a', 60)), "text/csv"),
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    private static List<List<string>> Rows(int rows, int columns, string value) =>
        Enumerable.Range(0, rows).Select(_ => Enumerable.Repeat(value, columns).ToList()).ToList();

    private static byte[] Sheet(List<List<string>> rows) => SheetFiles.Workbook(SheetFiles.SheetXml(rows));

    private static byte[] Csv(int rows, int columns, string value) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, rows).Select(_ => string.Join(',', Enumerable.Repeat(value, columns)) + "\r\n")));

    /// <summary>A workbook whose shared-string table holds <paramref name="count"/> strings, one cell using the first.</summary>
    private static byte[] SharedStrings(int count)
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var workbook = SheetFiles.Workbook($"<?xml version=\"1.0\"?><worksheet xmlns=\"{main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            Replace(zip, "[Content_Types].xml", s => s.Replace("</Types>", "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>", StringComparison.Ordinal));
            Replace(zip, "xl/_rels/workbook.xml.rels", s => s.Replace("</Relationships>", "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>", StringComparison.Ordinal));
            using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open(), new UTF8Encoding(false));
            writer.Write($"<?xml version=\"1.0\"?><sst xmlns=\"{main}\" count=\"{count}\" uniqueCount=\"{count}\">"
                         + string.Concat(Enumerable.Range(0, count).Select(i => $"<si><t>s{i}</t></si>")) + "</sst>");
        }
        return stream.ToArray();
    }

    private static void Replace(ZipArchive zip, string name, Func<string, string> change)
    {
        var entry = zip.GetEntry(name)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
            text = reader.ReadToEnd();
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(change(text));
    }
}
