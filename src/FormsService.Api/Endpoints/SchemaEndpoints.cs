using FormsService.Api.Http;
using FormsService.Core.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormsService.Api.Endpoints;

/// <summary>The JSON Schemas of the forms' data files (definitions, labels, the vest spec, calendars), as the files name them.</summary>
internal static class SchemaEndpoints
{
    public static void MapSchemaEndpoints(this IEndpointRouteBuilder app)
    {
        var schemas = app.MapGroup("/api/schemas").WithTags("Contract");
        schemas.MapGet("/", List).WithName("ListDataSchemas").WithSummary("The schemas of the forms' data files, by name.");
        schemas.MapGet("/{name}", Get).WithName("GetDataSchema").WithSummary("One schema of the forms' data files (e.g. vest.schema.json).")
            .Produces(200, contentType: "application/schema+json").ProducesProblem(404);
    }

    internal static Ok<IReadOnlyList<string>> List(FormsEngine engine) => TypedResults.Ok<IReadOnlyList<string>>(engine.Schemas.Names.ToList());

    internal static IResult Get(string name, HttpContext context, FormsEngine engine) =>
        engine.Schemas.Find(name) is { } text
            ? Results.Text(text, "application/schema+json", System.Text.Encoding.UTF8)
            : Problems.Coded(context, 404, "problem-unknown-schema", "name", Core.Engine.Payloads.Say.Of("unknown-schema", ("name", name)));
}
