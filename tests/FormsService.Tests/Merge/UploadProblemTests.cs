using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FormsService.Api.Operations;
using FormsService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FormsService.Tests.Merge;

/// <summary>Every bad upload is a 4xx with a coded problem, never a 500: charsets, broken multipart, limits.</summary>
public sealed class UploadProblemTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Merge = "/api/forms/referral-certificate/merge";
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("convict.surname\r\nӘбенов\r\n");

    [Fact]
    public async Task Utf7_in_the_header_is_415()
    {
        var response = await _client.PostAsync(Merge, SheetFiles.Content(Csv, "text/csv; charset=utf-7"));
        await AssertCoded(response, HttpStatusCode.UnsupportedMediaType, "csv-unsupported-charset");
    }

    [Fact]
    public async Task Utf7_in_the_query_is_415()
    {
        var response = await _client.PostAsync(Merge + "?charset=UTF-7", SheetFiles.Content(Csv, "text/csv"));
        await AssertCoded(response, HttpStatusCode.UnsupportedMediaType, "csv-unsupported-charset");
    }

    [Fact]
    public async Task Utf7_in_a_multipart_part_is_415()
    {
        var response = await _client.PostAsync(Merge, SheetFiles.Multipart(Csv, "rows.csv", "text/csv; charset=utf-7"));
        await AssertCoded(response, HttpStatusCode.UnsupportedMediaType, "csv-unsupported-charset");
    }

    [Fact]
    public async Task A_json_body_in_another_charset_than_utf8_is_415()
    {
        var content = new StringContent(Repo.Example("referral-certificate"), Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-7" };
        var response = await _client.PostAsync("/api/forms/referral-certificate/validate", content);
        await AssertCoded(response, HttpStatusCode.UnsupportedMediaType, "body-charset");
        content = new StringContent(Repo.Example("referral-certificate"), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/forms/referral-certificate/validate", content)).StatusCode);
    }

    [Fact]
    public async Task A_multipart_body_without_its_closing_boundary_is_400()
    {
        var body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rows.csv\"\r\nContent-Type: text/csv\r\n\r\nconvict.surname\r\nӘбенов\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        await AssertCoded(await _client.PostAsync(Merge, content), HttpStatusCode.BadRequest, "multipart-unfinished");
    }

    [Fact]
    public async Task A_chunked_upload_over_the_limit_is_413_without_a_content_length()
    {
        var big = new byte[11 * 1024 * 1024];
        Array.Fill(big, (byte)'a');
        var content = new StreamContent(new MemoryStream(big));
        content.Headers.TryAddWithoutValidation("Content-Type", "text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, Merge) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await AssertCoded(await _client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "upload-too-large");
    }

    [Fact]
    public async Task An_unreadable_workbook_is_400_and_one_without_sheets_422()
    {
        var notXml = SheetFiles.Workbook("<worksheet><sheetData><row></sheetData>");
        await AssertCoded(await _client.PostAsync(Merge, SheetFiles.Content(notXml, SheetFiles.XlsxType)), HttpStatusCode.BadRequest, "xlsx-not-xml");
        var empty = SheetFiles.Workbook("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>");
        await AssertCoded(await _client.PostAsync(Merge, SheetFiles.Content(empty, SheetFiles.XlsxType)), HttpStatusCode.UnprocessableEntity, "sheet-no-rows");
    }

    internal static async Task AssertCoded(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{code}\"", body, StringComparison.Ordinal);
    }
}

/// <summary>
/// On a real Kestrel (its minimum data rate and its connections): a slow upload is 408 and never holds a render slot;
/// a merge whose client leaves stops reading within a second.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class UploadAdmissionTests : IAsyncLifetime
{
    private ConfiguredServiceFactory _factory = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _factory = new ConfiguredServiceFactory(Repo.Forms, new()
        {
            ["Limits:BodyGraceSeconds"] = "2", ["Limits:MinBodyBytesPerSecond"] = "1024",
            ["Rendering:MaxConcurrentRenders"] = "2", ["Rendering:QueueLimit"] = "0",
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        _address = _factory.ClientOptions.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>Opens a POST whose body is sent a few bytes at a time at <paramref name="bytesPerSecond"/>.</summary>
    private async Task<(TcpClient Tcp, Task<string> Response)> Trickle(string path, string contentType, int length, int bytesPerSecond, CancellationToken stop)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {_address.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"));
        var step = Math.Max(1, bytesPerSecond / 10);
        var send = Task.Run(async () =>
        {
            var chunk = Enumerable.Repeat((byte)'a', step).ToArray();
            try
            {
                for (var sent = 0; sent < length && !stop.IsCancellationRequested; sent += step)
                {
                    await stream.WriteAsync(chunk, stop);
                    await Task.Delay(100, stop);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
        });
        var response = Task.Run(async () =>
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            try { return await reader.ReadToEndAsync(stop); }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { return ""; }
        });
        _ = send;
        return (tcp, response);
    }

    [Fact]
    public async Task A_merge_body_at_50_bytes_a_second_is_408_not_500()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();
        var (tcp, response) = await Trickle("/api/forms/referral-certificate/merge", "text/csv", 100_000, 50, stop.Token);
        using (tcp)
        {
            var text = await response;
            Assert.StartsWith("HTTP/1.1 408", text);
            Assert.True(text.Contains("Request body too slow") && text.Contains("application/problem+json"), text);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), watch.Elapsed.ToString());
        }
    }

    [Fact]
    public async Task Ten_slow_bodies_leave_renders_served()
    {
        using var stop = new CancellationTokenSource();
        var slow = new List<TcpClient>();
        // Faster than the minimum rate, so Kestrel keeps them: each costs a connection and the chunks it has sent.
        for (var i = 0; i < 10; i++)
        {
            var path = i % 2 == 0 ? "/api/forms/referral-certificate/validate" : "/api/forms/referral-certificate/merge";
            var (tcp, _) = await Trickle(path, i % 2 == 0 ? "application/json" : "text/csv", 1_000_000, 1536, stop.Token);
            slow.Add(tcp);
        }
        await Task.Delay(1000);
        using var client = new HttpClient { BaseAddress = _address };
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 6; i++)
        {
            var response = await client.PostJson("/api/forms/referral-certificate/render?format=pdf", Repo.Example("referral-certificate"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"render {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), watch.Elapsed.ToString());
        await stop.CancelAsync();
        foreach (var tcp in slow) tcp.Dispose();
    }

    [Fact]
    public async Task A_merge_whose_client_leaves_stops_reading_within_a_second()
    {
        var template = await new HttpClient { BaseAddress = _address }.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/template.csv");
        var lines = template.TrimStart('\uFEFF').Split("\r\n");
        var file = HostileSheets.FormattedToTheEnd(lines[1].Split(','), lines[2].Split(','));
        var runner = _factory.Services.GetRequiredService<RenderRunner>();
        using var client = new HttpClient { BaseAddress = _address };
        using var leave = new CancellationTokenSource();
        var merge = client.PostAsync("/api/forms/referral-certificate/merge?output=report", SheetFiles.Content(file, SheetFiles.XlsxType), leave.Token);
        var watch = Stopwatch.StartNew();
        while (runner.InFlight == 0 && watch.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        Assert.Equal(1, runner.InFlight);
        await leave.CancelAsync();
        try { await merge; } catch (OperationCanceledException) { }
        watch.Restart();
        while (runner.InFlight > 0 && watch.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        Assert.Equal(0, runner.InFlight);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"the reading stopped {watch.Elapsed.TotalMilliseconds:0} ms after the client left");
    }
}
