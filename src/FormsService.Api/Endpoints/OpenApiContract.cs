using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FormsService.Api.Endpoints;

/// <summary>
/// The OpenAPI document generated clients are made from: ASP.NET's description of the routes, completed from the
/// catalogue once — one render, validate and blank operation per form (<c>renderReferralCertificate</c>) whose body
/// is that form's payload schema, media types on every 200, formats and versions as enums, the API key as a security
/// scheme, one problem schema. No 304 is declared: Kiota drops the body of an operation that declares one, and a
/// client that sends <c>If-None-Match</c> knows to expect it (the descriptions say so).
/// </summary>
internal sealed class OpenApiContract(IServiceProvider services, FormsEngine engine)
{
    public const string Route = "/openapi/v1.json";
    public const string ProblemSchema = "Problem";
    private const string Binary = "Binary";
    private const string JsonSchema = "JsonSchema";
    private const string FormTag = "Forms by id";
    private const string LanguageSchema = "DocumentLanguage";
    private const string LanguageText = "The document's language: `kk` (the default) or `ru`, where the version offers it (the catalogue lists each version's `languages`); " +
        "`ru` of a form without its official Russian text is 422 `language-not-available`. The response says it in `Content-Language`.";

    private readonly Lazy<Task<string>> _json = new(() => BuildAsync(services, engine));

    public Task<string> JsonAsync() => _json.Value;

    private static async Task<string> BuildAsync(IServiceProvider services, FormsEngine engine)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1");
        var document = await provider.GetOpenApiDocumentAsync();
        document.Servers = [];
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        var root = JsonNode.Parse(text.ToString())!.AsObject();
        Complete(root, engine.Catalog, Limits.Of(services));
        return root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    /// <summary>The limits the service enforces, as numbers in the document (<c>x-limits</c>, <c>maxItems</c>).</summary>
    internal sealed record Limits(int MaxBodyBytes, int MaxUploadBytes, int MaxSheetRows, int MaxBatchItems)
    {
        public static Limits Of(IServiceProvider services) => new(
            services.GetService<Microsoft.Extensions.Options.IOptions<Http.RequestLimits>>()?.Value.MaxBodyBytes ?? new Http.RequestLimits().MaxBodyBytes,
            services.GetService<Microsoft.Extensions.Options.IOptions<Core.Engine.Sheets.SheetLimits>>()?.Value.MaxUploadBytes ?? new Core.Engine.Sheets.SheetLimits().MaxUploadBytes,
            services.GetService<Microsoft.Extensions.Options.IOptions<Core.Engine.Sheets.SheetLimits>>()?.Value.MaxRows ?? new Core.Engine.Sheets.SheetLimits().MaxRows,
            BatchEndpoints.MaxItems);
    }

