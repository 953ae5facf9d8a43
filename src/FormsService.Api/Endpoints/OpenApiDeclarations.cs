using System.Globalization;
using System.Text.Json.Nodes;
using FormsService.Api.Http;
using FormsService.Api.Operations;

namespace FormsService.Api.Endpoints;

/// <summary>
/// What every operation of the OpenAPI document says beyond its route: the request headers the service reads
/// (<c>Accept</c>, <c>Accept-Language</c>, <c>If-None-Match</c>, <c>X-Api-Key</c>) as parameters, the response
/// headers it sends on each status, 304 where a document carries an ETag, 401 (with <c>WWW-Authenticate</c>) and 403
/// on every API route since keys are a deployment's choice, and an example of every problem. One pass over the
/// finished document, so ASP.NET's operations and the per-form ones say the same.
/// </summary>
internal static class OpenApiDeclarations
{
    /// <summary>The challenge a 401 carries: no registered scheme names an API key in a header, so it says which.</summary>
    public const string Challenge = "ApiKey header=\"" + AuthOptions.Header + "\"";

    private const string ETag = "ETag", FormVersion = RenderRequest.VersionHeader, Warnings = RenderRequest.WarningsHeader,
        Digest = EngineDigest.Header, Disposition = "Content-Disposition", RetryAfter = "Retry-After",
        Skipped = MergeEndpoints.SkippedRowsHeader, Authenticate = "WWW-Authenticate";

