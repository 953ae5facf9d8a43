using System.Diagnostics;

namespace FormsService.Tests.Support;

/// <summary>Runs the machine tools the tests read documents with (installed by .ci/run).</summary>
public static class Tools
{
    public static (int ExitCode, string Output) Run(string file, string arguments, int timeoutMs = 120_000,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            psi.Environment[key] = value;
        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{file}' is not installed: run .ci/run once, or install it (see docs/testing.md).", ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutMs))
            {
                process.Kill(true);
                throw new TimeoutException($"{file} {arguments} did not finish in {timeoutMs} ms.");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "formsservice-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A temporary copy of the shipped forms, for a test that changes a definition or adds a form.</summary>
    public static string CopyOfShippedForms(string name)
    {
        var dir = TempDir(name);
        CopyDirectory(Repo.Forms, dir);
        return dir;
    }

    /// <summary>Copies a folder with everything in it.</summary>
    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
