using System.Text.Json;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Benchmarks;

/// <summary>The engine loaded once from the repository's forms/ and fonts/, and the example payloads.</summary>
internal static class Fixture
{
    public const string Version = "2025-733";
    public static string Root { get; } = FindRoot();
    private static readonly Lazy<FormsEngine> LazyEngine = new(() => FormsService.Core.Composition.LoadEngine(Path.Combine(Root, "forms"), Path.Combine(Root, "fonts")));

    public static FormsEngine Engine => LazyEngine.Value;

    public static FormVersion VersionOf(string formId)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return Engine.Catalog.Select(formId, Version, null, today) is VersionLookup.Found found
            ? found.Version
            : throw new InvalidOperationException($"Form {formId}/{Version} is not in the catalogue.");
    }

    public static string ExampleText(string formId) => File.ReadAllText(Path.Combine(Root, "forms", formId, Version, "example.json"));

    /// <summary>The example, bound and checked once as the API does before it renders: what a render is given.</summary>
    public static PayloadCheck Checked(string formId, string? overrides = null) => Engine.Check(VersionOf(formId), Payload(formId, overrides));

    /// <summary>The example payload, checked like the API checks it; <paramref name="overrides"/> merged on top (e.g. dpi).</summary>
    public static JsonElement Payload(string formId, string? overrides = null)
    {
        var json = ExampleText(formId);
        if (overrides is not null)
        {
            using var baseDoc = JsonDocument.Parse(json);
            using var extra = JsonDocument.Parse(overrides);
            var merged = new Dictionary<string, JsonElement>();
            foreach (var p in baseDoc.RootElement.EnumerateObject()) merged[p.Name] = p.Value.Clone();
            foreach (var p in extra.RootElement.EnumerateObject()) merged[p.Name] = p.Value.Clone();
            json = JsonSerializer.Serialize(merged);
        }
        var payload = JsonDocument.Parse(json).RootElement.Clone();
        var check = Engine.Check(VersionOf(formId), payload);
        if (check.Errors.Count > 0)
            throw new InvalidOperationException($"The example payload of {formId} does not pass: {string.Join("; ", check.Errors.Keys)}");
        return payload;
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FormsService.sln")))
                dir = dir.Parent;
            if (dir is not null)
                return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (FormsService.sln) was not found above " + AppContext.BaseDirectory);
    }
}
