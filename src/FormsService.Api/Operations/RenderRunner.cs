using System.Diagnostics;
using System.Threading.RateLimiting;
using FormsService.Api.Http;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FormsService.Api.Operations;

/// <summary>One render to run: what it is (for logs and metrics), what it may cost in memory, and the work itself.</summary>
internal sealed record RenderJob(FormVersion Version, string Format, long CostBytes, Func<CancellationToken, byte[]> Render)
{
    /// <summary>The job's own time limit (a merge's is longer than a render's); null for the render timeout.</summary>
    public TimeSpan? Timeout { get; init; }
}

/// <summary>How a render ended: its bytes, or the status and why not (a title code and a coded message, <see cref="Say"/>).</summary>
internal sealed record RenderOutcome(byte[]? Bytes, int Status, string? Title, Message? Detail)
{
    public bool Succeeded => Bytes is not null;

    /// <summary>The outcome as a problem; a 503 (memory, time) says when to retry.</summary>
    public ProblemHttpResult Problem(HttpContext context)
    {
        if (Status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "1";
        return Problems.Coded(context, Status, Title ?? "problem-render", Problems.Body, Detail ?? Say.Of("render-failed"));
    }
}

/// <summary>
/// The one way every render runs — single, blank, preview, batch item: admitted by its memory cost against the
/// budget, given one of the render slots and threads, cancelled at its timeout, and measured. A render that times out
/// keeps its slot and its share of the budget until its work has really stopped, so refused work can never pile up
/// behind the answers (a storm of timed-out 600 dpi previews once held 1.37 GB). Logs carry the form, version,
/// format, size and duration — never a payload value.
/// </summary>
internal sealed class RenderRunner : IDisposable
{
    private const long Megabyte = 1024 * 1024;
    private readonly IOptions<RenderingOptions> _options;
    private readonly RenderMetrics _metrics;
    private readonly ILogger<RenderRunner> _logger;
    private readonly ConcurrencyLimiter _budget;
    private readonly SemaphoreSlim _slots;
    private readonly RenderThreads _threads;
    private int _inFlight;
    private long _lastFinished = Stopwatch.GetTimestamp();

    public RenderRunner(IOptions<RenderingOptions> options, RenderMetrics metrics, ILogger<RenderRunner> logger)
    {
        _options = options;
        _metrics = metrics;
        _logger = logger;
        BudgetMegabytes = options.Value.EffectiveMemoryBudgetMb();
        _budget = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = BudgetMegabytes,
            QueueLimit = BudgetMegabytes * 64,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var slots = Math.Max(1, options.Value.MaxConcurrentRenders);
        _slots = new SemaphoreSlim(slots, slots);
        _threads = new RenderThreads(slots);
        metrics.ObserveBudget(() => (BudgetMegabytes - (_budget.GetStatistics()?.CurrentAvailablePermits ?? 0)) * Megabyte, BudgetMegabytes * Megabyte);
    }

    public int BudgetMegabytes { get; }

    /// <summary>Renders running now, including timed-out ones whose work has not yet stopped.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>When the last render ended (a <see cref="Stopwatch"/> timestamp).</summary>
    public long LastFinished => Interlocked.Read(ref _lastFinished);

