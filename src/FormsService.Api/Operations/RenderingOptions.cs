namespace FormsService.Api.Operations;

/// <summary>Rendering limits (configuration section <c>Rendering</c>).</summary>
internal sealed class RenderingOptions
{
    /// <summary>A render that takes longer is cancelled and answered 503 (default 10 s).</summary>
    public int TimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>Requests that render or parse JSON at once, and renders at once (default: twice the cores).</summary>
    public int MaxConcurrentRenders { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>
    /// Requests waiting for a slot, their bodies not yet read; beyond it, 503 with Retry-After at once. A waiting
    /// request costs a connection and nothing else, so the queue is deep enough for a storm of connections to wait
    /// for a slot instead of coming back for refusals (default 512).
    /// </summary>
    public int QueueLimit { get; set; } = 512;

    /// <summary>
    /// The thread pool's least worker threads; 0 (the default): twice <see cref="MaxConcurrentRenders"/>. Up to it, a
    /// thread is made at once when work waits, instead of one every half second past the few a small machine starts
    /// with. The limiter lets that many requests parse JSON and check it on the pool at once; with only as many
    /// workers, a flood of 1 MB bodies held them all and health probes waited past a probe's timeout
    /// (docs/decisions/pool-threads.md).
    /// </summary>
    public int MinPoolThreads { get; set; }

    public int EffectiveMinPoolThreads() => MinPoolThreads > 0 ? MinPoolThreads : 2 * Math.Max(1, MaxConcurrentRenders);

    /// <summary>The longest a request waits in that queue before it is refused with 503 (default 5 s).</summary>
    public int QueueTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>
    /// Memory that renders in flight may hold, in MB; a render is admitted by its estimated cost (a 600 dpi PNG its
    /// surface, a PDF little), and refused with 503 and Retry-After when the budget has no room. 0 (the default)
    /// sizes it from the memory the runtime may use (the container's limit): half of it less 128 MB, 64–256 MB.
    /// </summary>
    public int MemoryBudgetMb { get; set; }

    public int EffectiveMemoryBudgetMb()
    {
        if (MemoryBudgetMb > 0) return MemoryBudgetMb;
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);
        return (int)Math.Clamp(available / 2 - 128, 64, 256);
    }
}

/// <summary>Batch limits (configuration section <c>Batch</c>).</summary>
internal sealed class BatchOptions
{
    /// <summary>A batch's whole time; items not rendered by then are reported in the manifest as 503 (default 120 s).</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// The raster a batch may ask for in all, in megapixels (each PNG item costed as an A4 page at its dpi); a batch
    /// asking for more is refused up front with 413 (default 1,200: 34 pages at 600 dpi, 550 at 150 dpi).
    /// </summary>
    public int MaxRasterMegapixels { get; set; } = 1200;
}
