using System.Text.Json.Nodes;

namespace FormsService.Tests.Support;

/// <summary>
/// The shipped catalogue as the tests see it, read from <c>forms/</c>: every form, its latest version, its formats
/// and its example. Suites that take their cases from here cover a new form as soon as its folder is added.
/// </summary>
public static class Catalogue
{
    /// <summary>Every form folder (folders starting with <c>_</c> or <c>.</c> hold shared data, not forms).</summary>
    public static IReadOnlyList<string> FormIds { get; } = Directory.GetDirectories(Repo.Forms)
        .Select(Path.GetFileName).OfType<string>()
        .Where(name => !name.StartsWith('_') && !name.StartsWith('.'))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>The version that takes effect last (the one in force today, for the shipped data).</summary>
    public static string LatestVersion(string formId) => Versions(formId)[^1].Version;

    public static JsonObject Definition(string formId, string? version = null) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Forms, formId, version ?? LatestVersion(formId), "definition.json")))!.AsObject();

    public static IReadOnlyList<string> Formats(string formId) =>
        Definition(formId)["formats"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();

    /// <summary>The formats drawn on pages (the artwork-only formats of a form are tested by its own suite).</summary>
    public static bool IsPageFormat(string format) => format is "pdf" or "docx";

    public static string Example(string formId) => Repo.Example(formId, LatestVersion(formId));

    public static TheoryData<string> Forms => [.. FormIds];

    /// <summary>Every form × every format its latest definition lists.</summary>
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

    private static IReadOnlyList<(string Version, string EffectiveFrom)> Versions(string formId) =>
        Directory.GetDirectories(Path.Combine(Repo.Forms, formId))
            .Select(dir => (Version: Path.GetFileName(dir), Definition: Path.Combine(dir, "definition.json")))
            .Where(v => File.Exists(v.Definition))
            .Select(v => (v.Version, JsonNode.Parse(File.ReadAllText(v.Definition))!["effectiveFrom"]!.GetValue<string>()))
            .OrderBy(v => v.Item2, StringComparer.Ordinal).ToList();
}
