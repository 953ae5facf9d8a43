using System.Runtime;
using System.Runtime.InteropServices;

namespace FormsService.Api.Operations;

/// <summary>
/// Gives memory back once the load stops. The GC keeps a heap sized for the last burst and glibc keeps the pages
/// Skia's surfaces were freed into: after 40 previews at 600 dpi the process stayed at 669 MB while idle, and after a
/// flood of 1 MB bodies on /validate at 271 MB. Two seconds after the last request and the last render end, one
/// compacting collection that decommits, and <c>malloc_trim</c>, bring it back near idle; at most once per burst, so
/// a steady load never pays for it. Health probes and metric scrapes are no burst (<see cref="RequestActivity"/>).
/// Kestrel's block pool gives its blocks back gradually, every ten seconds or so, and nothing collects them while the
/// service is idle (266 MB of pinned blocks stayed after the /validate flood): so while the service stays idle, a trim
/// is repeated every <see cref="Settle"/> for as long as it still gives back at least 4 MB.
/// </summary>
internal sealed class IdleTrimmer(RenderRunner runner, RequestActivity requests, ILogger<IdleTrimmer> logger) : BackgroundService
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private const long WorthSettling = 4L * 1024 * 1024;
    private static bool _noMallocTrim;
    private int _trims;

    /// <summary>Bursts trimmed so far.</summary>
    public int Trims => Volatile.Read(ref _trims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        var trimmedAt = (runner.LastFinished, requests.Ended);
        var settling = false;
        var lastTrim = TimeSpan.Zero;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A render outlives its request when it timed out: both must be quiet.
            if (runner.IdleFor < Quiet || requests.IdleFor < Quiet) continue;
            var seen = (runner.LastFinished, requests.Ended);
            var burst = seen != trimmedAt;
            if (!burst && !(settling && clock.Elapsed - lastTrim >= Settle)) continue;
            trimmedAt = seen;
            lastTrim = clock.Elapsed;
            var before = Environment.WorkingSet;
            Trim();
            var after = Environment.WorkingSet;
            settling = burst || before - after >= WorthSettling;
            if (burst) Interlocked.Increment(ref _trims);
            else Interlocked.Increment(ref _settles);
            logger.LogDebug("Idle: memory trimmed from {Before} to {After} MB", before >> 20, after >> 20);
        }
    }

    /// <summary>Trims repeated while idle after a burst's (see <see cref="Settle"/>).</summary>
    public int Settles => Volatile.Read(ref _settles);

    private int _settles;

    public static void Trim()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (_noMallocTrim) return;
        try { MallocTrim(0); }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, say): the collection alone has to do.
            _noMallocTrim = true;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
