using System.Net;
using System.Text.Json.Nodes;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Tests.Support;
using static FormsService.Tests.ReferralCertificate.ReferralCertificateSamples;

namespace FormsService.Tests.Catalog;

/// <summary>A new version of a form is a new folder: no C# change.</summary>
public sealed class VersionedCatalogTests
{
    /// <summary>A copy of the shipped forms plus a later version of the referral-certificate with changed text.</summary>
    private static string FormsWithSecondVersion()
    {
        var dir = Tools.CopyOfShippedForms("forms");
        var source = Path.Combine(dir, "referral-certificate", "2025-733");
        var target = Path.Combine(dir, "referral-certificate", "test-2027");
        Tools.CopyDirectory(source, target);
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "definition.json")))!.AsObject();
        definition["version"] = "test-2027";
        definition["effectiveFrom"] = "2027-01-01";
        definition["effectiveFromSource"] = "Test fixture.";
        definition["body"]![4]!["paragraph"]![0] = "ЖАҢА НҰСҚА: АНЫҚТАМА-ЖОЛДАМА";
        File.WriteAllText(Path.Combine(target, "definition.json"), definition.ToJsonString());
        return dir;
    }

    [Fact]
    public void The_version_in_force_is_picked_by_date()
    {
        using var engine = FormsService.Core.Composition.LoadEngine(FormsWithSecondVersion(), Repo.Fonts);
        var versions = engine.Catalog.Find("referral-certificate")!.Versions.Select(v => v.Version);
        Assert.Equal(["2025-733", "test-2027"], versions.Where(v => v is "2025-733" or "test-2027"));
        Pick(engine, new DateOnly(2026, 12, 31), "2025-733");
        Pick(engine, new DateOnly(2027, 1, 1), "test-2027");
        Assert.IsType<VersionLookup.NoneInForce>(engine.Catalog.Select("referral-certificate", null, new DateOnly(2025, 10, 10), default));
        var exact = engine.Catalog.Select("referral-certificate", "2025-733", null, new DateOnly(2030, 1, 1));
        Assert.Equal("2025-733", Assert.IsType<VersionLookup.Found>(exact).Version.Version);
    }

    private static void Pick(FormsEngine engine, DateOnly date, string expected)
    {
        var lookup = engine.Catalog.Select("referral-certificate", null, date, default);
        Assert.Equal(expected, Assert.IsType<VersionLookup.Found>(lookup).Version.Version);
    }

    [Fact]
    public async Task The_service_lists_the_new_version_and_renders_it_by_asOf()
    {
        await using var factory = new ConfiguredServiceFactory(FormsWithSecondVersion());
        var client = factory.CreateClient();
        var form = JsonNode.Parse(await client.GetStringAsync("/api/forms/referral-certificate"))!;
        Assert.Contains(form["versions"]!.AsArray(), v => v!["version"]!.GetValue<string>() == "test-2027");

        var later = await client.PostJson(RenderUrl + "?format=pdf&asOf=2027-03-01", Example);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal("test-2027", later.Headers.GetValues("X-Form-Version").Single());
        Assert.Contains("ЖАҢА НҰСҚА", DocumentText.Pdf(await later.Content.ReadAsByteArrayAsync()));

        var earlier = await client.PostJson(RenderUrl + "?format=pdf&asOf=2026-03-01", Example);
        Assert.Equal("2025-733", earlier.Headers.GetValues("X-Form-Version").Single());
        Assert.DoesNotContain("ЖАҢА НҰСҚА", DocumentText.Pdf(await earlier.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("{convict.nickname}", "$.body[5].paragraph[3].field")]
    [InlineData("{convict.surname", "$.body[5].paragraph[3].field")]
    public void A_broken_definition_stops_start_up_naming_its_file_and_path(string field, string path)
    {
        var dir = FormsWithSecondVersion();
        var file = Path.Combine(dir, "referral-certificate", "test-2027", "definition.json");
        var definition = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        definition["body"]![5]!["paragraph"]![3]!["field"] = field;
        File.WriteAllText(file, definition.ToJsonString());
        var error = Assert.Throws<DefinitionException>(() => FormsService.Core.Composition.LoadEngine(dir, Repo.Fonts));
        Assert.Equal(file, error.File);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public void A_definition_with_a_wrong_type_names_the_path()
    {
        var dir = FormsWithSecondVersion();
        var file = Path.Combine(dir, "referral-certificate", "test-2027", "definition.json");
        var definition = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        definition["effectiveFrom"] = "soon";
        File.WriteAllText(file, definition.ToJsonString());
        var error = Assert.Throws<DefinitionException>(() => FormsService.Core.Composition.LoadEngine(dir, Repo.Fonts));
        Assert.Equal("$.effectiveFrom", error.JsonPath);
    }

    [Fact]
    public void A_missing_font_stops_start_up()
    {
        var fonts = Tools.TempDir("fonts");
        var error = Assert.ThrowsAny<Exception>(() => FormsService.Core.Composition.LoadEngine(Repo.Forms, fonts));
        Assert.Contains("LiberationSerif-Regular.ttf", error.Message);
    }
}
