using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Benchmarks;

/// <summary>
/// The calling thread's CPU time (getrusage, RUSAGE_THREAD): on a machine shared with other work, wall-clock times
/// include the waits for a core; CPU time much less so.
/// </summary>
internal static class ThreadCpu
{
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss, Ixrss, Idrss, Isrss, Minflt, Majflt, Nswap, Inblock, Oublock, Msgsnd, Msgrcv, Nsignals, Nvcsw, Nivcsw;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    public static double Milliseconds()
    {
        if (getrusage(1, out var u) != 0) return double.NaN;
        return (u.UserSeconds + u.SystemSeconds) * 1000.0 + (u.UserMicroseconds + u.SystemMicroseconds) / 1000.0;
    }
}

/// <summary>A Stopwatch split of the 60-person time sheet by stage: check (bind, rules, view), build and layout, glyphs, PDF, DOCX.</summary>
internal static class Stages
{
    public static void Run(int n)
    {
        var engine = Fixture.Engine;
        var version = Fixture.VersionOf("time-sheet");
        var payload = JsonDocument.Parse(TimeSheetPayloads.Month(60)).RootElement.Clone();
        var check = engine.Check(version, payload);
        var laid = engine.Lay(version, check);
        var pdf = new PdfRenderer(engine.Fonts, new FontSubsetCache());
        var docx = new DocxRenderer();
        var layout = new FormsService.Core.Engine.Layout.LayoutEngine(engine.Fonts);
        var carried = version.Module.CarriedPayload(check);
        var stages = new (string Name, Action Run)[]
        {
            ("check (bind, rules, view)", () => engine.Check(version, payload)),
            ("build+layout", () => engine.Lay(version, check)),
            ("build+layout (for docx)", () => engine.Lay(version, check, FormsService.Core.Engine.OutputFormats.Docx, default)),
            ("layout", () => layout.Layout(laid.Source)),
            ("layout (for docx)", () => layout.Layout(laid.Source, default, drawn: false)),
            ("glyph usage", () => GlyphUsage.Collect(laid, engine.Fonts)),
            ("pdf (from layout)", () => pdf.Render(laid)),
            ("docx (from layout)", () => docx.Render(laid)),
            ("carried payload", () => version.Module.CarriedPayload(check)),
            ("docx (layout, payload)", () => docx.Render(laid, carried)),
        };
        Console.WriteLine($"== time-sheet, 60 persons: median of {n} runs");
        foreach (var (name, run) in stages)
        {
            // Warmed by time, as the medians are: tier-0 code measures the JIT, not the engine.
            var warm = Stopwatch.StartNew();
            for (var i = 0; i < 30 || warm.Elapsed < TimeSpan.FromSeconds(2); i++) run();
            var times = new double[n];
            var alloc0 = GC.GetAllocatedBytesForCurrentThread();
            var cpu0 = ThreadCpu.Milliseconds();
            for (var i = 0; i < n; i++)
            {
                var t = Stopwatch.GetTimestamp();
                run();
                times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
            var cpu = (ThreadCpu.Milliseconds() - cpu0) / n;
            var alloc = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / (double)n;
            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-28} median {times[n / 2],8:0.000} ms   p95 {times[(int)(n * 0.95)],8:0.000} ms   cpu mean {cpu,8:0.000} ms   alloc {alloc / 1024,8:0.0} KB"));
        }
    }
}
