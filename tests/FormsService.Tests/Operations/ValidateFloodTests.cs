using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FormsService.Tests.Operations;

/// <summary>
/// A flood of 1 MB bodies on /validate, bounded (64 connections for 3 s on a real Kestrel): health answers within a
/// second throughout, and Kestrel holds only what it reads ahead per connection, not every queued body whole (its
/// socket transport's default read-ahead of 1 MB held 276 MB for 256 connections, and health timed out at 5 s).
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class ValidateFloodTests(ITestOutputHelper output)
{
    private const int Connections = 64;

    [Fact]
    public async Task Health_answers_within_a_second_and_queued_bodies_wait_in_their_sockets_during_a_flood_of_1_MB_bodies()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.ClientOptions.BaseAddress;
        using var pool = new KestrelPoolProbe(factory.Services.GetRequiredService<IMeterFactory>());
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        Assert.True((await probe.GetAsync("/health/ready")).IsSuccessStatusCode);

        var payload = JsonNode.Parse(Repo.Example("referral-certificate"))!.AsObject();
        payload["padding"] = new string('а', 1024 * 1024 / 2 - 4096); // refused only once parsed: an unknown field
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        Assert.InRange(body.Length, 900_000, 1024 * 1024);
        var head = Encoding.ASCII.GetBytes($"POST /api/forms/referral-certificate/validate HTTP/1.1\r\nHost: {address.Authority}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");

        var flood = Stopwatch.StartNew();
        var answered = 0;
        async Task Client()
        {
            while (flood.Elapsed < TimeSpan.FromSeconds(3))
            {
                using var tcp = new TcpClient();
                using var time = new CancellationTokenSource(TimeSpan.FromSeconds(8));
                try
                {
                    await tcp.ConnectAsync(address.Host, address.Port, time.Token);
                    var stream = tcp.GetStream();
                    await stream.WriteAsync(head, time.Token);
                    await stream.WriteAsync(body, time.Token);
                    var buffer = new byte[4096];
                    while (await stream.ReadAsync(buffer, time.Token) > 0) { }
                    Interlocked.Increment(ref answered);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
                {
                    // A client that gave up, as real ones do; the test is about what the service does meanwhile.
                }
            }
        }

        var clients = Enumerable.Range(0, Connections).Select(_ => Task.Run(Client)).ToList();
        var latencies = new List<double>();
        await Task.Delay(300);
        while (flood.Elapsed < TimeSpan.FromSeconds(3))
        {
            var watch = Stopwatch.StartNew();
            var health = await probe.GetAsync("/health/ready");
            latencies.Add(watch.Elapsed.TotalSeconds);
            Assert.True(health.IsSuccessStatusCode);
            await Task.Delay(100);
        }
        await Task.WhenAll(clients);

        output.WriteLine($"health: max {latencies.Max():0.000} s over {latencies.Count} probes; {answered} flood requests answered");
        Assert.True(answered > 0, "no request of the flood was answered");
        Assert.NotEmpty(latencies);
        Assert.True(latencies.Max() < 1.0, $"health took up to {latencies.Max():0.00} s over {latencies.Count} probes");
        Assert.True(pool.AllocatedBytes > 0, "Kestrel's pool reported nothing: the probe does not see it");
        // 64 KB read ahead per connection, and the bodies being parsed: far below one MB per connection.
        Assert.True(pool.AllocatedBytes < Connections * 512L * 1024,
            $"Kestrel's pool grew by {pool.AllocatedBytes >> 20} MB for {Connections} connections");
    }

    /// <summary>What Kestrel's block pool allocated, for one service's container only.</summary>
    private sealed class KestrelPoolProbe : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _allocated;

        public KestrelPoolProbe(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Name == "aspnetcore.memory_pool.allocated")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _allocated, value));
            _listener.Start();
        }

        public long AllocatedBytes => Interlocked.Read(ref _allocated);

        public void Dispose() => _listener.Dispose();
    }
}
