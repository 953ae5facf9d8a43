using System.Text.Json;
using System.Text.Json.Serialization;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Modules;

namespace FormsService.Core.Engine.Catalog;

/// <summary>One version of a form, checked and parsed once at start-up, with the module of code its payload is bound by.</summary>
internal sealed record FormVersion(FormDefinition Definition, IReadOnlyList<BlockTemplate> Body, IFormModule Module, Labels Labels, JsonElement? Example)
{
    /// <summary>The definition's running header (<c>page.header</c>), or null.</summary>
    public RunningTemplate? Header { get; init; }
    /// <summary>The definition's running footer (<c>page.footer</c>), or null.</summary>
    public RunningTemplate? Footer { get; init; }

    public string FormId => Definition.FormId;
    public string Version => Definition.Version;

    public bool InForceOn(DateOnly date) =>
        Definition.EffectiveFrom <= date && (Definition.EffectiveTo is null || date <= Definition.EffectiveTo);

    /// <summary>The language this version's text is written in (<c>kk</c> for the definition itself, else its variant's).</summary>
    public string Language => Definition.Language;

    private IReadOnlyDictionary<string, FormVersion> _variants = new Dictionary<string, FormVersion>(StringComparer.Ordinal);

    /// <summary>
    /// The languages the version is offered in: its own definition's first (the default), then its language variants
    /// (<c>definition.ru.json</c> beside it). The same for every variant of one version.
    /// </summary>
    public IReadOnlyList<string> Languages { get; private set; } = [];

    /// <summary>The version in <paramref name="language"/> (this one, or a variant of it); null when it is not offered.</summary>
    public FormVersion? In(string language) =>
        language == Language ? this : _variants.GetValueOrDefault(language);

    /// <summary>The version in its default language (its <c>definition.json</c>).</summary>
    public FormVersion Default => _variants[Languages[0]];

    /// <summary>Ties a version and its language variants together, once, at load.</summary>
    internal static void Join(IReadOnlyList<FormVersion> all)
    {
        var byLanguage = all.ToDictionary(v => v.Language, StringComparer.Ordinal);
        var languages = all.Select(v => v.Language).ToArray();
        foreach (var v in all)
        {
            v._variants = byLanguage;
            v.Languages = languages;
        }
    }

