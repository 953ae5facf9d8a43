using System.Text.Json.Nodes;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;

namespace FormsService.Tests.Support;

/// <summary>
/// The shipped catalogue as the tests see it, read from <c>forms/</c>: every form, the version in force today (picked as
/// the service picks it), its formats and its example. Suites that take their cases from here cover a new form as soon
/// as its folder is added, and a version added with a future <c>effectiveFrom</c> does not change what they test.
/// </summary>
public static class Catalogue
{
    /// <summary>Every form folder (folders starting with <c>_</c> or <c>.</c> hold shared data, not forms).</summary>
    public static IReadOnlyList<string> FormIds { get; } = Directory.GetDirectories(Repo.Forms)
        .Select(Path.GetFileName).OfType<string>()
        .Where(name => !name.StartsWith('_') && !name.StartsWith('.'))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>Today in Kazakhstan (UTC+5), the day the service picks the version in force by.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5));

    /// <summary>
    /// The version the service renders when a request names none: of the versions in force today (took effect on or
    /// before it and not ended), the one that took effect last.
    /// </summary>
    public static string InForceVersion(string formId) => InForceVersion(Repo.Forms, formId, Today);

    /// <inheritdoc cref="InForceVersion(string)"/>
    public static string InForceVersion(string formsRoot, string formId, DateOnly day) =>
        Versions(formsRoot, formId).LastOrDefault(v => v.From <= day && (v.To is null || day <= v.To)).Version
        ?? throw new InvalidOperationException($"{formId}: no version in force on {day:yyyy-MM-dd}");

    /// <summary>The engine's version in force today, by the engine's own rule (what the API does without <c>version=</c>).</summary>
    internal static FormVersion InForce(FormsEngine engine, string formId) =>
        Assert.IsType<VersionLookup.Found>(engine.Catalog.Select(formId, null, null, Today)).Version;

    public static JsonObject Definition(string formId, string? version = null) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Forms, formId, version ?? InForceVersion(formId), "definition.json")))!.AsObject();

    /// <summary>The definition of the version in force in <paramref name="language"/>: its <c>definition.json</c> (kk), else its variant file.</summary>
    public static JsonObject Definition(string formId, string? version, string language) =>
        language == DefaultLanguage ? Definition(formId, version)
            : JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Forms, formId, version ?? InForceVersion(formId), $"definition.{language}.json")))!.AsObject();

    /// <summary>The language of a document when a request names none.</summary>
    public const string DefaultLanguage = "kk";

    /// <summary>Every language a document may be asked for in (<c>language=</c>).</summary>
    public static IReadOnlyList<string> DocumentLanguages { get; } = ["kk", "ru"];

    /// <summary>
    /// The languages the version in force offers, read from its folder as the catalogue should list them: its
    /// definition's own language first, then one per <c>definition.&lt;language&gt;.json</c> beside it.
    /// </summary>
    public static IReadOnlyList<string> Languages(string formId)
    {
        var dir = Path.Combine(Repo.Forms, formId, InForceVersion(formId));
        var own = Definition(formId)["language"]!.GetValue<string>();
        return [own, .. Directory.GetFiles(dir, "definition.*.json").Select(f => Path.GetFileName(f)["definition.".Length..^".json".Length]).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every form × every language its version in force offers.</summary>
    public static TheoryData<string, string> FormsAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var formId in FormIds)
                foreach (var language in Languages(formId))
                    data.Add(formId, language);
            return data;
        }
    }

    /// <summary>Every form × every document language its version in force does not offer (asked for: 422).</summary>
    public static TheoryData<string, string> FormsAndMissingLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var formId in FormIds)
                foreach (var language in DocumentLanguages.Except(Languages(formId)))
                    data.Add(formId, language);
            return data;
        }
    }

    /// <summary>Every form × every format its version in force lists × every language it offers.</summary>
    public static TheoryData<string, string, string> FormsFormatsAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var formId in FormIds)
                foreach (var format in Formats(formId))
                    foreach (var language in Languages(formId))
                        data.Add(formId, format, language);
            return data;
        }
    }

    public static IReadOnlyList<string> Formats(string formId) =>
        Definition(formId)["formats"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();

    /// <summary>The formats drawn on pages (the artwork-only formats of a form are tested by its own suite).</summary>
    public static bool IsPageFormat(string format) => format is "pdf" or "docx";

    public static string Example(string formId) => Repo.Example(formId, InForceVersion(formId));

    public static TheoryData<string> Forms => [.. FormIds];

    /// <summary>Every form × every format its version in force lists.</summary>
    public static TheoryData<string, string> FormsAndFormats
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var formId in FormIds)
                foreach (var format in Formats(formId))
                    data.Add(formId, format);
            return data;
        }
    }

    private static IReadOnlyList<(string Version, DateOnly From, DateOnly? To)> Versions(string formsRoot, string formId) =>
        Directory.GetDirectories(Path.Combine(formsRoot, formId))
            .Select(dir => (Version: Path.GetFileName(dir), Definition: Path.Combine(dir, "definition.json")))
            .Where(v => File.Exists(v.Definition))
            .Select(v => (v.Version, Node: JsonNode.Parse(File.ReadAllText(v.Definition))!))
            .Select(v => (v.Version, From: DateOnly.Parse(v.Node["effectiveFrom"]!.GetValue<string>()),
                To: v.Node["effectiveTo"] is { } to ? DateOnly.Parse(to.GetValue<string>()) : (DateOnly?)null))
            .OrderBy(v => v.From).ToList();
}
