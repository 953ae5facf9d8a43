using System.Threading.RateLimiting;

namespace FormsService.Api.Operations;

/// <summary>
/// A concurrency limiter whose queue waits a bounded time: a request still waiting after it is refused (503) like
/// one that found the queue full. A queue's length alone bounds nothing in time — 256 connections of 1 MB bodies on
/// /validate waited until their clients gave up — while a bound on the wait keeps the queue deep for cheap renders and
/// short for expensive ones.
/// </summary>
internal sealed class PatientLimiter : RateLimiter
{
    private readonly ConcurrencyLimiter _inner;
    private readonly TimeSpan patience;
    private readonly bool _owned;

    public PatientLimiter(ConcurrencyLimiterOptions options, TimeSpan patience) : this(new ConcurrencyLimiter(options), patience, owned: true) { }

    /// <summary>A door of its own patience onto a limiter others share (batches and merges share their slots).</summary>
    public PatientLimiter(ConcurrencyLimiter shared, TimeSpan patience) : this(shared, patience, owned: false) { }

    private PatientLimiter(ConcurrencyLimiter inner, TimeSpan patience, bool owned)
    {
        _inner = inner;
        this.patience = patience;
        _owned = owned;
    }

    public override TimeSpan? IdleDuration => _inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => _inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => _inner.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = _inner.AttemptAcquire(permitCount);
        if (now.IsAcquired || patience <= TimeSpan.Zero) return now;
        now.Dispose();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(patience);
        try
        {
            return await _inner.AcquireAsync(permitCount, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refused.Instance;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _owned) _inner.Dispose();
        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore() => _owned ? _inner.DisposeAsync() : ValueTask.CompletedTask;

    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Instance = new();
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
