using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Api.Http;
using FormsService.Core.Engine;
using Microsoft.AspNetCore.Mvc;

namespace FormsService.Api.Endpoints;

/// <summary>Previews: a filled form's first page as an image (clerks), and a form's artwork for an &lt;img src&gt; (designers).</summary>
public static class PreviewEndpoints
{
    public const int MinDpi = 48, MaxDpi = 200;

    public static void MapPreviewEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/forms").WithTags("Previews");
        forms.MapPost("/{formId}/preview", PagePreview)
            .WithName("PreviewPage")
            .WithSummary("The first page of the filled form as a PNG.")
            .Accepts<JsonElement>("application/json")
            .Produces(200, contentType: "image/png")
            .ProducesProblem(400).ProducesValidationProblem(422).ProducesProblem(404).ProducesProblem(503)
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

    internal static async Task<IResult> PagePreview(string formId, [FromQuery] string? version, [FromQuery] string? asOf, [FromQuery] int? dpi,
        HttpContext context, FormsEngine engine, ServiceClock clock, CancellationToken cancellationToken)
    {
        var (selected, error) = FormsEndpoints.Select(formId, version, asOf, engine, clock);
        if (error is not null) return error;
        if (dpi is { } d && (d < MinDpi || d > MaxDpi))
            return Problems.InvalidParameter("dpi", $"{MinDpi}–{MaxDpi} аралығында болуы керек / Must be from {MinDpi} to {MaxDpi}.");
        var (document, bodyProblem) = await BodyReader.ReadObjectAsync(context.Request, cancellationToken);
        if (document is null) return bodyProblem!;
        using (document)
        {
            var check = engine.Check(selected!, document.RootElement);
            if (!check.IsValid) return Problems.Invalid(new Dictionary<string, string[]>(check.Errors));
            var etag = RenderRequest.ETag(selected!, "preview.png", document.RootElement, (dpi ?? 96).ToString(CultureInfo.InvariantCulture));
            if (RenderRequest.NotModified(context, selected!, etag)) return TypedResults.StatusCode(304);
            var (bytes, problem) = await context.RequestServices.GetRequiredService<Operations.RenderRunner>()
                .RunAsync(context, selected!, "preview.png", _ => engine.PreviewPng(selected!, check, dpi ?? 96));
            return problem ?? TypedResults.File(bytes!, "image/png");
        }
    }

    internal static async Task<IResult> ArtworkPreview(string formId, [FromQuery] string? format, [FromQuery] string? version, [FromQuery] string? asOf,
        HttpContext context, FormsEngine engine, ServiceClock clock)
    {
        var (selected, error) = FormsEndpoints.Select(formId, version, asOf, engine, clock);
        if (error is not null) return error;
        if (!FormsEngine.HasArtwork(selected!))
            return TypedResults.Problem(detail: $"The form '{formId}' has no artwork to preview; POST a payload to /api/forms/{formId}/preview for a page preview.",
                statusCode: 404, title: "No artwork");
        var fmt = string.IsNullOrEmpty(format) ? OutputFormats.Png : format.Trim().ToLowerInvariant();
        if (fmt is not (OutputFormats.Png or OutputFormats.Svg or OutputFormats.Pdf))
            return Problems.InvalidParameter("format", "png, svg немесе pdf / Must be png, svg or pdf.");

        var payload = engine.ArtworkPayloadFromQuery(selected!, context.Request.Query
            .Where(q => q.Key is not ("format" or "version" or "asOf"))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())));
        var check = engine.Check(selected!, payload);
        if (!check.IsValid) return Problems.Invalid(new Dictionary<string, string[]>(check.Errors), "Invalid request parameter");

        // The output is deterministic: caches may keep it, and revalidate cheaply with the ETag.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        if (RenderRequest.NotModified(context, selected!, RenderRequest.ETag(selected!, "artwork." + fmt, payload)))
            return TypedResults.StatusCode(304);
        var (bytes, problem) = await context.RequestServices.GetRequiredService<Operations.RenderRunner>()
            .RunAsync(context, selected!, fmt, _ => engine.RenderArtwork(selected!, check, fmt));
        if (problem is not null) return problem;
        context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition(DownloadNames.FileName(selected!.Definition, check.View, fmt), inline: true);
        return TypedResults.File(bytes!, OutputFormats.MediaTypes[fmt]);
    }
}
