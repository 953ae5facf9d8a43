using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using FormsService.Api.Http;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FormsService.Api.Endpoints;

public sealed record BatchItemOutcome(int Index, string? FormId, string? Format, string? Version, int Status, string? File,
    IReadOnlyDictionary<string, string[]>? Errors, string? Detail, IReadOnlyList<PayloadWarning>? Warnings)
{
    /// <summary>Path → the codes of <see cref="Errors"/>' messages, as a problem's <c>codes</c>; and the detail's under <c>$</c>.</summary>
    public IReadOnlyDictionary<string, string[]>? Codes { get; init; }
}

/// <summary>
/// Many documents in one call: a ZIP with one file per item and a manifest of every item's outcome. The ZIP is
/// streamed to the client as items finish (never held whole), every item runs through the <see cref="RenderRunner"/>
/// like a single render (its timeout, the memory budget, the metrics), and the batch as a whole has
/// <c>Batch:TimeoutSeconds</c>: items not reached by then are reported, not rendered.
/// </summary>
public static class BatchEndpoints
{
    public const int MaxItems = 500;
    private static readonly DateTimeOffset ZipTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> ItemFields = new(StringComparer.Ordinal) { "formId", "format", "version", "asOf", "payload" };

    public static void MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/render/batch", RenderBatch)
            .WithTags("Batch")
            .WithName("RenderBatch")
            .WithSummary("Renders many documents into one ZIP, with manifest.json.")
            .WithDescription($"Body: {{ \"items\": [ {{ \"formId\", \"format\", \"version\"?, \"asOf\"?, \"payload\" }} ] }}, at most {MaxItems} items. " +
                "A bad item is reported in the manifest (status, errors by field); the others still render. The ZIP is streamed as items finish. " +
                "`output=single`: one PDF of every item in order (all must be valid PDFs, else 422 by `items[i].path`); `pdfa=2b` with it gives PDF/A-2b.")
            .Accepts<JsonElement>("application/json")
            .Produces(200, contentType: "application/zip")
            .ProducesProblem(400).ProducesProblem(408).ProducesProblem(413).ProducesProblem(415).ProducesValidationProblem(422).ProducesProblem(503)
            .RequireRateLimiting(ServiceSetup.BatchPolicy);
    }

    internal static async Task<IResult> RenderBatch(HttpContext context, FormsEngine engine, ServiceClock clock,
        RenderRunner runner, IOptions<BatchOptions> options, ILoggerFactory logs,
        [Microsoft.AspNetCore.Mvc.FromQuery] string? output, [Microsoft.AspNetCore.Mvc.FromQuery] string? pdfa)
    {
        var (document, bodyProblem) = await BodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
        if (document is null) return bodyProblem!;
        var root = document.RootElement;
        ProblemHttpResult? problem = null;
        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            problem = Refused(context, "items", Say.Of("items-array"));
        else if (items.GetArrayLength() > MaxItems)
            problem = Problems.Coded(context, StatusCodes.Status413PayloadTooLarge, "problem-batch-too-large", "items",
                Say.Of("batch-too-many", ("max", MaxItems), ("count", items.GetArrayLength())));
        else if (items.GetArrayLength() == 0)
            problem = Refused(context, "items", Say.Of("not-empty"));
        else if (root.EnumerateObject().FirstOrDefault(p => p.Name != "items") is { Value.ValueKind: not JsonValueKind.Undefined } extra)
            problem = Refused(context, extra.Name, Say.UnknownField);
        else if (RasterMegapixels(engine, items) is var megapixels && megapixels > options.Value.MaxRasterMegapixels)
            problem = Problems.Coded(context, StatusCodes.Status413PayloadTooLarge, "problem-batch-too-large", "items",
                Say.Of("batch-raster", ("megapixels", Math.Round(megapixels)), ("max", options.Value.MaxRasterMegapixels), ("seconds", options.Value.TimeoutSeconds)));
        if (problem is not null)
        {
            document.Dispose();
            return problem;
        }

        if (output is not null && !output.Equals("zip", StringComparison.OrdinalIgnoreCase))
        {
            using (document)
                return await BatchSingle.RenderAsync(context, engine, clock, items, output, pdfa);
        }

        context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition("batch.zip");
        var batch = new BatchRun(context, engine, clock, runner, options.Value, logs.CreateLogger(typeof(BatchEndpoints).FullName!),
            ProblemWording.Of(context, bilingualWhenUnasked: true));
        return TypedResults.Stream(async body =>
        {
            using (document)
                await batch.WriteAsync(items, body);
        }, "application/zip");
    }

    private static ProblemHttpResult Refused(HttpContext context, string path, string message) =>
        Problems.Refused(context, new Dictionary<string, string[]> { [path] = [message] }, "problem-batch-request");

    /// <summary>
    /// The raster the batch asks for, before anything is rendered: a raster's time and memory grow with its pixels
    /// (a 600 dpi vest is 0.3–2 s and 108 MB), so a batch of forty of them could never end within its time.
    /// </summary>
    private static double RasterMegapixels(FormsEngine engine, JsonElement items)
    {
        double pixels = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            var format = Text(item, "format")?.Trim().ToLowerInvariant() ?? OutputFormats.Pdf;
            if (format != OutputFormats.Png) continue;
            var version = Text(item, "formId") is { } formId ? engine.Catalog.Find(formId)?.Versions[^1] : null;
            pixels += RenderCost.Pixels(version, format, item.TryGetProperty("payload", out var payload) ? payload : null);
        }
        return pixels / 1_000_000;
    }

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the batch; the manifest's messages are worded for the request's reader (<paramref name="wording"/>).</summary>
    private sealed class BatchRun(HttpContext context, FormsEngine engine, ServiceClock clock, RenderRunner runner, BatchOptions options, ILogger logger,
        ProblemWording wording)
    {
        private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

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
                using (var archive = new ZipArchive(outbox, ZipArchiveMode.Create, leaveOpen: true))
                {
                    var index = 0;
                    foreach (var item in items.EnumerateArray())
                    {
                        var i = index++;
                        if (deadline.IsCancellationRequested)
                        {
                            outcomes.Add(Late(i, item));
                            continue;
                        }
                        var (outcome, bytes) = await RenderAsync(i, item, deadline.Token);
                        if (bytes is not null && outcome.File is { } name)
                        {
                            // Already compressed formats: stored, so an item costs one copy on its way out, not a second pass.
                            var entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
                            entry.LastWriteTime = ZipTime;
                            using (var stream = entry.Open())
                                stream.Write(bytes);
                            await outbox.SendAsync(body, aborted);
                        }
                        outcomes.Add(outcome);
                    }
                    var manifest = archive.CreateEntry("manifest.json", CompressionLevel.Fastest);
                    manifest.LastWriteTime = ZipTime;
                    using var manifestStream = manifest.Open();
                    JsonSerializer.Serialize(manifestStream, new { items = outcomes }, ManifestJson);
                }
                await outbox.SendAsync(body, aborted);
            }
            catch (Exception ex) when (aborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
            {
                logger.LogWarning("Batch abandoned by its client after {Items} items (request {RequestId})", outcomes.Count, context.TraceIdentifier);
            }
        }

        private readonly RenderMetrics _metrics = context.RequestServices.GetRequiredService<RenderMetrics>();

        private BatchItemOutcome Late(int index, JsonElement item)
        {
            _metrics.TimedOut(Text(item, "formId"), "batch");
            return Outcome(index, Text(item, "formId"), Text(item, "format"), null, StatusCodes.Status503ServiceUnavailable, null,
                Say.Of("item-late", ("seconds", options.TimeoutSeconds)));
        }

        /// <summary>An item that failed: its errors and detail (coded messages) worded, their codes beside them.</summary>
        private BatchItemOutcome Outcome(int index, string? formId, string? format, string? version, int status,
            IReadOnlyDictionary<string, string[]>? errors, string? detail)
        {
            var codes = errors is null ? null : ProblemWording.Codes(errors);
            if (detail is not null && MessageTable.CodeOf(detail) is { } code)
                (codes ??= new Dictionary<string, string[]>(StringComparer.Ordinal))[Problems.Body] = [code];
            return new BatchItemOutcome(index, formId, format, version, status, null, errors is null ? null : wording.Words(errors),
                detail is null ? null : wording.Text(detail), null) { Codes = codes };
        }

        private async Task<(BatchItemOutcome Outcome, byte[]? Bytes)> RenderAsync(int index, JsonElement item, CancellationToken cancellation)
        {
            BatchItemOutcome Fail(int status, string? formId, string? format, string? version, IReadOnlyDictionary<string, string[]>? errors, string? detail) =>
                Outcome(index, formId, format, version, status, errors, detail);

            if (item.ValueKind != JsonValueKind.Object)
                return (Fail(400, null, null, null, null, Say.Of("item-object")), null);
            var fieldErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var field in item.EnumerateObject())
            {
                if (!ItemFields.Contains(field.Name))
                    fieldErrors[field.Name] = [Say.UnknownField];
                else if (field.Name == "payload" ? field.Value.ValueKind != JsonValueKind.Object : field.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    fieldErrors[field.Name] = [field.Name == "payload" ? Say.Object : Say.Text];
            }
            var formId = Text(item, "formId");
            var format = Text(item, "format")?.Trim().ToLowerInvariant() ?? OutputFormats.Pdf;
            var asOf = Text(item, "asOf");
            if (string.IsNullOrEmpty(formId) && !fieldErrors.ContainsKey("formId"))
                fieldErrors["formId"] = [Say.Required];
            if (!item.TryGetProperty("payload", out var payload) && !fieldErrors.ContainsKey("payload"))
                fieldErrors["payload"] = [Say.Required];
            if (!RenderRequest.TryParseAsOf(asOf, out _))
                fieldErrors["asOf"] = [Say.Date];
            if (fieldErrors.Count > 0)
                return (Fail(422, formId, format, null, fieldErrors, null), null);

            var (version, lookup) = FormQuery.Find(engine, clock, formId!, Text(item, "version"), asOf);
            if (version is null)
                return (Fail(StatusCodes.Status404NotFound, formId, format, null, null, Problems.NotFoundMessage(lookup)), null);
            if (!version!.Definition.Formats.Contains(format))
                return (Fail(422, formId, format, version.Version,
                    new Dictionary<string, string[]> { ["format"] = [RenderRequest.Offered(version.Definition)] }, null), null);
            var check = engine.Check(version, payload);
            if (!check.IsValid)
                return (Fail(422, formId, format, version.Version, (check.Coded ?? check).Errors, null), null);

            // The check's view is its own copy: the render may outlive this item (timed out) without reading the body.
            var view = check.View;
            var outcome = await runner.RunAsync(new RenderJob(version, format, RenderCost.Of(version, format, view), token => engine.Render(version, check, format, token)),
                waitForMemory: true, context.TraceIdentifier, cancellation);
            if (!outcome.Succeeded)
            {
                var cutOff = outcome.Status == StatusCodes.Status499ClientClosedRequest && !context.RequestAborted.IsCancellationRequested;
                if (cutOff) _metrics.TimedOut(formId, "batch");
                var detail = cutOff ? Say.Of("item-cancelled", ("seconds", options.TimeoutSeconds)) : outcome.Detail;
                return (Fail(StatusCodes.Status503ServiceUnavailable, formId, format, version.Version, null, detail), null);
            }
            var name = Unique($"{index + 1:000}_{DownloadNames.FileName(version.Definition, view, format)}");
            var warnings = wording.Language is { } language ? engine.In(check, language).Warnings : check.Warnings;
            return (new BatchItemOutcome(index, formId, format, version.Version, 200, name, null, null, warnings.Count > 0 ? warnings : null), outcome.Bytes);
        }

        private string Unique(string name)
        {
            var candidate = name;
            for (var i = 2; !_names.Add(candidate); i++)
                candidate = Path.GetFileNameWithoutExtension(name) + $"_{i}" + Path.GetExtension(name);
            return candidate;
        }
    }

    /// <summary>
    /// Where the archive writes: kept only until the next send, so the response holds one entry at a time. Write-only
    /// and not seekable, so the archive writes each entry once, sizes after the data.
    /// </summary>
    private sealed class Outbox : Stream
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

        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);
        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    internal static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
