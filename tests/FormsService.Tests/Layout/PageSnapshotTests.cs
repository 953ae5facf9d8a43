using FormsService.Core.Engine.Rendering;
using FormsService.Tests.Support;
using SkiaSharp;

namespace FormsService.Tests.Layout;

/// <summary>
/// Every page of every shipped form's example and of its blank (a monthly form's also for one month), in every
/// language its version offers (a Russian page's file is named <c>_ru_</c>), at 96 dpi against
/// an approved PNG (Approved/pages), with a small tolerance for anti-aliasing. A missing or different snapshot fails;
/// with APPROVE=1 the render is written as the approved file instead (look at it, then commit it).
/// </summary>
public sealed class PageSnapshotTests
{
    private const int Dpi = 96;
    private const int ChannelTolerance = 8;
    private const double MinMatchingShare = 0.998;

    private static bool Approving => Environment.GetEnvironmentVariable("APPROVE") == "1";

    /// <summary>The month a monthly form's blank is also approved for (its days off shaded).</summary>
    private const string BlankMonth = "2025-11";

    public static TheoryData<string, string, string, int> Pages()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var form in TimeSheetFixture.Engine.Catalog.Forms.OrderBy(f => f.FormId, StringComparer.Ordinal))
            foreach (var version in form.Versions.Where(v => v.Example is not null))
                foreach (var language in version.Languages)
                    for (var page = 0; page < TimeSheetFixture.Engine.Lay(version.In(language)!, version.Example).PageCount; page++)
                        data.Add(form.FormId, version.Version, language, page + 1);
        return data;
    }

    /// <summary>The file name's mark of a language: none for the default (the names approved before there were languages).</summary>
    private static string Mark(string language) => language == Catalogue.DefaultLanguage ? "" : "_" + language;

    /// <summary>Every page of every form's blank (the forms printed by hand), and a monthly blank for its month.</summary>
    public static TheoryData<string, string, string, string, int> BlankPages()
    {
        var engine = TimeSheetFixture.Engine;
        var data = new TheoryData<string, string, string, string, int>();
        foreach (var form in engine.Catalog.Forms.OrderBy(f => f.FormId, StringComparer.Ordinal))
            foreach (var version in form.Versions.Where(v => !FormsService.Core.Engine.FormsEngine.HasArtwork(v)))
                foreach (var language in version.Languages)
                    foreach (var month in version.Module.BlankTakesMonth ? new[] { "", BlankMonth } : [""])
                        for (var page = 0; page < Blank(version.In(language)!, month).PageCount; page++)
                            data.Add(form.FormId, version.Version, language, month, page + 1);
        return data;
    }

    private static FormsService.Core.Engine.Layout.LaidOutDocument Blank(FormsService.Core.Engine.Catalog.FormVersion version, string month) =>
        TimeSheetFixture.Engine.LayBlank(version, month.Length == 0 ? FormsService.Core.Engine.Modules.BlankOptions.None
            : new FormsService.Core.Engine.Modules.BlankOptions(DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [MemberData(nameof(Pages))]
    public void Each_page_of_each_form_matches_its_approved_snapshot(string formId, string version, string language, int page)
    {
        var engine = TimeSheetFixture.Engine;
        var form = engine.Catalog.Find(formId)!.Versions.Single(v => v.Version == version).In(language)!;
        var png = new PageImageRenderer(engine.Fonts).RenderPng(engine.Lay(form, form.Example), page - 1, Dpi);
        Approve($"{formId}_{version}{Mark(language)}_p{page}.png", png);
    }

    [Theory]
    [MemberData(nameof(BlankPages))]
    public void Each_page_of_each_blank_matches_its_approved_snapshot(string formId, string version, string language, string month, int page)
    {
        var engine = TimeSheetFixture.Engine;
        var form = engine.Catalog.Find(formId)!.Versions.Single(v => v.Version == version).In(language)!;
        var png = new PageImageRenderer(engine.Fonts).RenderPng(Blank(form, month), page - 1, Dpi);
        Approve($"{formId}_{version}{Mark(language)}_blank{(month.Length > 0 ? "_" + month : "")}_p{page}.png", png);
    }

    private static void Approve(string name, byte[] png)
    {
        var approvedPath = Path.Combine(Repo.Root, "tests", "FormsService.Tests", "Approved", "pages", name);
        var problem = Compare(approvedPath, png);
        if (problem is null)
            return;
        if (Approving)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approvedPath)!);
            File.WriteAllBytes(approvedPath, png);
            return;
        }
        var received = Path.Combine(Tools.TempDir("page-snapshot"), name.Replace(".png", ".received.png"));
        File.WriteAllBytes(received, png);
        Assert.Fail($"{problem} The render is at {received}. If the change is intended, run with APPROVE=1 and commit the file.");
    }

    private static string? Compare(string approvedPath, byte[] png)
    {
        if (!File.Exists(approvedPath))
            return $"No approved snapshot {approvedPath}.";
        using var approved = SKBitmap.Decode(approvedPath);
        using var fresh = SKBitmap.Decode(png);
        if (approved.Width != fresh.Width || approved.Height != fresh.Height)
            return $"Size {fresh.Width}×{fresh.Height} differs from the approved {approved.Width}×{approved.Height}.";
        var a = approved.Pixels;
        var b = fresh.Pixels;
        var matching = 0;
        for (var i = 0; i < a.Length; i++)
            if (Math.Abs(a[i].Red - b[i].Red) <= ChannelTolerance && Math.Abs(a[i].Green - b[i].Green) <= ChannelTolerance
                && Math.Abs(a[i].Blue - b[i].Blue) <= ChannelTolerance)
                matching++;
        var share = matching / (double)a.Length;
        return share >= MinMatchingShare ? null : $"Only {share:P2} of pixels are within {ChannelTolerance} per channel of {approvedPath} (need {MinMatchingShare:P1}).";
    }
}
