using System.Net;
using System.Text.Json.Nodes;
using FluentValidation;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FormsService.Tests.Catalog;

/// <summary>
/// The README's two recipes carried out as written: a new version is a folder (no C# change), and a new form is a
/// folder of data, a module and one line in the list. Each runs on a copy of the shipped <c>forms/</c>.
/// </summary>
public sealed class RecipeTests
{
    private const string FormId = "referral-certificate", Current = "2025-733", Scratch = "scratch-001";
    private const string NewText = "ЖАҢА НҰСҚА: АНЫҚТАМА-ЖОЛДАМА";

    /// <summary>"Adding a version": copy the current version's folder, change version, effectiveFrom and the text.</summary>
    private static (string Forms, DateOnly From) FormsWithScratchVersion()
    {
        var forms = Tools.CopyOfShippedForms("forms-scratch-version");
        var target = Path.Combine(forms, FormId, Scratch);
        Tools.CopyDirectory(Path.Combine(forms, FormId, Current), target);
        var from = Catalogue.Today.AddYears(1); // always in the future, whatever day the suite runs
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "definition.json")))!.AsObject();
        definition["version"] = Scratch;
        definition["effectiveFrom"] = from.ToString("yyyy-MM-dd");
        definition["effectiveFromSource"] = "A scratch version of the README's recipe.";
        var title = definition["body"]!.AsArray().Select(b => b?["paragraph"]?.AsArray())
            .First(p => p is not null && p.Count == 1 && p[0] is JsonValue)!;
        title[0] = NewText;
        File.WriteAllText(Path.Combine(target, "definition.json"), definition.ToJsonString());
        return (forms, from);
    }

    [Fact]
    public async Task A_version_with_a_future_effectiveFrom_is_listed_renders_when_asked_for_and_changes_nothing_in_force()
    {
        var (forms, from) = FormsWithScratchVersion();
        await using var factory = new ConfiguredServiceFactory(forms);
        var client = factory.CreateClient();

        var listed = JsonNode.Parse(await client.GetStringAsync($"/api/forms/{FormId}"))!["versions"]!.AsArray()
            .Select(v => v!["version"]!.GetValue<string>()).ToList();
        Assert.Equal([Current, Scratch], listed.Where(v => v is Current or Scratch));

        // The tests' pick of the version in force is the service's, for every form of the folder.
        foreach (var formId in Directory.GetDirectories(forms).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('_')))
        {
            var expected = Catalogue.InForceVersion(forms, formId, Catalogue.Today);
            var example = File.ReadAllText(Path.Combine(forms, formId, expected, "example.json"));
            var response = await client.PostJson($"/api/forms/{formId}/render?format=pdf", example);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, response.Headers.GetValues("X-Form-Version").Single());
        }
        Assert.Equal(Current, Catalogue.InForceVersion(forms, FormId, Catalogue.Today));

        var body = File.ReadAllText(Path.Combine(forms, FormId, Current, "example.json"));
        var today = await client.PostJson($"/api/forms/{FormId}/render?format=pdf", body);
        Assert.DoesNotContain(NewText, DocumentText.Pdf(await today.Content.ReadAsByteArrayAsync()));

        foreach (var ask in new[] { $"version={Scratch}", $"asOf={from:yyyy-MM-dd}" })
        {
            var later = await client.PostJson($"/api/forms/{FormId}/render?format=pdf&{ask}", body);
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
            Assert.Equal(Scratch, later.Headers.GetValues("X-Form-Version").Single());
            Assert.Contains(NewText, DocumentText.Pdf(await later.Content.ReadAsByteArrayAsync()));
        }
        var dayBefore = await client.PostJson($"/api/forms/{FormId}/render?format=pdf&asOf={from.AddDays(-1):yyyy-MM-dd}", body);
        Assert.Equal(Catalogue.InForceVersion(forms, FormId, from.AddDays(-1)), dayBefore.Headers.GetValues("X-Form-Version").Single());
    }

    // "Adding a form", step 2: the payload record, its validator, and a module.
    public sealed record NameCardPayload
    {
        [System.ComponentModel.Description("The person's surname.")]
        public string? Surname { get; init; }

        [System.ComponentModel.Description("The person's name.")]
        public string? Name { get; init; }
    }

    private sealed class NameCardValidator : AbstractValidator<NameCardPayload>
    {
        public NameCardValidator()
        {
            RuleFor(p => p.Surname).RequiredText(60);
            RuleFor(p => p.Name).RequiredText(60);
        }
    }

    private static IFormModule NameCardModule(ModuleServices services) =>
        RecordModule.Of("name-card", new NameCardValidator(), services.Guard);

    /// <summary>Step 1, the data: the fixture's folder copied under <c>forms/</c>.</summary>
    private static string FormsWithNameCard()
    {
        var forms = Tools.CopyOfShippedForms("forms-name-card");
        Tools.CopyDirectory(Path.Combine(Repo.Root, "tests", "FormsService.Tests", "Fixtures", "new-form", "name-card"), Path.Combine(forms, "name-card"));
        return forms;
    }

    /// <summary>Step 3, the list: the engine composed with the shipped forms and the new module, served over HTTP.</summary>
    private sealed class ServiceWithNameCard(FormsEngine engine) : ServiceFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(engine));
        }
    }

    [Fact]
    public async Task A_two_field_form_from_its_folder_and_its_module_is_listed_rendered_checked_and_labelled()
    {
        using var engine = FormsService.Core.Composition.LoadEngine(FormsWithNameCard(), Repo.Fonts, [NameCardModule]);
        await using var factory = new ServiceWithNameCard(engine);
        var client = factory.CreateClient();

        var catalogue = JsonNode.Parse(await client.GetStringAsync("/api/forms"))!.ToJsonString();
        Assert.Contains("\"name-card\"", catalogue);

        var example = await client.GetStringAsync("/api/forms/name-card/versions/1/example");
        var pdf = await client.PostJson("/api/forms/name-card/render?format=pdf", example);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("1", pdf.Headers.GetValues("X-Form-Version").Single());
        DocumentText.AssertContainsAll(DocumentText.Pdf(await pdf.Content.ReadAsByteArrayAsync()), ["Тегі: Сейтқалиев", "Аты: Ерлан"]);
        var docx = await client.PostJson("/api/forms/name-card/render?format=docx", example);
        Assert.Contains("Сейтқалиев", DocumentText.Docx(await docx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/forms/name-card/blank?format=pdf")).StatusCode);

        var refused = await client.PostJson("/api/forms/name-card/validate", """{ "surname": "", "name": "Ерлан" }""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True((await refused.ProblemAsync()).GetProperty("errors").TryGetProperty("surname", out _));

        var schema = JsonNode.Parse(await client.GetStringAsync("/api/forms/name-card/versions/1/schema"))!;
        Assert.Equal("Тегі", schema["properties"]!["surname"]!["x-labels"]!["kk"]!.GetValue<string>());
        Assert.Equal("Имя", schema["properties"]!["name"]!["x-labels"]!["ru"]!.GetValue<string>());
    }
}
