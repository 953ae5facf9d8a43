using FormsService.Tests.Support;
using SkiaSharp;

namespace FormsService.Tests.VestHttp;

/// <summary>
/// The default preview at 96 dpi against an approved PNG. A missing approved file is written next to the source and
/// the test fails, so that a missing snapshot never passes silently; commit the file once it looks right.
/// </summary>
public sealed class VestApprovedSnapshotTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Name = "vest-specimen-96dpi.png";
    private const int ChannelTolerance = 8;
    private const double MinMatchingShare = 0.995;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Default_96_dpi_preview_matches_the_approved_png()
    {
        var actual = await _client.GetBytes(VestHttp.Preview + "?format=png&dpi=96", "image/png");

        var source = Path.Combine(Repo.Root, "tests", "FormsService.Tests", "Approved", Name);
        var copied = Path.Combine(AppContext.BaseDirectory, "Approved", Name);
        var approvedPath = File.Exists(copied) ? copied : File.Exists(source) ? source : null;
        if (approvedPath is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            await File.WriteAllBytesAsync(source, actual);
            Assert.Fail($"No approved snapshot: wrote the current render to {source}. Look at it, commit it, and run the test again.");
        }

        using var approved = VestHttp.Decode(await File.ReadAllBytesAsync(approvedPath));
        using var fresh = VestHttp.Decode(actual);
        var receivedPath = Path.Combine(Tools.TempDir("vest-snapshot"), Name.Replace(".png", ".received.png"));

        if (approved.Width != fresh.Width || approved.Height != fresh.Height)
        {
            await File.WriteAllBytesAsync(receivedPath, actual);
            Assert.Fail($"Size {fresh.Width}×{fresh.Height} differs from the approved {approved.Width}×{approved.Height} ({approvedPath}); the render is at {receivedPath}.");
        }

        var a = approved.Pixels;
        var b = fresh.Pixels;
        var matching = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (Close(a[i], b[i])) matching++;
        }

        var share = matching / (double)a.Length;
        if (share < MinMatchingShare)
        {
            await File.WriteAllBytesAsync(receivedPath, actual);
            Assert.Fail($"Only {share:P2} of pixels are within {ChannelTolerance} per channel of the approved {approvedPath} "
                        + $"(need {MinMatchingShare:P1}); the render is at {receivedPath}. If the change is intended, replace the approved file.");
        }
    }

    private static bool Close(SKColor x, SKColor y) =>
        Math.Abs(x.Red - y.Red) <= ChannelTolerance
        && Math.Abs(x.Green - y.Green) <= ChannelTolerance
        && Math.Abs(x.Blue - y.Blue) <= ChannelTolerance;
}
