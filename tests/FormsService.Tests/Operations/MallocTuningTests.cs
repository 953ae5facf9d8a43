using System.Runtime.InteropServices;
using FormsService.Api.Operations;
using FormsService.Tests.Support;

namespace FormsService.Tests.Operations;

/// <summary>
/// glibc's mmap threshold is fixed once at start-up, so that freed raster surfaces go back to the system instead of
/// fragmenting the arenas; nothing is tried off glibc.
/// </summary>
public sealed class MallocTuningTests
{
    [Fact]
    public void The_threshold_is_set_once_however_many_hosts_start()
    {
        var calls = new List<(int Option, int Value)>();
        var tuning = new MallocTuning(() => true, (option, value) => { calls.Add((option, value)); return 1; });

        Assert.Equal(MallocTuningOutcome.None, tuning.Outcome);
        Assert.Equal(OperatingSystem.IsLinux() ? MallocTuningOutcome.Applied : MallocTuningOutcome.NotGlibc, tuning.Apply());
        Assert.Equal(tuning.Outcome, tuning.Apply());

        // M_MMAP_THRESHOLD and M_TRIM_THRESHOLD, each at 1 MB.
        Assert.Equal(OperatingSystem.IsLinux() ? [(-3, 1024 * 1024), (-1, 1024 * 1024)] : [], calls);
    }

    [Fact]
    public void Off_glibc_nothing_is_called()
    {
        var calls = 0;
        var tuning = new MallocTuning(() => false, (_, _) => ++calls);

        Assert.Equal(MallocTuningOutcome.NotGlibc, tuning.Apply());
        Assert.Equal(MallocTuningOutcome.NotGlibc, tuning.Apply());
        Assert.Equal(0, calls);
    }

    [Fact]
    public void A_value_glibc_refuses_is_reported_not_retried()
    {
        var calls = 0;
        var tuning = new MallocTuning(() => true, (_, _) => { calls++; return 0; });
        var expected = OperatingSystem.IsLinux() ? MallocTuningOutcome.Refused : MallocTuningOutcome.NotGlibc;

        Assert.Equal(expected, tuning.Apply());
        Assert.Equal(expected, tuning.Apply());
        Assert.Equal(OperatingSystem.IsLinux() ? 2 : 0, calls);
    }

    [Fact]
    public async Task The_service_fixes_the_threshold_at_start_up_on_glibc()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        factory.CreateClient();

        Assert.Equal(RunsOnGlibc() ? MallocTuningOutcome.Applied : MallocTuningOutcome.NotGlibc, MallocTuning.Process.Outcome);
    }

    [Fact]
    public void After_a_large_block_is_freed_the_next_large_block_is_still_mapped_on_its_own()
    {
        // The service ships for linux-x64 on glibc (Debian): elsewhere this test has nothing to read and fails.
        Assert.True(RunsOnGlibc(), "not glibc: the test reads glibc's chunk header");
        Assert.Equal(MallocTuningOutcome.Applied, MallocTuning.Process.Apply());

        // Left to itself glibc raises the mmap threshold to the size of this block when it is freed (and the trim
        // threshold to twice that), and the next blocks below it land in an arena, where freeing them leaves holes and
        // a top the process keeps. Near the 32 MB cap, so that no arena of this busy test process has such a hole.
        Marshal.FreeHGlobal(Marshal.AllocHGlobal(31 << 20));
        var block = Marshal.AllocHGlobal(30 << 20);
        try
        {
            // glibc's chunk header sits just below the pointer; bit 1 of its size word is IS_MMAPPED.
            Assert.True((Marshal.ReadInt64(block, -8) & 2) != 0, "the 30 MB block came from an arena, not from its own mapping");
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }

    [Fact]
    public void A_block_the_size_of_a_deflate_streams_state_comes_from_an_arena()
    {
        Assert.True(RunsOnGlibc(), "not glibc: the test reads glibc's chunk header");
        Assert.Equal(MallocTuningOutcome.Applied, MallocTuning.Process.Apply());

        // zlib's state for one stream is about 300 KB: mapped on its own, every PDF paid for faulting it in page by
        // page and unmapping it again.
        var block = Marshal.AllocHGlobal(400 * 1024);
        try
        {
            Assert.True((Marshal.ReadInt64(block, -8) & 2) == 0, "a 400 KB block was mapped on its own");
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }

    /// <summary>Told from the process's own mappings, not by the code under test.</summary>
    private static bool RunsOnGlibc() =>
        OperatingSystem.IsLinux() && File.ReadLines("/proc/self/maps").Any(line => line.EndsWith("/libc.so.6", StringComparison.Ordinal));
}
