using System.Buffers;
using FormsService.Api.Operations;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Engine.Sheets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FormsService.Api.Http;

/// <summary>Marks a route whose body is an uploaded spreadsheet (read within the upload limit, not the JSON one).</summary>
internal sealed class SpreadsheetUploadMetadata;

/// <summary>
/// The memory that request bodies read ahead of their render slot may hold together, in 64 KB chunks. A body waits
/// for room in its client's socket, where it costs nothing, for as long as a request may wait for a slot; after that
/// it is refused with 503.
/// </summary>
internal sealed class BodyBudget
{
    public const int ChunkBytes = 64 * 1024;
    private readonly SemaphoreSlim _chunks;

    public BodyBudget(IOptions<RequestLimits> limits, IOptions<RenderingOptions> rendering)
    {
        Megabytes = Math.Max(1, limits.Value.BodyBudgetMb);
        var chunks = Megabytes * (1024 * 1024 / ChunkBytes);
        _chunks = new SemaphoreSlim(chunks, chunks);
        Patience = TimeSpan.FromMilliseconds(Math.Max(0, rendering.Value.QueueTimeoutMilliseconds));
    }

    public int Megabytes { get; }

    public TimeSpan Patience { get; }

    public Task<bool> TakeAsync(CancellationToken cancellationToken) => _chunks.WaitAsync(Patience, cancellationToken);

    public void Give(int chunks)
    {
        if (chunks > 0) _chunks.Release(chunks);
    }
}

/// <summary>
/// Reads the body of every route that renders, validates or merges before the request is admitted to a render slot:
/// within the route's size limit, Kestrel's minimum data rate and the <see cref="BodyBudget"/>. A slow body costs its
/// connection and the chunks it has sent, never a slot that renders wait for (four bodies trickling in at 1.5 KB/s once
/// held every slot and every render answered 503). A body over the limit is handed on cut just past it, so that the
/// route answers 413 in its own words; a body that breaks off or comes too slowly is answered here (400, 408).
/// </summary>
internal sealed class BodyFirstMiddleware(RequestDelegate next, BodyBudget budget, IOptions<RequestLimits> limits, IOptions<SheetLimits> sheets,
    RenderMetrics metrics, ILogger<BodyFirstMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var request = context.Request;
        if (endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null || !HttpMethods.IsPost(request.Method)
            || context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            await next(context);
            return;
        }
        var max = endpoint.Metadata.GetMetadata<SpreadsheetUploadMetadata>() is not null
            ? sheets.Value.MaxUploadBytes + 64 * 1024 // the multipart framing around the file
            : limits.Value.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            await next(context); // refused by its route from the header alone, unread
            return;
        }

        var body = new BufferedBody(budget);
        context.Response.RegisterForDispose(body);
        try
        {
            while (body.Length <= max)
            {
                if (!await budget.TakeAsync(context.RequestAborted))
                {
                    metrics.Rejected(context, "body-budget");
                    logger.LogWarning("Request body refused: the {Budget} MB of bodies read ahead are full (request {RequestId})", budget.Megabytes, context.TraceIdentifier);
                    context.Response.Headers.RetryAfter = "1";
                    await Problems.Coded(context, StatusCodes.Status503ServiceUnavailable, "problem-busy", Problems.Body,
                        Say.Of("body-budget", ("budget", budget.Megabytes))).ExecuteAsync(context);
                    return;
                }
                if (!await body.ReadChunkAsync(request.Body, context.RequestAborted))
                    break;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode != StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's words say what broke (too slow, ended early, bad chunk); the stack trace says nothing more.
            logger.LogWarning("Request body unreadable ({Status}): {Reason} (request {RequestId})", ex.StatusCode, ex.Message, context.TraceIdentifier);
            await Problems.Coded(context, ex.StatusCode,
                ex.StatusCode == StatusCodes.Status408RequestTimeout ? "problem-body-too-slow" : "problem-body-broken", Problems.Body,
                Say.Of("body-unreadable", ("reason", ex.Message))).ExecuteAsync(context);
            return;
        }
        catch (BadHttpRequestException)
        {
            // Over Kestrel's own size limit: the route says so in its words, from what was read.
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            logger.LogWarning("Request body broke off: the client went away ({Reason}) (request {RequestId})", ex.GetType().Name, context.TraceIdentifier);
            if (!context.RequestAborted.IsCancellationRequested)
                await Problems.Coded(context, StatusCodes.Status400BadRequest, "problem-body-broken", Problems.Body, Say.Of("body-ended")).ExecuteAsync(context);
            return;
        }
        request.Body = body;
        await next(context);
    }

    /// <summary>A body read into pooled chunks, each one taken from the budget and given back when the request ends.</summary>
    private sealed class BufferedBody(BodyBudget budget) : Stream
    {
        private readonly List<byte[]> _chunks = [];
        private long _length;
        private long _position;
        private int _taken;

        public override long Length => _length;

        /// <summary>Fills one more chunk (its budget already taken); false at the body's end.</summary>
        public async Task<bool> ReadChunkAsync(Stream source, CancellationToken cancellationToken)
        {
            _taken++;
            var chunk = ArrayPool<byte>.Shared.Rent(BodyBudget.ChunkBytes);
            _chunks.Add(chunk);
            var filled = 0;
            while (filled < BodyBudget.ChunkBytes)
            {
                var read = await source.ReadAsync(chunk.AsMemory(filled, BodyBudget.ChunkBytes - filled), cancellationToken);
                if (read == 0)
                {
                    _length += filled;
                    return false;
                }
                filled += read;
            }
            _length += filled;
            return true;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var left = (int)Math.Min(buffer.Length, _length - _position);
            var copied = 0;
            while (copied < left)
            {
                var chunk = _chunks[(int)(_position / BodyBudget.ChunkBytes)];
                var at = (int)(_position % BodyBudget.ChunkBytes);
                var n = Math.Min(left - copied, BodyBudget.ChunkBytes - at);
                chunk.AsSpan(at, n).CopyTo(buffer[copied..]);
                copied += n;
                _position += n;
            }
            return copied;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var chunk in _chunks)
                    ArrayPool<byte>.Shared.Return(chunk);
                _chunks.Clear();
                budget.Give(Interlocked.Exchange(ref _taken, 0));
            }
            base.Dispose(disposing);
        }
    }
}