    // A version and its variants refer to each other: equality and hashing stay those of the record's own members.
    public bool Equals(FormVersion? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>A form with its versions, oldest first.</summary>
internal sealed record FormEntry(string FormId, IReadOnlyList<FormVersion> Versions);

internal abstract record VersionLookup
{
    public sealed record Found(FormVersion Version) : VersionLookup;
    public sealed record UnknownForm(string FormId) : VersionLookup;
    public sealed record UnknownVersion(string FormId, string Version) : VersionLookup;
    public sealed record NoneInForce(string FormId, DateOnly Date) : VersionLookup;
}

/// <summary>
/// The versioned definitions under <c>forms/</c>: loaded and checked once; a broken definition stops start-up with
/// its file and JSON path.
/// </summary>
internal sealed class FormCatalog
{
    public static readonly string[] KnownFormats = ["pdf", "docx", "png", "svg"];

    /// <summary>The languages a document may be asked for in (<c>language=</c>); the first is the default.</summary>
    public static readonly string[] DocumentLanguages = ["kk", "ru"];

    /// <summary>The language of a document when the request names none.</summary>
    public static string DefaultLanguage => DocumentLanguages[0];

    private readonly Dictionary<string, FormEntry> _forms;
    private readonly FormEntry[] _ordered;

    private FormCatalog(Dictionary<string, FormEntry> forms)
    {
        _forms = forms;
        // The order a clerk meets the documents (each form's newest catalogueOrder), then the rest by id.
        _ordered = forms.Values.OrderBy(f => f.Versions[^1].Definition.CatalogueOrder ?? int.MaxValue)
            .ThenBy(f => f.FormId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The forms in catalogue order (<see cref="FormDefinition.CatalogueOrder"/>).</summary>
    public IReadOnlyCollection<FormEntry> Forms => _ordered;

    public static FormCatalog Load(string directory, IReadOnlyDictionary<string, IFormModule> modules)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The forms folder '{directory}' does not exist.");
        var forms = new Dictionary<string, FormEntry>(StringComparer.Ordinal);
        foreach (var formDir in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var formId = Path.GetFileName(formDir);
            if (formId.StartsWith('_') || formId.StartsWith('.'))
                continue;
            var versions = new List<FormVersion>();
            foreach (var versionDir in System.IO.Directory.GetDirectories(formDir).Order(StringComparer.Ordinal))
                versions.Add(LoadVersion(versionDir, formId, modules));
            if (versions.Count == 0)
                throw new DefinitionException(formDir, "$", "a form folder holds no version.");
            versions.Sort((a, b) => a.Definition.EffectiveFrom.CompareTo(b.Definition.EffectiveFrom));
            forms[formId] = new FormEntry(formId, versions);
        }
        return new FormCatalog(forms);
    }

    /// <summary>What a language variant must share with its version's definition: it is the same version, worded otherwise.</summary>
    private static readonly (string Path, Func<FormDefinition, object?> Of)[] Shared =
    [
        ("$.formId", d => d.FormId), ("$.version", d => d.Version), ("$.payloadType", d => d.PayloadType),
        ("$.effectiveFrom", d => d.EffectiveFrom), ("$.effectiveTo", d => d.EffectiveTo), ("$.catalogueOrder", d => d.CatalogueOrder),
        ("$.formats", d => string.Join(",", d.Formats)), ("$.fileNameFields", d => string.Join(",", d.FileNameFields)),
    ];

    private static FormVersion LoadVersion(string dir, string formId, IReadOnlyDictionary<string, IFormModule> modules)
    {
        var primary = LoadDefinition(dir, Path.Combine(dir, "definition.json"), formId, modules, null);
        var all = new List<FormVersion> { primary };
        foreach (var file in System.IO.Directory.GetFiles(dir, "definition.*.json").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileName(file)["definition.".Length..^".json".Length];
            var variant = LoadDefinition(dir, file, formId, modules, primary);
            if (variant.Language != language)
                throw new DefinitionException(file, "$.language", $"'{variant.Language}' does not match the file name ('{language}').");
            if (variant.Language == primary.Language)
                throw new DefinitionException(file, "$.language", $"'{language}' is the language of definition.json already.");
            all.Add(variant);
        }
        FormVersion.Join(all);
        return primary;
    }

    private static FormVersion LoadDefinition(string dir, string file, string formId, IReadOnlyDictionary<string, IFormModule> modules, FormVersion? primary)
    {
        if (!File.Exists(file))
            throw new DefinitionException(file, "$", "definition.json is missing.");
        var definition = DataFile.Read<FormDefinition>(file) with { Directory = dir, File = file };
        // The words the forms' code computes (ViewWords, MonthTexts) exist for these languages only.
        if (!DocumentLanguages.Contains(definition.Language))
            throw new DefinitionException(file, "$.language",
                $"'{definition.Language}' is not a language the service writes documents in ({string.Join(", ", DocumentLanguages)}).");
        if (primary is not null)
            foreach (var (path, of) in Shared)
                if (!Equals(of(definition), of(primary.Definition)))
                    throw new DefinitionException(file, path, $"a language variant must have the same {path[2..]} as definition.json ('{of(primary.Definition)}').");

        var version = Path.GetFileName(dir);
        if (definition.FormId != formId)
            throw new DefinitionException(file, "$.formId", $"'{definition.FormId}' does not match the folder '{formId}'.");
        if (definition.Version != version)
            throw new DefinitionException(file, "$.version", $"'{definition.Version}' does not match the folder '{version}'.");
        if (!modules.TryGetValue(definition.PayloadType, out var module))
            throw new DefinitionException(file, "$.payloadType", $"unknown payload type '{definition.PayloadType}'; known: {string.Join(", ", modules.Keys)}.");
        for (var i = 0; i < definition.Formats.Count; i++)
            if (!KnownFormats.Contains(definition.Formats[i]))
                throw new DefinitionException(file, $"$.formats[{i}]", $"unknown format '{definition.Formats[i]}'.");
        if (definition.EffectiveTo is { } to && to < definition.EffectiveFrom)
            throw new DefinitionException(file, "$.effectiveTo", "is before effectiveFrom.");
        for (var i = 0; i < definition.FileNameFields.Count; i++)
            if (!module.Paths.Contains(definition.FileNameFields[i]))
                throw new DefinitionException(file, $"$.fileNameFields[{i}]", $"'{definition.FileNameFields[i]}' is not a field of the payload.");
        try { _ = PageGeometry.From(definition.Page); }
        catch (ArgumentException ex) { throw new DefinitionException(file, "$.page.size", ex.Message); }

        var figures = module.Figures.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var (body, header, footer) = new TemplateParser(file, module.Paths, figures).Parse(definition);
        if (primary is not null)
        {
            // The same payload, schema, labels and example: only the text differs. The example's view is made in the
            // variant's language once here, so that a view that cannot word it stops start-up, not a request.
            if (primary.Example is { } shared && module.Bind(shared, definition) is { IsValid: false } broken)
                throw new DefinitionException(file, "$." + broken.Errors.First().Key, "the example breaks a rule in this language: " + string.Join(" ", broken.Errors.First().Value));
            return new FormVersion(definition, body, module, primary.Labels, primary.Example) { Header = header, Footer = footer };
        }
        // Labels name the payload's fields (what a clerk fills), which a view of computed values may not repeat.
        var labels = Labels.Load(dir, module.Paths.Union(Payloads.PayloadPaths.Of(module.PayloadRecord)).ToHashSet(StringComparer.Ordinal));
        module.Load(definition);

        JsonElement? example = null;
        var exampleFile = Path.Combine(dir, "example.json");
        if (File.Exists(exampleFile))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(exampleFile));
                example = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new DefinitionException(exampleFile, ex.Path ?? "$", ex.Message);
            }
            var check = module.Bind(example.Value, definition);
            if (!check.IsValid)
            {
                var first = check.Errors.First();
                throw new DefinitionException(exampleFile, "$." + first.Key, "the example breaks a rule: " + string.Join(" ", first.Value));
            }
        }
        return new FormVersion(definition, body, module, labels, example) { Header = header, Footer = footer };
    }

    public FormEntry? Find(string formId) => _forms.GetValueOrDefault(formId);

    /// <summary>
    /// The exact <paramref name="version"/> when given; otherwise the version in force on <paramref name="asOf"/>
    /// (or <paramref name="today"/>): the latest that took effect on or before that date and has not ended.
    /// </summary>
    public VersionLookup Select(string formId, string? version, DateOnly? asOf, DateOnly today)
    {
        if (!_forms.TryGetValue(formId, out var entry))
            return new VersionLookup.UnknownForm(formId);
        if (!string.IsNullOrEmpty(version))
        {
            var exact = entry.Versions.FirstOrDefault(v => v.Version == version);
            return exact is null ? new VersionLookup.UnknownVersion(formId, version) : new VersionLookup.Found(exact);
        }
        var date = asOf ?? today;
        var inForce = entry.Versions.LastOrDefault(v => v.InForceOn(date));
        return inForce is null ? new VersionLookup.NoneInForce(formId, date) : new VersionLookup.Found(inForce);
    }
}
