using System.Text.Json;
using FormsService.Api.Endpoints;
using FormsService.Api.Http;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Api.Documents;

/// <summary>
/// A batch as a ZIP streamed as items finish: each item bound once (<see cref="BatchItems"/>), rendered through the
/// pipeline on the runner like a single render (its timeout, the memory budget, the metrics), packaged as it is done;
/// the manifest last, its messages worded for the request's reader (<paramref name="wording"/>). Items not reached
/// within the batch's time are reported, not rendered.
/// </summary>
internal sealed class BatchZip(HttpContext context, DocumentPipeline pipeline, ServiceClock clock, RenderRunner runner, BatchOptions options, ILogger logger,
    ProblemWording wording)
{
    public async Task WriteAsync(JsonElement items, Stream body)
    {
        var aborted = context.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        var outcomes = new List<BatchItemOutcome>();
        // ZipArchive writes synchronously; it writes into the outbox, which is sent after every entry.
        var outbox = new Outbox();
        try
        {
            using (var package = pipeline.Package(null, outbox))
            {
                var index = 0;
                foreach (var element in items.EnumerateArray())
                {
                    var i = index++;
                    if (deadline.IsCancellationRequested)
                    {
                        context.RequestServices.GetRequiredService<RenderMetrics>().TimedOut(BatchItems.Text(element, "formId"), "batch");
                        outcomes.Add(Failed(i, BatchItems.Text(element, "formId"), BatchItems.Text(element, "format"), null,
                            StatusCodes.Status503ServiceUnavailable, null, Say.Of("item-late", ("seconds", options.TimeoutSeconds))));
                        continue;
                    }
                    var (outcome, bytes) = await RenderAsync(BatchItems.Bind(pipeline, clock, element, i), package, deadline.Token);
                    if (bytes is not null && outcome.File is { } name)
                    {
                        package.AddDocument(name, bytes);
                        await outbox.SendAsync(body, aborted);
                    }
                    outcomes.Add(outcome);
                }
                package.AddJson("manifest.json", new { items = outcomes }, Manifests.Json);
            }
            await outbox.SendAsync(body, aborted);
        }
        catch (Exception ex) when (aborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            logger.LogWarning("Batch abandoned by its client after {Items} items (request {RequestId})", outcomes.Count, context.TraceIdentifier);
        }
    }

    /// <summary>An item that failed: its errors and detail (coded messages) worded, their codes beside them.</summary>
    private BatchItemOutcome Failed(int index, string? formId, string? format, string? version, int status,
        IReadOnlyDictionary<string, Message[]>? errors, Message? detail)
    {
        var codes = errors is null ? null : ProblemWording.Codes(errors);
        if (detail?.Code is { } code)
            (codes ??= new Dictionary<string, string[]>(StringComparer.Ordinal))[Problems.Body] = [code];
        return new BatchItemOutcome(index, formId, format, version, status, null, errors is null ? null : wording.Words(errors),
            detail is null ? null : wording.Text(detail), null) { Codes = codes };
    }

    private async Task<(BatchItemOutcome Outcome, byte[]? Bytes)> RenderAsync(BatchItem item, DocumentPackage package, CancellationToken cancellation)
    {
        if (!item.IsValid)
            return (Failed(item.Index, item.FormId, item.Status == 400 ? null : item.Format, item.Version?.Version, item.Status, item.Errors, item.Detail), null);
        var order = item.Order;
        // The check's view is its own copy: the render may outlive this item (timed out) without reading the body.
        var outcome = await runner.RunAsync(new RenderJob(order.Version, item.Format, RenderCost.Of(order), token => pipeline.Render(order, token)),
            waitForMemory: true, context.TraceIdentifier, cancellation);
        if (!outcome.Succeeded)
        {
            var cutOff = outcome.Status == StatusCodes.Status499ClientClosedRequest && !context.RequestAborted.IsCancellationRequested;
            if (cutOff) context.RequestServices.GetRequiredService<RenderMetrics>().TimedOut(item.FormId, "batch");
            var detail = cutOff
                ? Say.Of("item-cancelled", ("seconds", options.TimeoutSeconds))
                : outcome.Detail;
            // A fault in the pipeline is the item's 500; anything else that stopped it (memory, time) its 503.
            var status = outcome.Status == StatusCodes.Status500InternalServerError ? outcome.Status : StatusCodes.Status503ServiceUnavailable;
            return (Failed(item.Index, item.FormId, item.Format, order.Version.Version, status, null, detail), null);
        }
        var name = package.Name($"{item.Index + 1:000}_{DownloadNames.FileName(order.Version, order.View, item.Format)}");
        var warnings = wording.Warnings(item.Check!);
        return (new BatchItemOutcome(item.Index, item.FormId, item.Format, order.Version.Version, 200, name, null, null, warnings.Count > 0 ? warnings : null)
            {
                Language = order.Version.Language,
            },
            outcome.Bytes);
    }

    /// <summary>
    /// Where the archive writes: kept only until the next send, so the response holds one entry at a time. Write-only
    /// and not seekable, so the archive writes each entry once, sizes after the data.
    /// </summary>
    private sealed class Outbox : Core.Engine.WriteOnlyStream
    {
        private MemoryStream _pending = new();

        public async Task SendAsync(Stream body, CancellationToken cancellationToken)
        {
            if (_pending.Length == 0) return;
            await body.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
            await body.FlushAsync(cancellationToken);
            // A large entry's buffer is let go rather than kept for the rest of the batch.
            _pending = _pending.Capacity > 1024 * 1024 ? new MemoryStream() : _pending;
            _pending.SetLength(0);
        }

        public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);
    }
}

/// <summary>How manifests (a batch's, a merge's) are written: camelCase, indented, nulls left out, text unescaped.</summary>
internal static class Manifests
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
