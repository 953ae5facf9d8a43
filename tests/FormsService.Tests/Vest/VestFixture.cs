using FormsService.Tests.Support;
using System.Text.Json;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.VestSpecimen;
using SkiaSharp;

namespace FormsService.Tests.Vest;

/// <summary>Loads the repository's vest specimen and fonts once for a test class.</summary>
public sealed class VestFixture : IDisposable
{
    public VestFixture()
    {
        RepoRoot = FindRepoRoot();
        SpecPath = Path.Combine(RepoRoot, "forms", "vest-specimen", "2025-733", "vest.json");
        Spec = VestSpec.Load(SpecPath);
        Bold = SKTypeface.FromFile(Path.Combine(RepoRoot, "fonts", "LiberationSans-Bold.ttf"))
               ?? throw new InvalidOperationException("Cannot load fonts/LiberationSans-Bold.ttf");
        Regular = SKTypeface.FromFile(Path.Combine(RepoRoot, "fonts", "LiberationSans-Regular.ttf"))
                  ?? throw new InvalidOperationException("Cannot load fonts/LiberationSans-Regular.ttf");
        Artwork = new VestArtwork(Spec, Bold, Regular);
        Exporter = new VestExporter(Artwork);
    }

    public string RepoRoot { get; }

    public string SpecPath { get; }

    internal VestSpec Spec { get; }

    internal SKTypeface Bold { get; }

    internal SKTypeface Regular { get; }

    internal VestArtwork Artwork { get; }

    internal VestExporter Exporter { get; }

    private readonly Lazy<FormsEngine> _engine = new(() => FormsService.Core.Composition.LoadEngine(Support.Repo.Forms, Support.Repo.Fonts));

    /// <summary>The artwork's PDF at real size, as the service makes it (through the engine's one PDF writer).</summary>
    internal byte[] RealSizePdf(VestParameters p)
    {
        var engine = _engine.Value;
        var version = Catalogue.InForce(engine, "vest-specimen");
        return engine.RenderArtwork(version, JsonSerializer.SerializeToElement(p, PayloadJson.Options), "pdf");
    }

    public void Dispose()
    {
        if (_engine.IsValueCreated) _engine.Value.Dispose();
        Bold.Dispose();
        Regular.Dispose();
    }

    /// <summary>Walks up from the test binaries to the folder that holds <c>forms/vest-specimen</c>.</summary>
    internal static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "forms", "vest-specimen"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"No folder containing forms/vest-specimen above {AppContext.BaseDirectory}");
    }
}
