using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FormsService.Api.Operations;

/// <summary>The service's own metrics: render duration and size per form and format, rejections by reason.</summary>
internal sealed class RenderMetrics
{
    public const string MeterName = "FormsService";
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _size;
    private readonly Counter<long> _rejections;
    private readonly Meter _meter;

    public RenderMetrics(IMeterFactory meters)
    {
        var meter = _meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("formsservice.render.duration", "ms", "Time to render one document.");
        _size = meter.CreateHistogram<long>("formsservice.render.size", "By", "Size of a rendered document.");
        _rejections = meter.CreateCounter<long>("formsservice.rejections", "{request}", "Requests refused, by reason.");
    }

    public void Rendered(string formId, string format, double milliseconds, long bytes)
    {
        var tags = new TagList { { "form", formId }, { "format", format } };
        _duration.Record(milliseconds, tags);
        _size.Record(bytes, tags);
    }

    /// <summary>The memory budget: megabytes reserved by renders in flight, and the whole budget.</summary>
    public void ObserveBudget(Func<int> reserved, int budget)
    {
        _meter.CreateObservableGauge("formsservice.render.memory.reserved", reserved, "MBy", "Memory budget reserved by renders in flight.");
        _meter.CreateObservableGauge("formsservice.render.memory.budget", () => budget, "MBy", "The memory budget for renders in flight.");
    }

    public void Rejected(string reason) => _rejections.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
