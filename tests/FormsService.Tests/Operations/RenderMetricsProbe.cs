using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FormsService.Tests.Operations;

/// <summary>
/// Counts one service's own measurements (renders, rejections and timeouts by reason), as an exporter would see them: only the
/// meters of that factory's container, so tests running beside it do not count.
/// </summary>
internal sealed class RenderMetricsProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public RenderMetricsProbe(WebApplicationFactory<Program> factory)
    {
        var scope = factory.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Meter.Name == "FormsService")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, tags, 1));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, tags, 1));
        _listener.Start();
    }

    /// <summary>Rejections with this reason ("memory", "overload", …), of any form.</summary>
    public long Rejected(string reason) => _counts.GetValueOrDefault($"formsservice.rejections/{reason}");

    /// <summary>Renders and batch items cut off by their time limit, with this reason ("render", "merge", "batch"), of any form.</summary>
    public long TimedOut(string reason) => _counts.GetValueOrDefault($"formsservice.timeouts/{reason}");

    /// <summary>Renders that finished, of this form and format.</summary>
    public long Rendered(string formId, string format) => _counts.GetValueOrDefault($"formsservice.render.duration/{formId}/{format}");

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags, long count)
    {
        string key;
        if (instrument.Name is "formsservice.rejections" or "formsservice.timeouts")
            key = $"{instrument.Name}/{Tag(tags, "reason")}";
        else if (instrument.Name == "formsservice.render.duration")
            key = $"{instrument.Name}/{Tag(tags, "form")}/{Tag(tags, "format")}";
        else
            return;
        _counts.AddOrUpdate(key, count, (_, c) => c + count);
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
            if (tag.Key == name) return tag.Value?.ToString();
        return null;
    }

    public void Dispose() => _listener.Dispose();
}
