using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Api.Http;
using FormsService.Api.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Mvc;

namespace FormsService.Api.Endpoints;

/// <summary>Previews: a filled form's first page as an image (clerks), and a form's artwork for an &lt;img src&gt; (designers).</summary>
internal static class PreviewEndpoints
{
    public const int MinDpi = 48, MaxDpi = 200;

    public static void MapPreviewEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/forms").WithTags("Previews");
        forms.AddEndpointFilter<FormQueryFilter>();
        forms.MapPost("/{formId}/preview", PagePreview)
            .WithName("PreviewPage")
            .WithSummary("The first page of the filled form as a PNG.")
            .Accepts<JsonElement>("application/json")
            .Produces(200, contentType: "image/png")
            .ProducesProblem(400).ProducesProblem(408).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415).ProducesValidationProblem(422).ProducesProblem(404).ProducesProblem(503)
            .RequireRateLimiting(ServiceSetup.RenderPolicy);
        forms.MapGet("/{formId}/preview", ArtworkPreview)
            .WithName("PreviewArtwork")
            .WithSummary("The form's artwork alone (the vest): parameters in the query string.")
            .WithDescription("For the vest specimen: view, color, stripeColor, stripeWidthMm, stripePositionMm, letteringScale, dimensions, dpi. PNG at the drawing scale; SVG and PDF at real size.")
            .Produces(200, contentType: "image/png", additionalContentTypes: ["image/svg+xml", "application/pdf"])
            .Produces(304)
            .ProducesValidationProblem(422).ProducesProblem(404).ProducesProblem(503)
            .CacheOutput(ServiceSetup.ArtworkCachePolicy)
            .RequireRateLimiting(ServiceSetup.RenderPolicy);
    }

    internal static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> PagePreview([AsParameters] DocumentQuery query,
        [FromQuery] int? dpi, HttpContext context, DocumentPipeline pipeline)
    {
        if (dpi is { } d && (d < MinDpi || d > MaxDpi))
            return Problems.InvalidParameter(context, "dpi", Say.Between(MinDpi, MaxDpi));
        var (document, bodyProblem) = await BodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
        if (document is null) return bodyProblem!;
        using (document)
        {
            var check = pipeline.Check(query.Selected, document.RootElement);
            if (!check.IsValid) return Problems.Invalid(context, check);
            var order = new DocumentOrder(query.Selected, Output.PreviewAt(dpi ?? RenderCost.PageDpi), check);
            return await DocumentResponse.SendAsync(context, DocumentRequest.For(pipeline, order));
        }
    }

    /// <summary>Query names the artwork endpoint itself reads; every other one is an artwork parameter.</summary>
    private static readonly HashSet<string> OwnParameters = new(StringComparer.OrdinalIgnoreCase) { "format", "version", "asOf" };

    internal static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> ArtworkPreview([AsParameters] FormQuery query,
        [FromQuery] string? format, HttpContext context, DocumentPipeline pipeline)
    {
        var version = query.Selected;
        if (!FormsEngine.HasArtwork(version))
            return Problems.Coded(context, 404, "problem-no-artwork", "formId", Say.Of("no-artwork", ("formId", query.FormId)));
        var fmt = string.IsNullOrEmpty(format) ? OutputFormats.Png : format.Trim().ToLowerInvariant();
        if (fmt is not (OutputFormats.Png or OutputFormats.Svg or OutputFormats.Pdf))
            return Problems.InvalidParameter(context, "format", Say.Of("one-of", ("values", "png, svg, pdf")));

        var payload = pipeline.Engine.ArtworkPayloadFromQuery(version, ArtworkQuery.Parameters(context.Request.Query, version, OwnParameters));
        var check = pipeline.Check(version, payload);
        if (!check.IsValid) return Problems.Invalid(context, check.Errors, "problem-parameter");

        // The output is deterministic: caches may keep it, and revalidate cheaply with the ETag.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return await DocumentResponse.SendAsync(context, DocumentRequest.For(pipeline, new DocumentOrder(version, Output.ArtworkAs(fmt), check)));
    }
}
