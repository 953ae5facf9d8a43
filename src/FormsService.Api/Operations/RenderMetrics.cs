using System.Diagnostics;
using System.Diagnostics.Metrics;
using FormsService.Core.Engine;
using OpenTelemetry.Metrics;

namespace FormsService.Api.Operations;

/// <summary>
/// The service's own metrics, in Prometheus's base units (seconds, bytes): render duration and size per form and
/// format, renders in flight, rejections and timeouts by form and reason, the memory budget. Form labels are only
/// the catalogue's ids (<see cref="NoForm"/>, <see cref="UnknownForm"/> otherwise), so a caller cannot grow the series.
/// </summary>
internal sealed class RenderMetrics
{
    public const string MeterName = "FormsService";

    /// <summary>The form label of a request that names no form (a batch, the catalogue, a page).</summary>
    public const string NoForm = "none";

    /// <summary>The form label of a request naming a form the catalogue does not have.</summary>
    public const string UnknownForm = "unknown";

    // A render takes milliseconds to tens of seconds (the default buckets are for milliseconds).
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    // Documents run from a few kilobytes (a letter) to tens of megabytes (a 600 dpi raster, a merged book).
    private static readonly long[] SizeBuckets = [1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _size;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _timeouts;
    private readonly UpDownCounter<long> _inFlight;
    private readonly HashSet<string> _forms;
    private readonly Meter _meter;

    public RenderMetrics(IMeterFactory meters, FormsEngine engine)
    {
        _forms = engine.Catalog.Forms.Select(f => f.FormId).ToHashSet(StringComparer.Ordinal);
        var meter = _meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram("formsservice.render.duration", "s", "Time to render one document.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _size = meter.CreateHistogram("formsservice.render.size", "By", "Size of a rendered document.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = SizeBuckets });
        _inFlight = meter.CreateUpDownCounter<long>("formsservice.renders.in_flight", "{render}",
            "Renders running now, including timed-out ones whose work has not yet stopped.");
        _rejections = meter.CreateCounter<long>("formsservice.rejections", "{request}", "Requests refused, by form and reason.");
        _timeouts = meter.CreateCounter<long>("formsservice.timeouts", "{render}",
            "Renders and batch items cut off by their time limit, by form and reason (render, merge, batch).");
        ObserveThreadPool();
    }

    /// <summary>The form label for a form id from a request: the id if the catalogue has it.</summary>
    public string FormLabel(string? formId) =>
        string.IsNullOrEmpty(formId) ? NoForm : _forms.Contains(formId) ? formId : UnknownForm;

    /// <summary>The form label of a request, from its route's <c>formId</c>.</summary>
    public string FormLabel(HttpContext context) => FormLabel(context.GetRouteValue("formId") as string);

    public void Rendered(string formId, string format, TimeSpan elapsed, long bytes)
    {
        var tags = new TagList { { "form", FormLabel(formId) }, { "format", format } };
        _duration.Record(elapsed.TotalSeconds, tags);
        _size.Record(bytes, tags);
    }

    /// <summary>A render has started (+1) or stopped (−1) on its thread.</summary>
    public void InFlight(string formId, string format, int delta) =>
        _inFlight.Add(delta, new TagList { { "form", FormLabel(formId) }, { "format", format } });

    /// <summary>The memory budget: bytes reserved by renders in flight, and the whole budget.</summary>
    public void ObserveBudget(Func<long> reservedBytes, long budgetBytes)
    {
        _meter.CreateObservableGauge("formsservice.render.memory.reserved", reservedBytes, "By", "Memory budget reserved by renders in flight.");
        _meter.CreateObservableGauge("formsservice.render.memory.budget", () => budgetBytes, "By", "The memory budget for renders in flight.");
    }

    public void Rejected(string form, string reason) =>
        _rejections.Add(1, new TagList { { "form", FormLabel(form) }, { "reason", reason } });

    public void Rejected(HttpContext context, string reason) =>
        _rejections.Add(1, new TagList { { "form", FormLabel(context) }, { "reason", reason } });

    public void TimedOut(string? formId, string reason) =>
        _timeouts.Add(1, new TagList { { "form", FormLabel(formId) }, { "reason", reason } });

    /// <summary>
    /// The runtime's own metrics made to follow Prometheus's conventions: no gauge named <c>…_count</c> (it reads as a
    /// histogram's count), and the thread pool's thread count and queue length, published by the runtime as counters
    /// though they go up and down, dropped here for gauges of their own (<see cref="ObserveThreadPool"/>).
    /// </summary>
    public static MetricStreamConfiguration? RuntimeView(Instrument instrument) =>
        instrument.Meter.Name != "System.Runtime" ? null : instrument.Name switch
        {
            "dotnet.assembly.count" => new MetricStreamConfiguration { Name = "dotnet.assemblies.loaded" },
            "dotnet.process.cpu.count" => new MetricStreamConfiguration { Name = "dotnet.process.cpus" },
            "dotnet.timer.count" => new MetricStreamConfiguration { Name = "dotnet.timers.active" },
            "dotnet.thread_pool.thread.count" or "dotnet.thread_pool.queue.length" => MetricStreamConfiguration.Drop,
            _ => null,
        };

    /// <summary>The thread pool's threads and queued work items, as gauges.</summary>
    private void ObserveThreadPool()
    {
        _meter.CreateObservableGauge("dotnet.thread_pool.threads", () => (long)ThreadPool.ThreadCount, "{thread}", "Thread-pool threads now.");
        _meter.CreateObservableGauge("dotnet.thread_pool.queue.length", () => ThreadPool.PendingWorkItemCount, "{work_item}",
            "Work items queued to the thread pool now.");
    }
}