    internal static void Complete(JsonObject root, FormCatalog catalog, Limits limits)
    {
        var forms = catalog.Forms.OrderBy(f => f.FormId, StringComparer.Ordinal).ToList();
        var info = root["info"]!.AsObject();
        info["contact"] = new JsonObject { ["name"] = "FormsService", ["url"] = "https://github.com/formsservice/formsservice" };
        // Relative: the reference at /docs sends its requests to the origin it was served from (its CSP allows 'self'
        // only), and a client made from the document sets its own base address.
        root["servers"] = new JsonArray(new JsonObject
        {
            ["url"] = "/",
            ["description"] = "The service that serves this document; a client sets its own base address.",
        });
        info["x-limits"] = new JsonObject
        {
            ["maxBodyBytes"] = limits.MaxBodyBytes,
            ["maxUploadBytes"] = limits.MaxUploadBytes,
            ["maxSheetRows"] = limits.MaxSheetRows,
            ["maxBatchItems"] = limits.MaxBatchItems,
            ["minDpi"] = PreviewEndpoints.MinDpi,
            ["maxDpi"] = PreviewEndpoints.MaxDpi,
        };

        var components = root["components"] as JsonObject ?? [];
        root["components"] = components;
        var schemas = components["schemas"] as JsonObject ?? [];
        components["schemas"] = schemas;
        schemas[ProblemSchema] = Problem();
        schemas[Binary] = new JsonObject { ["type"] = "string", ["format"] = "binary", ["description"] = "The document's bytes." };
        schemas["Payload"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "The form's payload, as its version's JSON Schema (`…/versions/{version}/schema`) describes it. " +
                              "The per-form operations (`renderReferralCertificate`, …) carry the schema itself.",
        };
        schemas.Remove("JsonElement");
        schemas[LanguageSchema] = new JsonObject
        {
            ["type"] = "string",
            ["enum"] = Strings(FormCatalog.DocumentLanguages),
            ["default"] = FormCatalog.DefaultLanguage,
            ["description"] = "The document's language: kk (the default) or ru, where the version offers it (the catalogue's `languages`).",
        };
        schemas[JsonSchema] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "A JSON Schema (draft 2020-12) document.",
            ["properties"] = new JsonObject
            {
                ["$schema"] = new JsonObject { ["type"] = "string" },
                ["$id"] = new JsonObject { ["type"] = "string" },
                ["title"] = new JsonObject { ["type"] = "string" },
                ["description"] = new JsonObject { ["type"] = "string" },
                ["type"] = new JsonObject { ["description"] = "A type name, or a list of them." },
                ["properties"] = new JsonObject { ["type"] = "object" },
                ["required"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
        };
        components["securitySchemes"] = new JsonObject
        {
            ["apiKey"] = new JsonObject
            {
                ["type"] = "apiKey",
                ["in"] = "header",
                ["name"] = AuthOptions.Header,
                ["description"] = "Needed when the service is configured with API keys (Auth:ApiKeys); without keys the API is open.",
            },
        };
        // Either no key (a service without keys) or the key.
        root["security"] = new JsonArray(new JsonObject { ["apiKey"] = new JsonArray() }, new JsonObject());

        var tags = root["tags"] as JsonArray ?? [];
        root["tags"] = tags;
        tags.Add(new JsonObject { ["name"] = FormTag, ["description"] = "One operation per form and action, its payload typed by the form's schema." });
        foreach (var tag in tags.OfType<JsonObject>())
            tag["description"] ??= tag["name"]!.GetValue<string>() switch
            {
                "Forms" => "The catalogue and the generic routes, for any form by its id.",
                "Contract" => "Each version's description, JSON Schema and example.",
                "Previews" => "Page previews and the vest artwork.",
                "Batch" => "Many documents in one ZIP, or one PDF to print.",
                "Spreadsheets" => "A spreadsheet template per version, and many documents merged from a filled one.",
                "Deadlines" => "The order's deadlines on Kazakhstan's working-day calendar.",
                _ => null,
            };

        var allFormats = forms.SelectMany(f => f.Versions).SelectMany(v => v.Definition.Formats).Distinct().Order(StringComparer.Ordinal).ToList();
        var allVersions = forms.SelectMany(f => f.Versions).Select(v => v.Version).Distinct().Order(StringComparer.Ordinal).ToList();
        var paths = root["paths"]!.AsObject();
        foreach (var (_, item) in paths)
            foreach (var (method, operation) in item!.AsObject())
                if (operation is JsonObject op && method != "parameters")
                    Tidy(op, forms.Select(f => f.FormId).ToList(), allFormats, allVersions);

        // Each form's example once, referred to by its operations (and the generic routes' bodies by the first's).
        var examples = new JsonObject();
        components["examples"] = examples;
        foreach (var form in forms)
        {
            if (Example(form.Versions[^1]) is { } value)
                examples[Pascal(form.FormId) + "Payload"] = new JsonObject { ["summary"] = $"A valid {form.FormId} payload", ["value"] = value };
            AddFormOperations(paths, schemas, form);
        }
        DeclareBatch(paths, schemas, forms, allFormats, allVersions, limits);
        DeclareMerge(paths, limits);

        Walk(root, node =>
        {
            if (node["$ref"]?.GetValue<string>() is "#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails")
                node["$ref"] = $"#/components/schemas/{ProblemSchema}";
            if (node["$ref"]?.GetValue<string>() == "#/components/schemas/JsonElement")
                node["$ref"] = "#/components/schemas/Payload";
        });
        schemas.Remove("ProblemDetails");
        schemas.Remove("HttpValidationProblemDetails");
        // The generic routes' bodies: the first form's example (its id is the formId's example).
        var first = forms[0];
        foreach (var (_, item) in paths)
            foreach (var (_, operation) in item!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"] is not JsonObject json || json["examples"] is not null) continue;
                if (json["schema"]?["$ref"]?.GetValue<string>() != "#/components/schemas/Payload") continue;
                json["examples"] = ExampleRef(Pascal(first.FormId) + "Payload");
                foreach (var parameter in operation["parameters"]?.AsArray().OfType<JsonObject>() ?? [])
                    if (parameter["name"]?.GetValue<string>() == "formId") parameter["example"] = first.FormId;
            }
        OpenApiDeclarations.Apply(root);
    }

    /// <summary>The batch's body: its items typed, their number bounded as the service bounds it.</summary>
    private static void DeclareBatch(JsonObject paths, JsonObject schemas, IReadOnlyList<FormEntry> forms, IReadOnlyList<string> formats,
        IReadOnlyList<string> versions, Limits limits)
    {
        schemas["BatchItem"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "One document of a batch.",
            ["required"] = new JsonArray("formId", "payload"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["formId"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(forms.Select(f => f.FormId)) },
                ["format"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(formats), ["default"] = OutputFormats.Pdf, ["description"] = "One of the form's formats (pdf by default)." },
                ["version"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(versions), ["description"] = "An exact version; without it, the version in force (or on `asOf`)." },
                ["asOf"] = new JsonObject { ["type"] = "string", ["format"] = "date" },
                ["language"] = new JsonObject
                {
                    ["type"] = "string", ["enum"] = Strings(FormCatalog.DocumentLanguages), ["default"] = FormCatalog.DefaultLanguage,
                    ["description"] = "The document's language: kk (the default) or ru, where the version offers it.",
                },
                ["payload"] = Ref("Payload"),
            },
        };
        schemas["BatchRequest"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("items"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["items"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["maxItems"] = limits.MaxBatchItems, ["items"] = Ref("BatchItem") },
            },
        };
        var examples = forms.Take(2).Select(f => (JsonNode?)new JsonObject
        {
            ["formId"] = f.FormId,
            ["format"] = f.Versions[^1].Definition.Formats[0],
            ["payload"] = Example(f.Versions[^1]),
        }).ToArray();
        if (paths["/api/render/batch"]?["post"] is JsonObject batch)
            batch["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = Ref("BatchRequest"), ["example"] = new JsonObject { ["items"] = new JsonArray(examples) } },
                },
            };
    }

