using System.Text.Json.Nodes;

namespace FormsService.Tests.Support;

/// <summary>
/// The npm tools in <c>tests/contract/</c> (ajv, Spectral, Redocly, openapi-typescript, openapi-fetch, TypeScript), pinned by its package-lock.json. <c>.ci/run</c> runs
/// <c>npm ci</c> there; a test that finds no node_modules runs it once itself. No node, no npm: the test fails.
/// </summary>
public static class NodeChecks
{
    private static readonly object Gate = new();

    public static string Folder => Path.Combine(Repo.Root, "tests", "contract");

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (new[] { "ajv", "@stoplight", "@redocly/cli", "openapi-typescript", "openapi-fetch", "typescript", "@types/node" }
                .All(package => Directory.Exists(Path.Combine(Folder, "node_modules", package))))
                return;
            var (code, output) = Tools.Run("npm", $"ci --no-audit --no-fund --prefix \"{Folder}\"", 600_000);
            Assert.True(code == 0, $"npm ci in tests/contract failed: {output}");
        }
    }

    /// <summary>Runs check-schemas.mjs on the input and returns its verdicts.</summary>
    public static JsonObject CheckSchemas(JsonObject input)
    {
        EnsureInstalled();
        var dir = Tools.TempDir("ajv");
        var file = Path.Combine(dir, "input.json");
        File.WriteAllText(file, input.ToJsonString());
        var (code, output) = Tools.Run("node", $"\"{Path.Combine(Folder, "check-schemas.mjs")}\" \"{file}\"");
        Assert.True(code == 0, $"check-schemas.mjs failed: {output}");
        return JsonNode.Parse(output)!.AsObject();
    }

    /// <summary>Redocly's <c>recommended</c> rules (tests/contract/redocly.yaml) on an OpenAPI document: exit code and its report.</summary>
    public static (int ExitCode, string Output) Redocly(string documentFile)
    {
        EnsureInstalled();
        var bin = Path.Combine(Folder, "node_modules", ".bin", "redocly");
        return Tools.Run(bin, $"lint --config \"{Path.Combine(Folder, "redocly.yaml")}\" --format=stylish \"{documentFile}\"", 300_000,
            new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });
    }

    /// <summary>Spectral with the repository's ruleset on an OpenAPI document: exit code and its report.</summary>
    public static (int ExitCode, string Output) Spectral(string documentFile)
    {
        EnsureInstalled();
        var bin = Path.Combine(Folder, "node_modules", ".bin", "spectral");
        return Tools.Run(bin, $"lint --ruleset \"{Path.Combine(Folder, ".spectral.yaml")}\" --fail-severity=hint --format=text \"{documentFile}\"", 300_000);
    }
}
