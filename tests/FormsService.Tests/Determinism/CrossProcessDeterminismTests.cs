using System.Diagnostics;
using System.Security.Cryptography;
using FormsService.Core.Engine;
using FormsService.Tests.Support;

namespace FormsService.Tests.Determinism;

/// <summary>
/// The same input gives the same bytes in any process: every form version in each of its languages × format, filled
/// with its example and blank, is rendered by two fresh processes (one under another culture and GC) and by this
/// one, and all three must agree. Hash seeds, culture, pooled buffers and static caches differ between processes; a render that depends on
/// any of them shows here and not in an in-process repeat.
/// </summary>
public sealed class CrossProcessDeterminismTests
{
    [Fact]
    public void Two_processes_and_this_one_render_identical_bytes()
    {
        var first = RunDigests(new Dictionary<string, string>());
        var second = RunDigests(new Dictionary<string, string>
        {
            ["LANG"] = "tr_TR.UTF-8",
            ["LC_ALL"] = "tr_TR.UTF-8",
            ["DOTNET_gcServer"] = "1",
            ["DOTNET_TieredCompilation"] = "0",
        });
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(first, InProcess());
    }

    private static List<string> InProcess()
    {
        using var engine = FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts);
        return FormsService.Digests.DocumentDigests.Of(engine);
    }

    private static List<string> RunDigests(Dictionary<string, string> environment)
    {
        // The tool is built beside this test project (same configuration and runtime): swap the project's folder name.
        var dll = Path.Combine(AppContext.BaseDirectory.Replace("FormsService.Tests", "FormsService.Digests", StringComparison.Ordinal),
            "FormsService.Digests.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built: the test project references it, so build the solution.");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add(Repo.Forms);
        psi.ArgumentList.Add(Repo.Fonts);
        foreach (var (key, value) in environment)
            psi.Environment[key] = value;
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the digest tool did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"the digest tool failed ({process.ExitCode}): {stderr.Result}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
