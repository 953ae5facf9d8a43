using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using FormsService.Tests.Browser;
using FormsService.Tests.Support;

namespace FormsService.Tests.Contract;

/// <summary>
/// Clients made from the service's live document at test time, as integrators make them, and run against the service
/// on a real port: NSwag and Kiota (C#, the tools pinned in .config/dotnet-tools.json) compiled with nullable
/// reference types and warnings as errors; openapi-typescript with openapi-fetch (pinned in tests/contract) compiled
/// by <c>tsc --strict</c>. Their programs (tests/contract/client-programs/csharp and typescript, plus one block per form
/// written here from the catalogue) render every form to every format, read the headers, send the ETag back and
/// send a refused payload; the tests read what they wrote. Nothing generated is committed: it all lands in
/// tests/clients/generated/, which git ignores.
/// </summary>
public sealed class GeneratedClientsFixture : IAsyncLifetime
{
    public static readonly string[] Clients = ["nswag", "kiota", "typescript"];

    private KestrelServiceFactory? _factory;

    public string Folder { get; } = Path.Combine(Repo.Root, "tests", "clients", "generated");

    /// <summary>Why making or running the clients failed, with the tool's output; null when they ran.</summary>
    public string? Failure { get; private set; }

    public IReadOnlyList<JsonObject> Entries { get; private set; } = [];

    /// <summary>The JSON path each form's refused payload breaks.</summary>
    public Dictionary<string, string> RefusedPaths { get; } = [];

    public Dictionary<string, TimeSpan> Timings { get; } = [];

    public string Document { get; private set; } = "";

    public async Task InitializeAsync()
    {
        try
        {
            _factory = new KestrelServiceFactory();
            var baseUrl = _factory.Start().ToString().TrimEnd('/');
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
            var input = Directory.CreateDirectory(Path.Combine(Folder, "input")).FullName;
            var output = Directory.CreateDirectory(Path.Combine(Folder, "output")).FullName;
            Document = await http.GetStringAsync("/openapi/v1.json");
            File.WriteAllText(Path.Combine(Folder, "openapi.json"), Document);
            foreach (var formId in Catalogue.FormIds)
            {
                var (json, path) = await Invalid(http, formId);
                File.WriteAllText(Path.Combine(input, formId + ".invalid.json"), json);
                RefusedPaths[formId] = path;
            }

            NodeChecks.EnsureInstalled();
            var csharp = Task.Run(() => Timed("csharp", () => CSharp(baseUrl, input, output)));
            var typescript = Task.Run(() => Timed("typescript", () => TypeScript(baseUrl, input, output)));
            await Task.WhenAll(csharp, typescript);
            Entries = Read(Path.Combine(output, "report.json")).Concat(Read(Path.Combine(output, "ts", "report.json"))).ToList();
        }
        catch (Exception e)
        {
            Failure = e.Message;
        }
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }

    private void Timed(string name, Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        lock (Timings) Timings[name] = watch.Elapsed;
    }

    private static IEnumerable<JsonObject> Read(string file) =>
        JsonNode.Parse(File.ReadAllText(file))!.AsArray().Select(e => e!.AsObject());

    private static void Must((int ExitCode, string Output) run, string what)
    {
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{what} failed ({run.ExitCode}):\n{run.Output}");
    }

    // ------------------------------------------------------------------ C#: NSwag and Kiota

