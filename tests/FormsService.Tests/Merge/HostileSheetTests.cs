using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FormsService.Core.Engine.Sheets;
using FormsService.Tests.Support;

namespace FormsService.Tests.Merge;

/// <summary>
/// Hostile and unusual spreadsheets, with the service's default limits: each answered with a 4xx or a result within
/// seconds, read with bounded memory (what the reading thread allocates, measured around the reader itself).
/// </summary>
// Bounded in time as well as memory: run alone, after the parallel tests, so that their CPU cannot break the bound.
[Collection(TimedCollection.Name)]
public sealed class HostileSheetTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Merge = "/api/forms/referral-certificate/merge";
    private const long Megabyte = 1024 * 1024;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_2_kb_workbook_with_one_cell_in_the_last_row_reads_as_its_two_rows_at_once()
    {
        var (paths, values) = await Example();
        var file = HostileSheets.FarCell(paths, values);
        Assert.True(file.Length < 4096, $"{file.Length} bytes");
        var (workbook, allocated, elapsed) = Measure(file, UploadKind.Xlsx);
        Assert.Equal([1, 2, 1_048_576], workbook!.Sheets[0].Rows.Select(r => r.Number));
        Assert.True(allocated < 8 * Megabyte, $"{allocated / Megabyte} MB allocated");

        var watch = Stopwatch.StartNew();
        var response = await _client.PostAsync(Merge + "?output=report", SheetFiles.Content(file, SheetFiles.XlsxType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([2, 1_048_576], items.Select(i => i.GetProperty("row").GetInt32()));
        Assert.Equal([200, 422], items.Select(i => i.GetProperty("status").GetInt32()));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed} (reading alone {elapsed})");
    }

    [Fact]
    public async Task A_sheet_formatted_down_to_row_1048576_is_an_ordinary_file()
    {
        var (paths, values) = await Example();
        var file = HostileSheets.FormattedToTheEnd(paths, values);
        var (workbook, allocated, elapsed) = Measure(file, UploadKind.Xlsx);
        Assert.Equal([1, 2], workbook!.Sheets[0].Rows.Select(r => r.Number));
        // A million empty rows cost their reading and nothing kept: a few short strings each (the SDK's own reader
        // allocated eight times as much), and seconds on a busy machine.
        Assert.True(allocated < 256 * Megabyte, $"{allocated / Megabyte} MB allocated");
        Assert.True(elapsed < TimeSpan.FromSeconds(30), elapsed.ToString());
        var response = await _client.PostAsync(Merge + "?output=report", SheetFiles.Content(file, SheetFiles.XlsxType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_95_mib_string_is_413_before_it_is_gathered()
    {
        var (paths, _) = await Example();
        var file = HostileSheets.LongString(paths, 95 * 1024 * 1024);
        Assert.True(file.Length < 1024 * 1024, $"{file.Length} bytes");
        var (_, allocated, elapsed) = Measure(file, UploadKind.Xlsx, "xlsx-text-too-long");
        Assert.True(allocated < 16 * Megabyte, $"{allocated / Megabyte} MB allocated");
        Assert.True(elapsed < TimeSpan.FromSeconds(5), elapsed.ToString());
        await AssertProblem(await _client.PostAsync(Merge, SheetFiles.Content(file, SheetFiles.XlsxType)), HttpStatusCode.RequestEntityTooLarge, "xlsx-text-too-long");
    }

    [Fact]
    public async Task A_cell_longer_than_excel_allows_is_413_naming_the_limit()
    {
        var (paths, _) = await Example();
        var file = HostileSheets.LongString(paths, 40_000);
        await AssertProblem(await _client.PostAsync(Merge, SheetFiles.Content(file, SheetFiles.XlsxType)), HttpStatusCode.RequestEntityTooLarge, "xlsx-cell-too-long");
    }

    [Fact]
    public async Task Millions_of_shared_strings_are_413_at_the_limit_not_after_the_table()
    {
        var (paths, _) = await Example();
        var file = HostileSheets.ManyStrings(paths, 3_400_000);
        Assert.True(file.Length < 10 * 1024 * 1024, $"{file.Length} bytes");
        var (_, allocated, elapsed) = Measure(file, UploadKind.Xlsx, "xlsx-too-many-strings");
        Assert.True(elapsed < TimeSpan.FromSeconds(20), elapsed.ToString());
        await AssertProblem(await _client.PostAsync(Merge, SheetFiles.Content(file, SheetFiles.XlsxType)), HttpStatusCode.RequestEntityTooLarge, "xlsx-too-many-strings");
        _ = allocated;
    }

    [Fact]
    public async Task A_csv_of_5_million_fields_is_413_at_the_first_field_past_the_limit()
    {
        var file = HostileSheets.WideCsv(5_000_000, "1");
        Assert.True(file.Length < 10 * 1024 * 1024, $"{file.Length} bytes");
        var (_, allocated, elapsed) = Measure(file, UploadKind.Csv, "csv-too-many-columns");
        // The text decoded (20 MB for 10 MB of bytes) and nothing else: no list of five million strings.
        Assert.True(allocated < 48 * Megabyte, $"{allocated / Megabyte} MB allocated");
        Assert.True(elapsed < TimeSpan.FromSeconds(5), elapsed.ToString());
        await AssertProblem(await _client.PostAsync(Merge, SheetFiles.Content(file, "text/csv")), HttpStatusCode.RequestEntityTooLarge, "csv-too-many-columns");
    }

    [Fact]
    public async Task A_csv_of_5_million_empty_fields_is_a_blank_line_and_costs_no_list()
    {
        var file = HostileSheets.WideCsv(5_000_000, "");
        var (_, allocated, _) = Measure(file, UploadKind.Csv);
        Assert.True(allocated < 48 * Megabyte, $"{allocated / Megabyte} MB allocated");
        var response = await _client.PostAsync(Merge, SheetFiles.Content(file, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    /// <summary>Reads a file on this thread: the workbook (or the problem's code), the bytes this thread allocated, the time.</summary>
    private static (UploadedWorkbook? Workbook, long Allocated, TimeSpan Elapsed) Measure(byte[] file, UploadKind kind, string? expectedCode = null)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        UploadedWorkbook? workbook = null;
        try
        {
            workbook = UploadedWorkbook.Read(file, kind, null, new SheetLimits());
            Assert.Null(expectedCode);
        }
        catch (SheetProblem problem)
        {
            Assert.True(expectedCode is not null, problem.Message);
            Assert.Contains(expectedCode, problem.Message, StringComparison.Ordinal);
        }
        return (workbook, GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed);
    }

    private async Task<(List<string> Paths, List<string> Values)> Example()
    {
        var template = await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/template.csv");
        var lines = template.TrimStart('\uFEFF').Split("\r\n");
        var paths = lines[1].Split(',').ToList();
        var values = new List<string>();
        // The example row, its quoted fields unquoted.
        var field = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in lines[2])
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { values.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        values.Add(field.ToString());
        return (paths, values);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Contains(code, body, StringComparison.Ordinal);
    }
}