    public static void Apply(JsonObject root)
    {
        var components = root["components"]!.AsObject();
        components["parameters"] = Parameters();
        components["headers"] = Headers();
        // One example per problem status, referred to by every response of that status: the document stays small
        // enough for the reference page to render quickly.
        var examples = components["examples"] as JsonObject ?? [];
        components["examples"] = examples;

        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            foreach (var (method, node) in item!.AsObject())
            {
                if (node is not JsonObject operation || method == "parameters") continue;
                var id = operation["operationId"]?.GetValue<string>() ?? "";
                var kind = KindOf(id);
                var parameters = operation["parameters"] as JsonArray ?? [];
                operation["parameters"] = parameters;
                if (kind is Kind.Document or Kind.Render)
                    parameters.Add(ParameterRef("Accept"));
                if (kind is Kind.Document or Kind.Render or Kind.Preview)
                    parameters.Add(ParameterRef("IfNoneMatch"));
                parameters.Add(ParameterRef("AcceptLanguage"));
                parameters.Add(ParameterRef("ApiKey"));

                var responses = operation["responses"]!.AsObject();
                if (responses["200"] is JsonObject ok && OkHeaders(kind) is { Count: > 0 } okHeaders)
                    ok["headers"] = HeaderRefs(okHeaders);
                if (kind is Kind.Document or Kind.Render or Kind.Preview)
                    responses["304"] = new JsonObject
                    {
                        ["description"] = "Not Modified: the `ETag` sent in `If-None-Match` is the document's; no body.",
                        ["headers"] = HeaderRefs([ETag, FormVersion, Digest]),
                    };
                responses["401"] ??= new JsonObject { ["description"] = "No API key, when the service is configured with keys." };
                responses["403"] ??= new JsonObject { ["description"] = "An API key the service does not know." };
                responses["401"]!["headers"] = HeaderRefs([Authenticate]);
                if (responses["503"] is JsonObject busy)
                    busy["headers"] = HeaderRefs([RetryAfter]);

                var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)).ToList();
                responses.Clear();
                foreach (var (status, response) in ordered)
                {
                    if (status[0] is '4' or '5')
                    {
                        response!["content"] = new JsonObject
                        {
                            ["application/problem+json"] = new JsonObject
                            {
                                ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{OpenApiContract.ProblemSchema}" },
                                ["examples"] = new JsonObject { ["problem"] = new JsonObject { ["$ref"] = $"#/components/examples/Problem{status}" } },
                            },
                        };
                    }
                    responses[status] = response;
                    if (status[0] is '4' or '5')
                        examples[$"Problem{status}"] ??= new JsonObject { ["summary"] = $"A {status} problem", ["value"] = ProblemExample(int.Parse(status, CultureInfo.InvariantCulture)) };
                }
            }
        }
    }

    private enum Kind { Other, Render, Document, Preview, Merge, Batch, Template }

    /// <summary>What an operation sends, from its id: ASP.NET's names for the generic routes, the per-form ones' prefixes.</summary>
    private static Kind KindOf(string id) => id switch
    {
        "RenderForm" => Kind.Render,
        "BlankForm" => Kind.Document,
        "PreviewPage" or "PreviewArtwork" => Kind.Preview,
        "MergeSpreadsheet" => Kind.Merge,
        "RenderBatch" => Kind.Batch,
        "GetTemplateXlsx" or "GetTemplateCsv" => Kind.Template,
        _ when id.StartsWith("render", StringComparison.Ordinal) => Kind.Render,
        _ when id.StartsWith("blank", StringComparison.Ordinal) => Kind.Document,
        _ when id.StartsWith("preview", StringComparison.Ordinal) => Kind.Preview,
        _ => Kind.Other,
    };

    private static List<string> OkHeaders(Kind kind) => kind switch
    {
        Kind.Render => [ETag, FormVersion, Digest, Disposition, Warnings],
        Kind.Document => [ETag, FormVersion, Digest, Disposition],
        Kind.Preview => [ETag, FormVersion, Digest],
        Kind.Merge => [FormVersion, Disposition, Skipped],
        Kind.Batch => [Disposition],
        Kind.Template => [FormVersion, Disposition],
        _ => [],
    };

    private static JsonObject HeaderRefs(IEnumerable<string> names)
    {
        var headers = new JsonObject();
        foreach (var name in names)
            headers[name] = new JsonObject { ["$ref"] = $"#/components/headers/{name}" };
        return headers;
    }

    private static JsonObject ParameterRef(string name) => new() { ["$ref"] = $"#/components/parameters/{name}" };

    private static JsonObject Header(string description, JsonObject schema, JsonNode example) =>
        new() { ["description"] = description, ["schema"] = schema, ["example"] = example };

    private static JsonObject Text(string? pattern = null)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (pattern is not null) schema["pattern"] = pattern;
        return schema;
    }

    private static JsonObject Headers() => new()
    {
        [ETag] = Header("A strong tag of everything the bytes depend on (form, version, format, payload, engine): send it back in `If-None-Match` to get 304.",
            Text("^\"[0-9a-f]+\"$"), "\"5d1c0f7b2a9e4c3d8b6a1f0e9d8c7b6a\""),
        [FormVersion] = Header("The version of the form the document was made from.", Text(), "2025-733"),
        [Digest] = Header("The engine's digest (code, definitions, fonts): equal digests and requests give equal bytes.", Text(), "3f9a1c2b7d4e"),
        [Disposition] = Header("The document's file name (RFC 6266; `filename*` in UTF-8).", Text(),
            "attachment; filename=Anyktama-zholdama.pdf; filename*=UTF-8''%D0%90%D0%BD%D1%8B%D2%9B%D1%82%D0%B0%D0%BC%D0%B0.pdf"),
        [Warnings] = Header("Sent only when the document was rendered with warnings: `code path` pairs separated by `; `.", Text(),
            "text-shrunk convict.address"),
        [RetryAfter] = Header("Seconds to wait before trying again.", new JsonObject { ["type"] = "integer", ["minimum"] = 0 }, 1),
        [Skipped] = Header("`output=single`: the spreadsheet rows left out of the PDF for their problems, by number.", Text("^[0-9]+(,[0-9]+)*$"), "3,7"),
        [Authenticate] = Header("The challenge: the key goes in the `" + AuthOptions.Header + "` header.", Text(), Challenge),
    };

    private static JsonObject Parameters() => new()
    {
        ["Accept"] = HeaderParameter("Accept",
            "The document's media type when `format` is not given (`application/problem+json` may be listed too: it names how errors come). " +
            "`format` wins over it.", "application/pdf"),
        ["IfNoneMatch"] = HeaderParameter("If-None-Match",
            "An `ETag` the client holds: the same document gives 304 with no body and nothing is rendered. `*` on a POST is 412.",
            "\"5d1c0f7b2a9e4c3d8b6a1f0e9d8c7b6a\""),
        ["AcceptLanguage"] = HeaderParameter("Accept-Language",
            "The language of problems, warnings and deadlines: kk (the default), ru or en.", "ru"),
        ["ApiKey"] = HeaderParameter(AuthOptions.Header,
            "The API key, when the service is configured with keys (the `apiKey` security scheme); without keys the API is open.", "my-key"),
    };

    private static JsonObject HeaderParameter(string name, string description, string example) => new()
    {
        ["name"] = name,
        ["in"] = "header",
        ["required"] = false,
        ["description"] = description,
        ["schema"] = new JsonObject { ["type"] = "string" },
        ["example"] = example,
    };

    private static JsonObject ProblemExample(int status)
    {
        var (title, detail, about, code) = status switch
        {
            400 => ("The body is not JSON", "The body is not well-formed JSON.", "$", "body-not-json"),
            401 => ("An API key is required", "Send the key in the X-Api-Key header.", AuthOptions.Header, "api-key-required"),
            403 => ("The API key is not accepted", "The key in the X-Api-Key header is not one of the service's.", AuthOptions.Header, "api-key-refused"),
            404 => ("Not found", "There is no form with the id 'no-such-form'.", "formId", "unknown-form"),
            406 => ("Not acceptable", "The form renders to: pdf, docx.", "Accept", "not-acceptable"),
            408 => ("Request timeout", "The body came too slowly.", "$", "body-too-slow"),
            412 => ("Precondition failed", "If-None-Match: * on a POST: a document always exists.", "If-None-Match", "if-none-match-any"),
            413 => ("Too large", "The body is over the limit.", "$", "body-too-large"),
            415 => ("Unsupported media type", "Send the body as application/json.", "$", "body-not-json-media"),
            503 => ("Service busy", "The service is busy: try again after Retry-After seconds.", "$", "overloaded"),
            _ => ("", "", "", ""),
        };
        if (status == 422)
            return new JsonObject
            {
                ["title"] = "The payload breaks the form's rules",
                ["status"] = 422,
                ["errors"] = new JsonObject { ["convict.surname"] = new JsonArray("Must not be empty.") },
                ["codes"] = new JsonObject { ["convict.surname"] = new JsonArray("not-empty") },
            };
        return new JsonObject
        {
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["codes"] = new JsonObject { [about] = new JsonArray(code) },
        };
    }
}
