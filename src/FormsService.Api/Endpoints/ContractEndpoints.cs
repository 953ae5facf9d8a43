using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Api.Http;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormsService.Api.Endpoints;

internal sealed record VersionDetail(string FormId, string Version, string Title, string ShortTitle, string Language, LegalBasis LegalBasis,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, string EffectiveFromSource, IReadOnlyList<string> Formats,
    bool HasArtwork, string SchemaHref, string ExampleHref, string RenderHref)
{
    /// <summary>The languages the version's documents are offered in (<c>language=</c>), the default first.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [Language];
}

/// <summary>The integrators' contract: each version's description, JSON Schema and example.</summary>
internal static class ContractEndpoints
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FormVersion, string> Schemas = new();

    public static void MapContractEndpoints(this IEndpointRouteBuilder app)
    {
        var versions = app.MapGroup("/api/forms/{formId}/versions/{version}").WithTags("Contract");
        versions.MapGet("/", GetVersion).WithName("GetVersion").WithSummary("One version: title, legal basis, effective dates, formats, links.")
            .ProducesProblem(404);
        versions.MapGet("/schema", GetSchema).WithName("GetSchema").WithSummary("The JSON Schema (2020-12) of the version's payload.")
            .Produces(200, contentType: "application/schema+json").ProducesProblem(404);
        versions.MapGet("/example", GetExample).WithName("GetExample").WithSummary("A valid example payload.")
            .Produces(200, contentType: "application/json").ProducesProblem(404);
    }

    private static (FormVersion? Version, ProblemHttpResult? Error) Find(HttpContext context, string formId, string version, FormsEngine engine)
    {
        var lookup = engine.Catalog.Select(formId, version, null, default);
        return lookup is VersionLookup.Found f ? (f.Version, null) : (null, Problems.NotFound(context, lookup));
    }

    internal static Results<Ok<VersionDetail>, ProblemHttpResult> GetVersion(string formId, string version, HttpContext context, FormsEngine engine)
    {
        var (v, error) = Find(context, formId, version, engine);
        if (error is not null) return error;
        var d = v!.Definition;
        var href = $"/api/forms/{d.FormId}/versions/{d.Version}";
        return TypedResults.Ok(new VersionDetail(d.FormId, d.Version, d.Title, d.ShortTitle, d.Language, d.LegalBasis, d.EffectiveFrom, d.EffectiveTo,
            d.EffectiveFromSource, d.Formats, FormsEngine.HasArtwork(v), href + "/schema", href + "/example",
            $"/api/forms/{d.FormId}/render?version={d.Version}") { Languages = v.Languages });
    }

    internal static IResult GetSchema(string formId, string version, HttpContext context, FormsEngine engine)
    {
        var (v, error) = Find(context, formId, version, engine);
        if (error is not null) return error;
        // A published version never changes: its schema is generated (and its labels read) once.
        var schema = Schemas.GetOrAdd(v!, version => PayloadSchema.For(version).ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        return Results.Text(schema, "application/schema+json", System.Text.Encoding.UTF8);
    }

    internal static IResult GetExample(string formId, string version, HttpContext context, FormsEngine engine)
    {
        var (v, error) = Find(context, formId, version, engine);
        if (error is not null) return error;
        if (v!.Example is not { } example)
            return Problems.Coded(context, 404, "problem-no-example", "version", Say.Of("no-example", ("formId", formId), ("version", version)));
        return Results.Text(example.GetRawText(), "application/json", System.Text.Encoding.UTF8);
    }
}
