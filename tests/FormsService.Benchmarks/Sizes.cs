using System.Globalization;

namespace FormsService.Benchmarks;

internal static class Sizes
{
    public static void Print(string? directory = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        _ = Fixture.Engine;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// engine load (fonts, definitions, calendar), cold: {watch.Elapsed.TotalMilliseconds:0} ms"));
        foreach (var c in Cases.All)
        {
            var bytes = c.Render();
            if (directory is not null)
                File.WriteAllBytes(Path.Combine(directory, c.Name + "." + c.Format), bytes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// output size {c.Name,-24} {bytes.Length,9:N0} bytes ({bytes.Length / 1024.0:0.0} KB)"));
        }
    }
}
