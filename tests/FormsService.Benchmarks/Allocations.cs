using System.Diagnostics.Tracing;
using System.Globalization;

namespace FormsService.Benchmarks;

/// <summary>
/// Which types a case allocates: the runtime's allocation-tick events (one about every 100 KB allocated, naming the
/// type of the object that crossed the mark) counted over many warm renders. A sample, not an exact count.
/// </summary>
internal sealed class Allocations : EventListener
{
    private readonly Dictionary<string, long> _bytes = [];
    private bool _on;

    public static void Run(string caseName, int n)
    {
        var c = Cases.Get(caseName);
        for (var i = 0; i < 200; i++) c.Render();
        // Counted without the listener, whose events slow the collections down.
        var before = GC.GetAllocatedBytesForCurrentThread();
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var pause = GC.GetTotalPauseDuration();
        for (var i = 0; i < n; i++) c.Render();
        var total = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{caseName}: {total / 1024:0.0} KB allocated per render; collections per 100 renders: gen0 {100.0 * (GC.CollectionCount(0) - collections[0]) / n:0.0}, gen1 {100.0 * (GC.CollectionCount(1) - collections[1]) / n:0.0}, gen2 {100.0 * (GC.CollectionCount(2) - collections[2]) / n:0.0}; GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / n:0.000} ms per render"));
        Console.WriteLine("sampled by type:");
        using var listener = new Allocations();
        listener._on = true;
        for (var i = 0; i < n; i++) c.Render();
        listener._on = false;
        lock (listener._bytes)
        {
            var sum = listener._bytes.Values.Sum();
            foreach (var (type, bytes) in listener._bytes.OrderByDescending(kv => kv.Value).Take(40))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {100.0 * bytes / sum,5:0.0} %  {type}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
            return;
        var name = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], CultureInfo.InvariantCulture) : 100_000;
        lock (_bytes)
            _bytes[name] = _bytes.GetValueOrDefault(name) + amount;
    }
}
