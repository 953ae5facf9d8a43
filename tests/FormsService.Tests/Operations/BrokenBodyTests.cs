using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using FormsService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FormsService.Tests.Operations;

/// <summary>
/// Bodies that break off — too slow, shorter than announced, badly chunked, abandoned — on a real Kestrel: a 400 or
/// 408 problem, a warning in the log without a stack trace, and nothing counted as a server error.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class BrokenBodyTests : IAsyncLifetime
{
    private const string RenderPath = "/api/forms/referral-certificate/render?format=pdf";
    private readonly LogSink _logs = new();
    private KestrelFactory _factory = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _factory = new KestrelFactory(_logs);
        _factory.UseKestrel(0);
        _factory.StartServer();
        _address = _factory.ClientOptions.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static byte[] Body => Encoding.UTF8.GetBytes(Repo.Example("referral-certificate"));

    private string Head(int contentLength) =>
        $"POST {RenderPath} HTTP/1.1\r\nHost: {_address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {contentLength}\r\nConnection: close\r\n\r\n";

    private async Task<(int Status, string Response, TimeSpan Took)> Exchange(Func<NetworkStream, Task> send)
    {
        var watch = Stopwatch.StartNew();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        await send(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var status = response.Length > 12 ? int.Parse(response.AsSpan(9, 3)) : 0;
        return (status, response, watch.Elapsed);
    }

    [Fact]
    public async Task A_body_sent_at_two_bytes_a_second_is_408()
    {
        var body = Body;
        var (status, response, took) = await Exchange(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Head(body.Length)));
            for (var i = 0; i < body.Length && i < 40; i += 2)
            {
                try { await stream.WriteAsync(body.AsMemory(i, 2)); }
                catch (IOException) { break; }
                if (stream.DataAvailable) break;
                await Task.Delay(1000);
            }
        });
        Assert.Equal(408, status);
        Assert.Contains("application/problem+json", response);
        Assert.True(took < TimeSpan.FromSeconds(15), $"took {took.TotalSeconds:0.0} s");
        AssertLoggedAsWarningWithoutStackTrace();
    }

    [Fact]
    public async Task A_body_shorter_than_its_Content_Length_is_408()
    {
        var body = Body;
        var (status, response, _) = await Exchange(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Head(body.Length + 500)));
            await stream.WriteAsync(body);
        });
        Assert.Equal(408, status);
        Assert.Contains("application/problem+json", response);
        AssertLoggedAsWarningWithoutStackTrace();
    }

    [Fact]
    public async Task Broken_chunked_framing_is_400()
    {
        var (status, _, _) = await Exchange(async stream =>
        {
            var head = $"POST {RenderPath} HTTP/1.1\r\nHost: {_address.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "zz\r\n{}\r\n0\r\n\r\n"));
        });
        Assert.Equal(400, status);
        AssertLoggedAsWarningWithoutStackTrace();
    }

    [Fact]
    public async Task A_client_gone_mid_body_is_no_server_error()
    {
        var body = Body;
        for (var i = 0; i < 5; i++)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(_address.Host, _address.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Head(body.Length)));
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
            await Task.Delay(100);
            tcp.Client.LingerState = new LingerOption(true, 0);
            tcp.Close();
        }
        var watch = Stopwatch.StartNew();
        while (!_logs.Text.Contains("Request body") && watch.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        AssertLoggedAsWarningWithoutStackTrace();
    }

    [Fact]
    public void Kestrel_sets_a_minimum_body_rate_and_a_headers_timeout()
    {
        var limits = _factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Equal(1024, limits.MinRequestBodyDataRate!.BytesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(2), limits.MinRequestBodyDataRate.GracePeriod);
        Assert.Equal(TimeSpan.FromSeconds(10), limits.RequestHeadersTimeout);
    }

    private void AssertLoggedAsWarningWithoutStackTrace()
    {
        var lines = _logs.Lines;
        Assert.Contains(lines, l => l.Level == LogLevel.Warning && l.Text.Contains("Request body"));
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(lines, l => l.Text.Contains("   at ") || l.HasException);
    }

    /// <summary>A short grace period, so that a trickling body is cut off in about two seconds instead of five.</summary>
    private sealed class KestrelFactory(LogSink logs)
        : ServiceFactory(Repo.Forms, new() { ["Limits:BodyGraceSeconds"] = "2", ["Limits:MinBodyBytesPerSecond"] = "1024" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs));
        }
    }

    private sealed class LogSink : ILoggerProvider
    {
        private readonly List<(LogLevel Level, string Text, bool HasException)> _lines = [];
        public List<(LogLevel Level, string Text, bool HasException)> Lines { get { lock (_lines) return [.. _lines]; } }
        public string Text => string.Join('\n', Lines.Select(l => l.Text));
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel < LogLevel.Warning) return;
                lock (sink._lines) sink._lines.Add((logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception), exception is not null));
            }
        }
    }
}