    public TimeSpan IdleFor => InFlight > 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastFinished));

    /// <param name="waitForMemory">
    /// Batch items wait for room in the budget (their batch's time bounds the wait); a single request is refused at
    /// once with 503 and Retry-After, so that its client retries instead of holding a connection.
    /// </param>
    /// <param name="cancellation">The request's abort (or the batch's end): the render stops at its next stage.</param>
    public async Task<RenderOutcome> RunAsync(RenderJob job, bool waitForMemory, string requestId, CancellationToken cancellation)
    {
        var timeoutMs = job.Timeout is { } own ? (int)Math.Min(int.MaxValue, Math.Ceiling(own.TotalMilliseconds)) : _options.Value.TimeoutMilliseconds;
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // A timer of zero may still fire after a fast render: no time at all means cancelled before it starts.
        if (timeoutMs <= 0) timeout.Cancel();
        else timeout.CancelAfter(TimeSpan.FromMilliseconds(timeoutMs));
        var watch = Stopwatch.StartNew();
        var megabytes = (int)Math.Clamp((job.CostBytes + Megabyte - 1) / Megabyte, 1, BudgetMegabytes);
        RateLimitLease? memory = null;
        var handedOver = false;
        try
        {
            memory = waitForMemory ? await _budget.AcquireAsync(megabytes, timeout.Token) : _budget.AttemptAcquire(megabytes);
            if (!memory.IsAcquired)
            {
                _metrics.Rejected(job.Version.FormId, "memory");
                _logger.LogWarning("Render of {FormId} {Version} as {Format} refused: {Megabytes} MB does not fit the memory budget of {Budget} MB now (request {RequestId})",
                    job.Version.FormId, job.Version.Version, job.Format, megabytes, BudgetMegabytes, requestId);
                return new RenderOutcome(null, StatusCodes.Status503ServiceUnavailable, "problem-busy",
                    Say.Of("render-memory", ("budget", BudgetMegabytes), ("needs", megabytes)));
            }
            await _slots.WaitAsync(timeout.Token);
            Interlocked.Increment(ref _inFlight);
            _metrics.InFlight(job.Version.FormId, job.Format, +1);
            var lease = memory;
            var token = timeout.Token;
            var work = _threads.Run(() =>
            {
                try
                {
                    token.ThrowIfCancellationRequested();
                    return job.Render(token);
                }
                finally
                {
                    Interlocked.Exchange(ref _lastFinished, Stopwatch.GetTimestamp());
                    Interlocked.Decrement(ref _inFlight);
                    _metrics.InFlight(job.Version.FormId, job.Format, -1);
                    _slots.Release();
                    lease.Dispose();
                    timeout.Dispose();
                }
            });
            handedOver = true;
            var bytes = await work.WaitAsync(token);
            _metrics.Rendered(job.Version.FormId, job.Format, watch.Elapsed, bytes.Length);
            _logger.LogInformation("Rendered {FormId} {Version} as {Format}: {Bytes} bytes in {ElapsedMs:0.0} ms (request {RequestId})",
                job.Version.FormId, job.Version.Version, job.Format, bytes.Length, watch.Elapsed.TotalMilliseconds, requestId);
            return new RenderOutcome(bytes, StatusCodes.Status200OK, null, null);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return new RenderOutcome(null, StatusCodes.Status499ClientClosedRequest, "problem-cancelled", Say.Of("render-cancelled"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fault in the pipeline: the request's answer is a 500 problem naming it, never a broken stream or a hang.
            _metrics.Rejected(job.Version.FormId, "fault");
            _logger.LogError(ex, "Render of {FormId} {Version} as {Format} failed after {ElapsedMs:0} ms (request {RequestId})",
                job.Version.FormId, job.Version.Version, job.Format, watch.Elapsed.TotalMilliseconds, requestId);
            return new RenderOutcome(null, StatusCodes.Status500InternalServerError, "problem-render", Say.Of("render-failed"));
        }
        catch (OperationCanceledException)
        {
            _metrics.TimedOut(job.Version.FormId, job.Timeout is null ? "render" : "merge");
            _logger.LogWarning("Render of {FormId} {Version} as {Format} timed out after {ElapsedMs:0} ms (request {RequestId})",
                job.Version.FormId, job.Version.Version, job.Format, watch.Elapsed.TotalMilliseconds, requestId);
            return new RenderOutcome(null, StatusCodes.Status503ServiceUnavailable, "problem-render-timeout",
                Say.Of("render-timeout", ("ms", timeoutMs)));
        }
        finally
        {
            if (!handedOver)
            {
                memory?.Dispose();
                timeout.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _threads.Dispose();
        _budget.Dispose();
    }
}
