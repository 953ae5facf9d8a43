using System.Runtime;
using System.Runtime.InteropServices;

namespace FormsService.Api.Operations;

/// <summary>
/// Gives memory back once the load stops. The GC keeps a heap sized for the last burst and glibc keeps the pages
/// Skia's surfaces were freed into: after 40 previews at 600 dpi the process stayed at 669 MB while idle, and after a
/// flood of 1 MB bodies on /validate at 271 MB. Two seconds after the last request and the last render end, one
/// compacting collection that decommits, and <c>malloc_trim</c>, bring it back near idle; at most once per burst, so
/// a steady load never pays for it. Health probes and metric scrapes are no burst (<see cref="RequestActivity"/>).
/// Kestrel's block pool is not trimmed here (it gives its blocks back at about 1 % in ten seconds): it stays small
/// because Kestrel reads ahead only 64 KB a connection (<see cref="ServiceSetup.RequestBufferBytes"/>).
/// </summary>
internal sealed class IdleTrimmer(RenderRunner runner, RequestActivity requests, ILogger<IdleTrimmer> logger) : BackgroundService
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private static bool _noMallocTrim;
    private int _trims;

    /// <summary>Bursts trimmed so far.</summary>
    public int Trims => Volatile.Read(ref _trims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        var trimmedAt = (runner.LastFinished, requests.Ended);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A render outlives its request when it timed out: both must be quiet.
            var seen = (runner.LastFinished, requests.Ended);
            if (seen == trimmedAt || runner.IdleFor < Quiet || requests.IdleFor < Quiet) continue;
            trimmedAt = seen;
            var before = Environment.WorkingSet;
            Trim();
            Interlocked.Increment(ref _trims);
            logger.LogDebug("Idle: memory trimmed from {Before} to {After} MB", before >> 20, Environment.WorkingSet >> 20);
        }
    }

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