    private void CSharp(string baseUrl, string input, string output)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Folder, "csharp")).FullName;
        var sources = Path.Combine(Repo.Root, "tests", "contract", "client-programs", "csharp");
        File.Copy(Path.Combine(sources, "Clients.csproj"), Path.Combine(dir, "Clients.csproj"));
        File.Copy(Path.Combine(sources, "Program.cs"), Path.Combine(dir, "Program.cs"));
        File.WriteAllText(Path.Combine(dir, "Forms.cs"), CSharpForms());
        var document = Path.Combine(Folder, "openapi.json");

        // The generators' options an integrator would choose: a client per document, optional parameters optional,
        // nullable reference types. Kiota is told which media types are documents: an operation that declares a 304
        // otherwise loses its body (it counts 304 among the codes without content).
        Must(Tools.Run("dotnet", $"nswag openapi2csclient /input:\"{document}\" /output:\"{Path.Combine(dir, "NSwag", "FormsServiceClient.cs")}\" " +
            "/namespace:FormsService.Clients.NSwag /classname:FormsServiceClient /generateClientInterfaces:false /useBaseUrl:true " +
            "/generateOptionalParameters:true /operationGenerationMode:SingleClientFromOperationId /generateNullableReferenceTypes:true " +
            "/generateOptionalPropertiesAsNullable:true", 300_000, workingDirectory: Repo.Root), "NSwag");
        var documents = string.Join(" ", new[] { "application/json;q=1", "application/pdf;q=0.9", "application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.8",
            "image/png;q=0.7", "image/svg+xml;q=0.6", "application/zip;q=0.5" }.Select(m => $"-m \"{m}\""));
        Must(Tools.Run("dotnet", $"kiota generate -l CSharp -d \"{document}\" -o \"{Path.Combine(dir, "Kiota")}\" -n FormsService.Clients.Kiota " +
            $"-c FormsServiceKiotaClient --exclude-backward-compatible --log-level Error {documents}", 300_000, workingDirectory: Repo.Root), "Kiota");

        Must(Tools.Run("dotnet", $"build \"{Path.Combine(dir, "Clients.csproj")}\" -nologo -v q -c Debug", 600_000, workingDirectory: dir), "dotnet build of the C# clients");
        var program = Directory.GetFiles(Path.Combine(dir, "bin"), "Clients.dll", SearchOption.AllDirectories).Single();
        Must(Tools.Run("dotnet", $"\"{program}\" {baseUrl} \"{input}\" \"{output}\"", 600_000), "the C# clients' program");
    }

    /// <summary>One block per form and client, calling the operations the document names after the form.</summary>
    private static string CSharpForms()
    {
        var nswag = new StringBuilder();
        var kiota = new StringBuilder();
        foreach (var formId in Catalogue.FormIds)
        {
            var name = Pascal(formId);
            var version = Catalogue.InForceVersion(formId);
            nswag.Append($$"""
                        {
                            var example = await client.Example{{name}}Async(NSwagEnum<NSwag.{{name}}Version>("{{version}}"));
                            string? etag = null;
                            NSwag.{{name}}Format? first = null;
                            foreach (var format in Enum.GetValues<NSwag.{{name}}Format>())
                            {
                                using var file = await client.Render{{name}}Async(example, format);
                                etag ??= First(file.Headers, "ETag");
                                first ??= format;
                                await Rendered("nswag", "{{formId}}", Lower(format), file.StatusCode, header => First(file.Headers, header), file.Stream);
                            }
                            try
                            {
                                using var again = await client.Render{{name}}Async(example, first, if_None_Match: etag);
                                NotModified("nswag", "{{formId}}", again.StatusCode, null, null);
                            }
                            catch (NSwag.ApiException e) when (e.StatusCode == 304)
                            {
                                NotModified("nswag", "{{formId}}", e.StatusCode, e.Message, First(e.Headers, "ETag"));
                            }
                            try
                            {
                                await client.Validate{{name}}Async(NSwagInvalid<NSwag.{{name}}Payload>("{{formId}}"));
                                Refused("nswag", "{{formId}}", 200, null, null);
                            }
                            catch (NSwag.ApiException<NSwag.Problem> e)
                            {
                                Refused("nswag", "{{formId}}", e.StatusCode, e.Result.Status, e.Result.Errors?.Keys);
                            }
                        }

                """);
            kiota.Append($$"""
                        {
                            var form = client.Api.Forms.{{name}};
                            var example = await form.Versions["{{version}}"].Example.GetAsync() ?? throw new InvalidOperationException("{{formId}}: no example");
                            string? etag = null;
                            Kiota.Models.{{name}}Format? first = null;
                            foreach (var format in Enum.GetValues<Kiota.Models.{{name}}Format>())
                            {
                                var inspect = Inspect();
                                await using var stream = await form.Render.PostAsync(example, c => { c.QueryParameters.Format = format; c.Options.Add(inspect); })
                                    ?? throw new InvalidOperationException("{{formId}}: no document");
                                etag ??= First(inspect.ResponseHeaders, "ETag");
                                first ??= format;
                                await Rendered("kiota", "{{formId}}", Lower(format), 200, header => First(inspect.ResponseHeaders, header), stream);
                            }
                            var notModified = Inspect();
                            try
                            {
                                var none = await form.Render.PostAsync(example, c => { c.QueryParameters.Format = first; c.Headers.Add("If-None-Match", etag ?? ""); c.Options.Add(notModified); });
                                NotModified("kiota", "{{formId}}", none is null ? 304 : 200, none is null ? "no body" : "a body", First(notModified.ResponseHeaders, "ETag"));
                            }
                            catch (Microsoft.Kiota.Abstractions.ApiException e)
                            {
                                NotModified("kiota", "{{formId}}", e.ResponseStatusCode, e.Message, null);
                            }
                            try
                            {
                                await form.Validate.PostAsync(KiotaInvalid("{{formId}}", Kiota.Models.{{name}}Payload.CreateFromDiscriminatorValue));
                                Refused("kiota", "{{formId}}", 200, null, null);
                            }
                            catch (Kiota.Models.Problem e)
                            {
                                Refused("kiota", "{{formId}}", e.ResponseStatusCode, e.Status, e.Errors?.AdditionalData.Keys);
                            }
                        }

                """);
        }
        return $$"""
            // Written by GeneratedClientTests from the catalogue: one block per form and client.
            namespace FormsService.Clients;

            internal static partial class Program
            {
                private static async partial Task RunNSwag(NSwag.FormsServiceClient client)
                {
            {{nswag}}    }

                private static async partial Task RunKiota(Kiota.FormsServiceKiotaClient client)
                {
            {{kiota}}    }
            }
            """;
    }

    // ------------------------------------------------------------------ TypeScript: openapi-typescript + openapi-fetch

    private void TypeScript(string baseUrl, string input, string output)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Folder, "typescript")).FullName;
        var sources = Path.Combine(Repo.Root, "tests", "contract", "client-programs", "typescript");
        foreach (var file in new[] { "support.ts", "tsconfig.json", "package.json" })
            File.Copy(Path.Combine(sources, file), Path.Combine(dir, file));
        // The packages pinned in tests/contract (npm ci), found by Node's resolution from here.
        Directory.CreateSymbolicLink(Path.Combine(dir, "node_modules"), Path.Combine(NodeChecks.Folder, "node_modules"));
        File.WriteAllText(Path.Combine(dir, "main.ts"), TypeScriptForms());
        var bin = Path.Combine(NodeChecks.Folder, "node_modules", ".bin");
        Must(Tools.Run(Path.Combine(bin, "openapi-typescript"), $"\"{Path.Combine(Folder, "openapi.json")}\" -o \"{Path.Combine(dir, "schema.d.ts")}\"", 300_000, workingDirectory: dir), "openapi-typescript");
        Must(Tools.Run(Path.Combine(bin, "tsc"), "-p tsconfig.json", 300_000, workingDirectory: dir), "tsc --strict");
        var tsOutput = Directory.CreateDirectory(Path.Combine(output, "ts")).FullName;
        Must(Tools.Run("node", $"out/main.js {baseUrl} \"{input}\" \"{tsOutput}\"", 600_000, workingDirectory: dir), "the TypeScript client's program");
    }

    private static string TypeScriptForms()
    {
        var code = new StringBuilder("""
            // Written by GeneratedClientTests from the catalogue: one block per form.
            import { client, okHeader, invalid, rendered, notModified, refused, finish, type Statuses } from "./support.js";
            import type { components } from "./schema.js";

            """);
        foreach (var formId in Catalogue.FormIds)
        {
            var name = Pascal(formId);
            var formats = string.Join(", ", Catalogue.Formats(formId).Select(f => $"\"{f}\""));
            var render = $"/api/forms/{formId}/render";
            code.Append($$"""

                {
                  const example = await client.GET("/api/forms/{{formId}}/versions/{version}/example", { params: { path: { version: "{{Catalogue.InForceVersion(formId)}}" } } });
                  if (!example.data) throw new Error("{{formId}}: no example");
                  const formats: components["schemas"]["{{name}}Format"][] = [{{formats}}];
                  let etag: string | null = null;
                  for (const format of formats) {
                    const { data, response } = await client.POST("{{render}}", { params: { query: { format } }, body: example.data, parseAs: "arrayBuffer" });
                    const header = (name: Parameters<typeof okHeader<"{{render}}", "post">>[1]) => okHeader<"{{render}}", "post">(response, name);
                    etag ??= header("ETag");
                    rendered("{{formId}}", format, response, data, {
                      etag: header("ETag"), formVersion: header("X-Form-Version"), engineDigest: header("X-Engine-Digest"), contentDisposition: header("Content-Disposition"),
                    });
                  }
                  const declared: Statuses<"{{render}}", "post"> = 304;
                  const again = await client.POST("{{render}}", { params: { query: { format: formats[0] }, header: { "If-None-Match": etag ?? "" } }, body: example.data, parseAs: "arrayBuffer" });
                  notModified("{{formId}}", again.response.status, declared, again.response.headers.get("ETag"));
                  const bad = await client.POST("/api/forms/{{formId}}/validate", { body: invalid("{{formId}}") });
                  refused("{{formId}}", bad.response.status, bad.error?.status, Object.keys(bad.error?.errors ?? {}));
                }

                """);
        }
        code.Append("\nfinish();\n");
        return code.ToString();
    }

    // ------------------------------------------------------------------ helpers

    internal static string Pascal(string formId) =>
        string.Concat(formId.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>The example broken at one field its schema bounds (the first that has a bound), and that field's path.</summary>
    private static async Task<(string Json, string Path)> Invalid(HttpClient http, string formId)
    {
        var schema = JsonNode.Parse(await http.GetStringAsync($"/api/forms/{formId}/versions/{Catalogue.InForceVersion(formId)}/schema"))!.AsObject();
        var example = JsonNode.Parse(Catalogue.Example(formId))!.AsObject();
        foreach (var (name, property) in schema["properties"]!.AsObject())
        {
            if (property!["minLength"] is not null && example.ContainsKey(name)) { example[name] = ""; return (example.ToJsonString(), name); }
            if (property["maximum"] is JsonValue max) { example[name] = max.GetValue<double>() * 10 + 1000; return (example.ToJsonString(), name); }
            if (property["properties"] is JsonObject nested && example[name] is JsonObject value)
                foreach (var (child, childSchema) in nested)
                    if (childSchema!["minLength"] is not null && value.ContainsKey(child)) { value[child] = ""; return (example.ToJsonString(), $"{name}.{child}"); }
        }
        throw new InvalidOperationException($"{formId}: no field to break found in its schema");
    }
}
