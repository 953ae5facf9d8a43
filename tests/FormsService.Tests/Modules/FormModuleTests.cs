using System.Text.Json;
using FluentValidation;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Tests.Support;

namespace FormsService.Tests.Modules;

/// <summary>
/// Forms as modules: a new form is a folder under <c>forms/</c> plus a module; the payload is bound once and the
/// documents print from the module's view (record plus computed values); the engine and the pages name no form.
/// </summary>
public sealed class FormModuleTests
{
    /// <summary>A form of the tests' own: the view adds a value computed from the payload.</summary>
    public sealed record GreetingPayload
    {
        public string? Name { get; init; }
    }

    public sealed record GreetingView(string Name, string Shout, int Letters);

    private sealed class GreetingValidator : AbstractValidator<GreetingPayload>
    {
        public GreetingValidator() => RuleFor(p => p.Name).NotEmpty().WithMessage("Required.");
    }

    private static IFormModule Greeting(ModuleServices services) => new RecordModule<GreetingPayload, GreetingView>(
        "greeting", new PayloadType<GreetingPayload>(new GreetingValidator(), services.Guard),
        p => new GreetingView(p.Name!, p.Name!.ToUpperInvariant(), p.Name!.Length));

    private const string Definition = """
        {
          "formId": "greeting", "version": "1", "payloadType": "greeting", "language": "kk",
          "title": "Сәлемдеме", "shortTitle": "Сәлемдеме",
          "legalBasis": { "act": "Тест", "number": "1", "date": "2025-01-01", "appendix": "Тест" },
          "effectiveFrom": "2025-01-01", "effectiveFromSource": "A test fixture.",
          "formats": ["pdf", "docx"], "fileNameFields": ["shout"],
          "page": { "size": "A4", "marginsMm": { "top": 15, "right": 10, "bottom": 15, "left": 30 } },
          "styles": { "font": "serif", "sizePt": 12, "captionSizePt": 8, "lineSpacing": 1.15 },
          "body": [ { "paragraph": ["Сәлем, ", { "field": "{shout}", "widthMm": 40 }, " (", { "field": "{letters}", "widthMm": 10 }, " әріп)!"] } ]
        }
        """;

    private static FormsEngine EngineWithGreeting()
    {
        var forms = Tools.CopyOfShippedForms("forms-with-greeting");
        Directory.CreateDirectory(Path.Combine(forms, "greeting", "1"));
        File.WriteAllText(Path.Combine(forms, "greeting", "1", "definition.json"), Definition);
        return FormsService.Core.Composition.LoadEngine(forms, Repo.Fonts, [Greeting]);
    }

    [Fact]
    public void A_new_form_is_a_folder_and_a_module_and_prints_its_computed_view()
    {
        using var engine = EngineWithGreeting();
        var version = engine.Catalog.Find("greeting")!.Versions.Single();
        var check = engine.Check(version, JsonDocument.Parse("""{ "name": "Айгүл" }""").RootElement);

        Assert.True(check.IsValid);
        Assert.Equal("АЙГҮЛ", new FormsService.Core.Engine.Model.PayloadValues(FormsService.Core.Engine.Model.ViewNode.Of(check.View)).Get("shout"));
        var text = DocumentText.Pdf(engine.Render(version, check, "pdf"));
        DocumentText.AssertContainsAll(text, ["Сәлем, АЙГҮЛ", "5 әріп"]);
        Assert.Contains("АЙГҮЛ", DocumentText.Docx(engine.Render(version, check, "docx")));
    }

    [Fact]
    public void Computed_values_are_the_views_not_the_payloads()
    {
        using var engine = EngineWithGreeting();
        var version = engine.Catalog.Find("greeting")!.Versions.Single();

        var check = engine.Check(version, JsonDocument.Parse("""{ "name": "Айгүл", "shout": "x" }""").RootElement);

        Assert.False(check.IsValid);
        Assert.Contains("shout", check.Errors.Keys);
        Assert.Null(check.View);
        Assert.Throws<ArgumentException>(() => engine.Render(version, check, "pdf"));
    }

    [Fact]
    public void A_definition_may_bind_only_what_its_view_has()
    {
        var forms = Tools.TempDir("forms-bad-greeting");
        Directory.CreateDirectory(Path.Combine(forms, "greeting", "1"));
        File.WriteAllText(Path.Combine(forms, "greeting", "1", "definition.json"), Definition.Replace("{letters}", "{whisper}", StringComparison.Ordinal));
        foreach (var shared in new[] { "_calendar", "_locale" })
            if (Directory.Exists(Path.Combine(Repo.Forms, shared)))
                Tools.CopyDirectory(Path.Combine(Repo.Forms, shared), Path.Combine(forms, shared));

        var error = Assert.Throws<DefinitionException>(() => FormsService.Core.Composition.LoadEngine(forms, Repo.Fonts, [Greeting]).Dispose());

        Assert.Contains("whisper", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("definition.json", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_version_is_bound_by_the_module_its_definition_names()
    {
        using var engine = FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts);
        Assert.Equal(Catalogue.FormIds, engine.Catalog.Forms.Select(f => f.FormId).Order(StringComparer.Ordinal));
        foreach (var version in engine.Catalog.Forms.SelectMany(f => f.Versions))
        {
            Assert.Equal(version.Definition.PayloadType, version.Module.Name);
            Assert.Equal(version.Module.Artwork is not null, FormsEngine.HasArtwork(version));
        }
    }

    /// <summary>The engine's code and the pages' scripts learn about forms from the catalogue and the API only.</summary>
    [Fact]
    public void The_engine_and_the_page_scripts_name_no_form()
    {
        var places = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src", "FormsService.Core", "Engine"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Repo.Root, "src", "FormsService.Api", "wwwroot", "app"), "*.js"));
        var found = (from file in places
                     let text = File.ReadAllText(file)
                     from formId in Catalogue.FormIds
                     where text.Contains(formId, StringComparison.Ordinal)
                     select $"{Path.GetRelativePath(Repo.Root, file)} names {formId}").ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
