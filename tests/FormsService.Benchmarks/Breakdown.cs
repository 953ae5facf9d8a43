using System.Diagnostics;
using System.Globalization;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Benchmarks;

/// <summary>A Stopwatch breakdown of one PDF render by stage, and a tight loop to profile with perf.</summary>
internal static class Breakdown
{
    public static void Run(int n)
    {
        foreach (var formId in new[] { "referral-certificate", "work-order", "vest-specimen" })
        {
            var engine = Fixture.Engine;
            var version = Fixture.VersionOf(formId);
            var payload = Fixture.Checked(formId);
            var subsets = new FontSubsetCache();
            var pdf = new PdfRenderer(engine.Fonts, subsets);
            var docx = new DocxRenderer();
            var laid = engine.Lay(version, payload);
            pdf.Render(laid);
            var stages = new (string Name, Action Run)[]
            {
                ("build+layout", () => engine.Lay(version, payload)),
                ("glyph usage", () => GlyphUsage.Collect(laid, engine.Fonts)),
                ("subset lookups", () =>
                {
                    foreach (var (face, cps) in GlyphUsage.Collect(laid, engine.Fonts)) subsets.Get(face, cps);
                }),
                ("pdf (from layout)", () => pdf.Render(laid)),
                ("docx (from layout)", () => docx.Render(laid)),
                ("pdf (engine, end to end)", () => engine.Render(version, payload, "pdf")),
            };
            Console.WriteLine($"== {formId}: median of {n} runs");
            foreach (var (name, run) in stages)
            {
                for (var i = 0; i < 50; i++) run();
                var times = new double[n];
                var alloc0 = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < n; i++)
                {
                    var t = Stopwatch.GetTimestamp();
                    run();
                    times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                }
                var alloc = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / (double)n;
                Array.Sort(times);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-26} median {times[n / 2],8:0.000} ms   p95 {times[(int)(n * 0.95)],8:0.000} ms   alloc {alloc / 1024,8:0.0} KB"));
            }
        }
    }

    public static void Median(string caseName, int n)
    {
        var c = Cases.Get(caseName);
        // Warm by time, not by count: a sub-millisecond render needs seconds of calls before tiered compilation has
        // promoted its methods, and a median over tier-0 code measures the JIT, not the engine.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 200 || warm.Elapsed < TimeSpan.FromSeconds(4); i++) c.Render();
        var times = new double[n];
        var bytes = 0;
        // The process's CPU time as well as the wall time: on a shared machine a render preempted by a neighbour
        // takes longer on the clock but not on the CPU.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < n; i++)
        {
            var t = Stopwatch.GetTimestamp();
            bytes = c.Render().Length;
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        var cpuPerRender = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / n;
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"service {caseName}: {n} warm renders, median {times[n / 2]:0.000} ms, p95 {times[(int)(n * 0.95)]:0.000} ms, CPU {cpuPerRender:0.000} ms per render, {bytes} bytes, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MEDIAN_MS={times[n / 2]:0.000}"));
    }

    public static void Loop(string caseName, string unused, double seconds)
    {
        var c = Cases.Get(caseName);
        c.Render();
        var sw = Stopwatch.StartNew();
        var count = 0;
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            c.Render();
            count++;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{caseName}: {count} renders in {sw.Elapsed.TotalSeconds:0.0} s = {sw.Elapsed.TotalMilliseconds / count:0.000} ms each"));
    }
}

/// <summary>An in-process soak: many renders of the certificate PDF, resident memory before and after.</summary>
internal static class Soak
{
    public static void Run(int n)
    {
        var c = Cases.Get("ReferralCertificatePdf");
        c.Render();
        Console.WriteLine($"soak: RSS before {Rss()} MB");
        var sw = Stopwatch.StartNew();
        for (var i = 1; i <= n; i++)
        {
            c.Render();
            if (i % (n / 10) == 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: {i,7} renders, RSS {Rss()} MB, {sw.Elapsed.TotalSeconds:0.0} s"));
        }
        Console.WriteLine($"soak: RSS after {Rss()} MB");
    }

    public static long Rss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        return -1;
    }
}
