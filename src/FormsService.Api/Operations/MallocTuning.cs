using System.Runtime.InteropServices;

namespace FormsService.Api.Operations;

/// <summary>What start-up did to glibc's allocator.</summary>
internal enum MallocTuningOutcome
{
    /// <summary>Not tried yet.</summary>
    None,
    /// <summary>Both thresholds are fixed.</summary>
    Applied,
    /// <summary>Not Linux with glibc (Windows, macOS, musl): nothing to set.</summary>
    NotGlibc,
    /// <summary>glibc said no to the value.</summary>
    Refused,
}

/// <summary>
/// Fixes glibc's mmap and trim thresholds at 1 MB, once per process, before anything renders. glibc raises the mmap
/// threshold to the size of every mapped block freed (up to 32 MB) and the trim threshold to twice that, so after the
/// first preview Skia's raster surfaces and encoder buffers, a few MB each, are carved from the per-thread arenas
/// instead of mapped on their own; freed there they fragment the arenas, and neither <c>free</c> nor
/// <c>malloc_trim</c> gives most of them back. After 25 s of distinct preview queries four arenas held 66 MB while idle
/// (233 MB in all against 119 MB before the load). Fixed, a large block is unmapped the moment it is freed and an
/// arena's free top goes back at once; the arenas keep only small and middle-sized blocks. Both are set: fixing the
/// mmap threshold alone leaves a trim threshold already raised, and an arena that keeps its top.
/// Not glibc's default of 128 KB: every PDF deflates its page content, and zlib's state for one stream is a block of
/// about 300 KB (window, hash chains, pending output). Above the threshold that block was mapped, faulted in page by
/// page, zeroed and unmapped for every stream — the largest single cost of a PDF request over HTTP. Under 1 MB it is
/// reused from the render thread's arena; a raster surface (3.5 MB for an A4 page at 96 dpi) is still mapped.
/// Set in code, not by <c>MALLOC_MMAP_THRESHOLD_</c> or <c>GLIBC_TUNABLES</c>, so that it holds under <c>dotnet run</c>
/// as in the container.
/// </summary>
internal sealed class MallocTuning(Func<bool> isGlibc, Func<int, int, int> mallopt)
{
    /// <summary>Both thresholds: above a deflate stream's state, below a raster surface.</summary>
    public const int ThresholdBytes = 1024 * 1024;

    /// <summary><c>M_TRIM_THRESHOLD</c> and <c>M_MMAP_THRESHOLD</c> in glibc's malloc.h.</summary>
    public const int MTrimThreshold = -1, MMmapThreshold = -3;

    private readonly Lock _gate = new();

    /// <summary>This process's allocator.</summary>
    public static MallocTuning Process { get; } = new(Glibc.IsPresent, Glibc.Mallopt);

    /// <summary>What the first <see cref="Apply"/> did.</summary>
    public MallocTuningOutcome Outcome { get; private set; }

    /// <summary>Sets the thresholds the first time; later calls (a second host in the process) change nothing.</summary>
    public MallocTuningOutcome Apply()
    {
        lock (_gate)
        {
            if (Outcome != MallocTuningOutcome.None) return Outcome;
            if (!OperatingSystem.IsLinux() || !isGlibc())
                return Outcome = MallocTuningOutcome.NotGlibc;
            var mmap = mallopt(MMmapThreshold, ThresholdBytes) == 1;
            var trim = mallopt(MTrimThreshold, ThresholdBytes) == 1;
            return Outcome = mmap && trim ? MallocTuningOutcome.Applied : MallocTuningOutcome.Refused;
        }
    }

    /// <summary>glibc by its soname, so that musl (which has no <c>libc.so.6</c>) is told apart without a guess.</summary>
    private static class Glibc
    {
        public static bool IsPresent()
        {
            try { return GnuGetLibcVersion() != IntPtr.Zero; }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException) { return false; }
        }

        public static int Mallopt(int option, int value) => MalloptNative(option, value);

        [DllImport("libc.so.6", EntryPoint = "gnu_get_libc_version")]
        private static extern IntPtr GnuGetLibcVersion();

        [DllImport("libc.so.6", EntryPoint = "mallopt")]
        private static extern int MalloptNative(int param, int value);
    }
}
