using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;

// Soak: many renders across every form and format in-process; managed heap, RSS, live Skia objects and open file
// descriptors before and after. A leak of native objects shows as growth. Exit code 1 when anything grows over 10 %.
var renders = Arg("--renders", 100_000);
var threads = Arg("--threads", Environment.ProcessorCount);
var root = FindRoot();
using var engine = FormsService.Core.Composition.LoadEngine(Path.Combine(root, "forms"), Path.Combine(root, "fonts"));

var jobs = new List<(string Name, Func<byte[]> Render)>();
foreach (var entry in engine.Catalog.Forms.OrderBy(f => f.FormId, StringComparer.Ordinal))
{
    var version = entry.Versions[^1];
    var payload = version.Example;
    foreach (var format in version.Definition.Formats)
        jobs.Add(($"{version.FormId}.{format}", () => engine.Render(version, payload, format)));
}

Console.WriteLine($"Soak: {renders:N0} renders of {jobs.Count} form×format jobs on {threads} threads ({string.Join(", ", jobs.Select(j => j.Name))})");
// Warm-up (5 % of the run): caches filled, code jitted, the native allocator's arenas grown to their working size.
Run(Math.Max(50 * jobs.Count, renders / 20));
var before = Snapshot();
var watch = Stopwatch.StartNew();
var tenths = new List<string>();
for (var tenth = 0; tenth < 10; tenth++)
{
    Run(renders / 10);
    tenths.Add((Rss() / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture));
}
watch.Stop();
var after = Snapshot();
Console.WriteLine($"RSS (MB) after each tenth of the run: {string.Join(' ', tenths)}");

Console.WriteLine($"{renders:N0} renders in {watch.Elapsed.TotalSeconds:0.0} s ({renders / watch.Elapsed.TotalSeconds:0} renders/s)");
Console.WriteLine($"{"",-22}{"before",14}{"after",14}{"growth",10}");
var failed = false;
foreach (var (name, b, a) in new[]
{
    ("managed heap (bytes)", before.Heap, after.Heap),
    ("RSS (bytes)", before.Rss, after.Rss),
    ("live Skia objects", before.Skia, after.Skia),
    ("open descriptors", before.Fds, after.Fds),
})
{
    var growth = b == 0 ? 0 : (a - b) * 100.0 / b;
    failed |= growth > 10;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22}{b,14:N0}{a,14:N0}{growth,9:0.0}%"));
}
Console.WriteLine(failed ? "FAIL: growth over 10 %" : "OK: no growth over 10 %");
return failed ? 1 : 0;

void Run(int count)
{
    var next = -1;
    var workers = Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var bytes = jobs[i % jobs.Count].Render();
            if (bytes.Length == 0) throw new InvalidOperationException("Empty output.");
        }
    })).ToArray();
    Task.WaitAll(workers);
}

static (long Heap, long Rss, long Skia, long Fds) Snapshot()
{
    // RSS as the process runs: read before the forced collections below, whose compaction touches pages of its own.
    var rss = Rss();
    for (var i = 0; i < 3; i++)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, true, true);
        GC.WaitForPendingFinalizers();
    }
    var heap = GC.GetTotalMemory(true);
    var fds = Directory.Exists("/proc/self/fd") ? Directory.GetFiles("/proc/self/fd").Length : 0;
    return (heap, rss, SkiaObjects(), fds);
}

static long Rss() => File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
    .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).FirstOrDefault();

// SkiaSharp registers every live native wrapper in an internal dictionary: its size is the count of Skia objects.
static long SkiaObjects()
{
    var type = typeof(SkiaSharp.SKObject).Assembly.GetType("SkiaSharp.HandleDictionary");
    var field = type?.GetField("instances", BindingFlags.Static | BindingFlags.NonPublic);
    return field?.GetValue(null) is ICollection instances ? instances.Count : -1;
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FormsService.sln")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("FormsService.sln not found.");
}