    /// <summary>The merge's body (a spreadsheet, in a form or raw) and its answers: a ZIP, one PDF, or the report as JSON.</summary>
    private static void DeclareMerge(JsonObject paths, Limits limits)
    {
        if (paths["/api/forms/{formId}/merge"]?["post"] is not JsonObject merge) return;
        var file = new JsonObject { ["type"] = "string", ["format"] = "binary", ["maxLength"] = limits.MaxUploadBytes };
        merge["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["description"] = $"The filled template: at most {limits.MaxUploadBytes} bytes and {limits.MaxSheetRows} rows.",
            ["content"] = new JsonObject
            {
                ["multipart/form-data"] = new JsonObject
                {
                    ["schema"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("file"),
                        ["properties"] = new JsonObject { ["file"] = file.DeepClone() },
                    },
                },
                ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = new JsonObject { ["schema"] = file.DeepClone() },
                ["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["maxLength"] = limits.MaxUploadBytes } },
            },
        };
        var ok = merge["responses"]!["200"]!["content"]!.AsObject();
        foreach (var type in ok.Select(c => c.Key).Where(t => t != "application/json").ToList())
            ok[type] = new JsonObject { ["schema"] = Ref(Binary) };
    }

    private static JsonObject ExampleRef(string name) =>
        new() { ["example"] = new JsonObject { ["$ref"] = $"#/components/examples/{name}" } };

    private static JsonNode? Example(FormVersion version) =>
        version.Example is { } example ? JsonNode.Parse(example.GetRawText()) : null;

    /// <summary>A generic route's operation: enums for its parameters, media types on its 200, no 304.</summary>
    private static void Tidy(JsonObject operation, IReadOnlyList<string> formIds, IReadOnlyList<string> formats, IReadOnlyList<string> versions)
    {
        var responses = operation["responses"]!.AsObject();
        responses.Remove("304");
        foreach (var parameter in operation["parameters"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var name = parameter["name"]!.GetValue<string>();
            var schema = parameter["schema"] as JsonObject;
            if (schema is null) continue;
            switch (name)
            {
                case "formId": schema["enum"] = Strings(formIds); break;
                case "version": schema["enum"] = Strings(versions); break;
                case "asOf": schema["format"] = "date"; break;
                case "language":
                    parameter["schema"] = Ref(LanguageSchema);
                    break;
                case "dpi": schema["minimum"] = PreviewEndpoints.MinDpi; schema["maximum"] = PreviewEndpoints.MaxDpi; break;
                case "format" when operation["operationId"]?.GetValue<string>() != "PreviewArtwork": schema["enum"] = Strings(formats); break;
                case "format": schema["enum"] = Strings([OutputFormats.Png, OutputFormats.Svg, OutputFormats.Pdf]); break;
                case "pdfa": schema["enum"] = Strings(["2b"]); break;
                case "conformance": schema["enum"] = Strings(["pdfa-2b"]); break;
                case "output" when operation["operationId"]?.GetValue<string>() == "RenderBatch": schema["enum"] = Strings(["zip", "single"]); break;
                case "output": schema["enum"] = Strings(["zip", "single", "report"]); break;
            }
            parameter["description"] ??= name switch
            {
                "verdictReceived" => "The date (YYYY-MM-DD) the verdict was received; the deadlines count from it.",
                "dpi" => $"Resolution of the PNG, {PreviewEndpoints.MinDpi}–{PreviewEndpoints.MaxDpi} (96 by default).",
                "formId" => "The form (`GET /api/forms` lists them).",
                "version" => "An exact version; without it, the version in force today (or on `asOf`).",
                "asOf" => "The date (YYYY-MM-DD) whose version in force is wanted.",
                "language" => LanguageText,
                "format" => "The output format; without it, the `Accept` header's, else the form's first.",
                "pdfa" => "`2b`: the PDF as PDF/A-2b, for archives (PDF only).",
                "conformance" => "`pdfa-2b`: the same as `pdfa=2b`.",
                "output" when operation["operationId"]?.GetValue<string>() == "RenderBatch" => "`zip` (default): a ZIP with manifest.json; `single`: one PDF of every item in order.",
                "output" => "`zip` (default): a ZIP of documents, manifest.json and errors.xlsx; `single`: one PDF; `report`: the manifest as JSON, nothing rendered.",
                _ => null,
            };
            if (parameter["description"] is null) parameter.Remove("description");
        }
        operation["description"] ??= operation["operationId"]?.GetValue<string>() switch
        {
            "ListForms" => "Every form with its versions, legal basis and effective dates.",
            "GetForm" => "One form with its versions.",
            "BlankForm" => "The form printed blank, to be filled by hand; ETag and 304 as for renders.",
            "ValidatePayload" => "200 with the warnings a render would report, or the 422 a render would give. The per-form operations (`validateReferralCertificate`, …) type the payload.",
            "PreviewPage" => "The first page of the filled form as PNG, for a live preview.",
            "GetVersion" => "One version: title, legal basis, effective dates, formats, links to its schema and example.",
            "GetSchema" => "The JSON Schema (2020-12) of the version's payload: the rules a schema can say, labels in `x-labels` ({ kk, ru }).",
            "GetExample" => "A valid example payload of the version.",
            "ListDataSchemas" => "The names of the JSON Schemas the forms' data files (definitions, labels, vest.json, calendars) name.",
            "GetDataSchema" => "One JSON Schema of the forms' data files, as the files name it.",
            _ => operation["summary"]?.GetValue<string>(),
        };
        if (responses["200"] is JsonObject ok && ok["content"] is null)
        {
            var types = operation["operationId"]?.GetValue<string>() switch
            {
                "RenderForm" or "BlankForm" => formats.Select(f => OutputFormats.MediaTypes[f]),
                "PreviewPage" => [OutputFormats.MediaTypes[OutputFormats.Png]],
                "PreviewArtwork" => new[] { OutputFormats.Png, OutputFormats.Svg, OutputFormats.Pdf }.Select(f => OutputFormats.MediaTypes[f]),
                "RenderBatch" => ["application/zip", OutputFormats.MediaTypes[OutputFormats.Pdf]],
                "MergeSpreadsheet" => ["application/zip", OutputFormats.MediaTypes[OutputFormats.Pdf], "application/json"],
                "GetTemplateXlsx" => ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
                "GetTemplateCsv" => ["text/csv"],
                "GetSchema" or "GetDataSchema" => ["application/schema+json"],
                "GetExample" => ["application/json"],
                _ => [],
            };
            var schemaRef = operation["operationId"]?.GetValue<string>() switch
            {
                "GetSchema" or "GetDataSchema" => Ref(JsonSchema),
                "GetExample" => Ref("Payload"),
                _ => Ref(Binary),
            };
            ok["content"] = Content(types, schemaRef);
        }
    }

    private static void AddFormOperations(JsonObject paths, JsonObject schemas, FormEntry form)
    {
        var latest = form.Versions[^1];
        var name = Pascal(form.FormId);
        var payloadName = name + "Payload";
        schemas[payloadName] = ForComponents(PayloadSchema.For(latest));
        JsonArray Versions() => Strings(form.Versions.Select(v => v.Version));
        var formats = latest.Definition.Formats;
        var title = latest.Definition.ShortTitle;

        // Named enums, so that every generator names the type after the form (ReferralCertificateFormat).
        schemas[name + "Version"] = new JsonObject { ["type"] = "string", ["enum"] = Versions(), ["description"] = $"The versions of {form.FormId}." };
        schemas[name + "Format"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(formats), ["description"] = $"The formats {form.FormId} renders to." };
        var archival = formats.Contains(OutputFormats.Pdf);
        if (archival)
            schemas["PdfA"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(["2b"]), ["description"] = "A PDF/A conformance level." };
        JsonArray Parameters(bool withFormat) => new JsonArray(new JsonNode?[]
        {
            withFormat ? Query("format", Ref(name + "Format"),
                $"The output format: {string.Join(", ", formats)}. Without it, the `Accept` header's, else {formats[0]}.") : null,
            withFormat && archival ? Query("pdfa", Ref("PdfA"), "`2b`: the PDF as PDF/A-2b, for archives (with `format=pdf`).") : null,
            Query("version", Ref(name + "Version"), "An exact version; without it, the version in force today (or on `asOf`)."),
            Query("asOf", new JsonObject { ["type"] = "string", ["format"] = "date" }, "The date (YYYY-MM-DD) whose version in force is wanted."),
            withFormat ? Query("language", Ref(LanguageSchema),
                $"The document's language: {string.Join(" or ", latest.Languages)} for {form.FormId}" +
                (latest.Languages.Count < FormCatalog.DocumentLanguages.Length ? " (another is 422 `language-not-available`)." : ".")) : null,
        }.Where(p => p is not null).ToArray());

        var documents = Content(formats.Select(f => OutputFormats.MediaTypes[f]), Ref(Binary));
        paths[$"/api/forms/{form.FormId}/render"] = new JsonObject
        {
            ["post"] = Operation("render" + name, $"Renders {form.FormId} ({title}) filled with its payload.",
                "The same as `POST /api/forms/{formId}/render` for this form, with its payload typed. The response carries " +
                "`X-Form-Version`, an `ETag` (send it back in `If-None-Match` to get 304 Not Modified, with no body) and " +
                "`X-Form-Warnings` when the document was rendered with warnings.",
                Parameters(true), Body(payloadName, latest.Example is null ? null : ExampleRef(payloadName)), documents, withBodyErrors: true),
        };
        paths[$"/api/forms/{form.FormId}/validate"] = new JsonObject
        {
            ["post"] = Operation("validate" + name, $"Checks a {form.FormId} payload without rendering it.",
                "200 with the warnings a render would report, or the 422 a render would give.",
                Parameters(false), Body(payloadName, latest.Example is null ? null : ExampleRef(payloadName)), Content(["application/json"], Ref("ValidationAnswer")), withBodyErrors: true),
        };
        var blankParameters = Parameters(true);
        if (latest.Module.BlankTakesMonth)
            blankParameters.Add(Query("month", new JsonObject { ["type"] = "string", ["pattern"] = Core.Forms.AkimatReports.ReportMonth.Pattern },
                "YYYY-MM: the blank for that month, its days with the days off shaded; without it, 31 numbered days."));
        paths[$"/api/forms/{form.FormId}/blank"] = new JsonObject
        {
            ["get"] = Operation("blank" + name, $"The {form.FormId} form printed blank, to be filled by hand.",
                "As `GET /api/forms/{formId}/blank` for this form (ETag and 304 as for renders).", blankParameters, null, documents, withBodyErrors: false),
        };
        paths[$"/api/forms/{form.FormId}/versions/{{version}}/example"] = new JsonObject
        {
            ["get"] = new JsonObject
            {
                ["tags"] = new JsonArray(FormTag),
                ["summary"] = $"A valid {form.FormId} payload, typed.",
                ["description"] = "As `GET /api/forms/{formId}/versions/{version}/example` for this form.",
                ["operationId"] = "example" + name,
                ["parameters"] = new JsonArray(new JsonObject
                {
                    ["name"] = "version",
                    ["in"] = "path",
                    ["required"] = true,
                    ["description"] = "The version.",
                    ["schema"] = Ref(name + "Version"),
                    ["example"] = latest.Version,
                }),
                ["responses"] = new JsonObject
                {
                    ["200"] = new JsonObject
                    {
                        ["description"] = "OK",
                        ["content"] = Content(["application/json"], Ref(payloadName), latest.Example is null ? null : ExampleRef(payloadName)),
                    },
                    ["404"] = new JsonObject { ["description"] = "No such version, or it has no example." },
                },
            },
        };
        if (latest.Module.Artwork is not null)
        {
            var parameters = Parameters(false);
            parameters.Insert(0, Query("format", new JsonObject { ["type"] = "string", ["enum"] = Strings([OutputFormats.Png, OutputFormats.Svg, OutputFormats.Pdf]) },
                "png (default), svg or pdf."));
            foreach (var (property, schema) in schemas[payloadName]!["properties"]!.AsObject())
            {
                var parameter = schema!.DeepClone().AsObject();
                var description = parameter["description"]?.GetValue<string>() ?? parameter["title"]?.GetValue<string>();
                parameter.Remove("description");
                parameters.Add(Query(property, parameter, description ?? property));
            }
            paths[$"/api/forms/{form.FormId}/preview"] = new JsonObject
            {
                ["get"] = Operation("preview" + name, $"The {form.FormId} artwork for an <img src>: its parameters in the query.",
                    "PNG at the drawing scale, SVG and PDF at real size; cached (Cache-Control, ETag).",
                    parameters, null, Content(new[] { OutputFormats.Png, OutputFormats.Svg, OutputFormats.Pdf }.Select(f => OutputFormats.MediaTypes[f]), Ref(Binary)),
                    withBodyErrors: false),
            };
        }
    }

    private static JsonObject Operation(string id, string summary, string description, JsonArray parameters, JsonObject? body, JsonObject ok, bool withBodyErrors)
    {
        var responses = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK", ["content"] = ok.DeepClone() } };
        var errors = new List<(int, string)>
        {
            (404, "Unknown version, or none in force on that date."), (406, "Accept names no format the form offers."),
            (422, "The payload or a parameter breaks a rule: `errors` holds the messages by JSON path."),
            (503, "Overloaded or past the render timeout: try again after `Retry-After`."),
        };
        if (withBodyErrors)
            errors.AddRange([(400, "The body is not a JSON object."), (413, "The body is over the limit."), (415, "The body is not JSON.")]);
        foreach (var (status, text) in errors.OrderBy(e => e.Item1))
            responses[status.ToString(CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = text,
                ["content"] = Content(["application/problem+json"], Ref(ProblemSchema)),
            };
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(FormTag),
            ["summary"] = summary,
            ["description"] = description,
            ["operationId"] = id,
            ["parameters"] = parameters,
        };
        if (body is not null) operation["requestBody"] = body;
        operation["responses"] = responses;
        return operation;
    }

    private static JsonObject Body(string schema, JsonObject? examples) =>
        new() { ["required"] = true, ["content"] = Content(["application/json"], Ref(schema), examples) };

    private static JsonObject Query(string name, JsonObject schema, string description) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = description,
        ["schema"] = schema,
    };

    private static JsonObject Content(IEnumerable<string> mediaTypes, JsonObject schema, JsonObject? examples = null)
    {
        var content = new JsonObject();
        foreach (var type in mediaTypes)
        {
            content[type] = new JsonObject { ["schema"] = schema.DeepClone() };
            if (examples is not null) content[type]!["examples"] = examples.DeepClone();
        }
        return content;
    }

    private static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    /// <summary>The payload schema as a component: its dialect and address belong to the published file, not here.</summary>
    private static JsonObject ForComponents(JsonObject schema)
    {
        schema.Remove("$schema");
        schema.Remove("$id");
        return schema;
    }

    private static JsonObject Problem() => new()
    {
        ["type"] = "object",
        ["description"] = "Problem details (RFC 9457). `title`, `detail` and the messages of `errors` are in the language of `Accept-Language` (kk, ru, en; a payload's rules default to kk, any other problem to \"Kazakh / English\"). A 422 adds `errors`: messages by the JSON path of the field (`convict.surname`), query parameter (`dpi`) or spreadsheet cell (`B1`); `codes` names the messages' codes by the same keys, and a problem's `detail` under what it is about (`formId`, a header, or `$` for the body or request as a whole).",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["instance"] = new JsonObject { ["type"] = "string" },
            ["traceId"] = new JsonObject { ["type"] = "string" },
            ["errors"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "JSON path of a field → its messages.",
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
            ["codes"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "JSON path, parameter or cell → the codes of its messages (`too-long`, `between`, `sheet-unknown-column`), or what the problem is about → its `detail`'s code (`formId` → `unknown-form`, `$` → `body-not-json`): the same in every language.",
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
        },
    };

    /// <summary><c>referral-certificate</c> → <c>ReferralCertificate</c>.</summary>
    internal static string Pascal(string formId) =>
        string.Concat(formId.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static void Walk(JsonNode? node, Action<JsonObject> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                visit(obj);
                foreach (var (_, child) in obj.ToList()) Walk(child, visit);
                break;
            case JsonArray array:
                foreach (var child in array.ToList()) Walk(child, visit);
                break;
        }
    }
}
