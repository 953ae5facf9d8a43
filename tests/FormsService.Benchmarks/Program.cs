using BenchmarkDotNet.Running;
using FormsService.Benchmarks;

// Usage:
//   dotnet run -c Release --project tests/FormsService.Benchmarks -- --filter '*' --job short
//   dotnet run -c Release --project tests/FormsService.Benchmarks -- sizes [dir]    (output sizes; with dir, writes the outputs there)
//   dotnet run -c Release --project tests/FormsService.Benchmarks -- breakdown [n]  (Stopwatch breakdown, n renders)
//   ... -- stages [n]                (Stopwatch split of the 60-person time sheet by stage)
//   ... -- loop <Case> _ <seconds>   (a tight loop, for perf record)
//   ... -- median <Case> [n]         (warm Stopwatch median of one case)
//   ... -- allocs <Case> [n]         (bytes allocated per render, sampled by type)
//   ... -- soak [n]                  (n certificate PDFs in-process, RSS before/after)
//   ... -- peer-doc [formId]         (the document model as JSON, for the pdfmake peer)
if (args.Length > 0 && args[0] == "sizes")
{
    Sizes.Print(args.Length > 1 ? Directory.CreateDirectory(args[1]).FullName : null);
    return 0;
}
if (args.Length > 0 && args[0] == "breakdown")
{
    Breakdown.Run(args.Length > 1 ? int.Parse(args[1]) : 2000);
    return 0;
}
if (args.Length > 0 && args[0] == "stages")
{
    // The time sheet's stages: stages [n].
    Stages.Run(args.Length > 1 ? int.Parse(args[1]) : 200);
    return 0;
}
if (args.Length > 0 && args[0] == "loop")
{
    // A tight render loop for `perf record`: loop <form> <format> <seconds>.
    Breakdown.Loop(args[1], args[2], args.Length > 3 ? double.Parse(args[3]) : 10);
    return 0;
}
if (args.Length > 0 && args[0] == "allocs")
{
    // Allocated bytes per render and a sample of the types allocated: allocs <Case> [n].
    Allocations.Run(args[1], args.Length > 2 ? int.Parse(args[2]) : 500);
    return 0;
}
if (args.Length > 0 && args[0] == "peer-doc")
{
    // The certificate's text and styles as JSON for the pdfmake peer: peer-doc [formId]
    PeerDocument.Write(args.Length > 1 ? args[1] : "referral-certificate", Console.Out);
    return 0;
}
if (args.Length > 0 && args[0] == "median")
{
    // Warm Stopwatch median of one case: median <Case> [n]; prints MEDIAN_MS=… (used by tests/load/run-load.sh).
    Breakdown.Median(args[1], args.Length > 2 ? int.Parse(args[2]) : 2000);
    return 0;
}
if (args.Length > 0 && args[0] == "startup")
{
    // Cold start-up split: the fonts alone, then the whole engine (fonts again, definitions, calendar, rules).
    var w = System.Diagnostics.Stopwatch.StartNew();
    using (FormsService.Core.Engine.Fonts.FontLibrary.Load(Path.Combine(Fixture.Root, "fonts"))) { }
    Console.WriteLine($"fonts: {w.Elapsed.TotalMilliseconds:0} ms");
    w.Restart();
    using (FormsService.Core.Composition.LoadEngine(Path.Combine(Fixture.Root, "forms"), Path.Combine(Fixture.Root, "fonts"))) { }
    Console.WriteLine($"engine (fonts warm): {w.Elapsed.TotalMilliseconds:0} ms");
    w.Restart();
    using (FormsService.Core.Composition.LoadEngine(Path.Combine(Fixture.Root, "forms"), Path.Combine(Fixture.Root, "fonts"))) { }
    Console.WriteLine($"engine again (all warm): {w.Elapsed.TotalMilliseconds:0} ms");
    return 0;
}
if (args.Length > 0 && args[0] == "soak")
{
    Soak.Run(args.Length > 1 ? int.Parse(args[1]) : 100_000);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
return 0;
