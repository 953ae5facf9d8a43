using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Api.Http;
using FormsService.Core;
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
            .ProducesProblem(400).ProducesValidationProblem(422).ProducesProblem(404);
        forms.MapGet("/{formId}/preview", ArtworkPreview)
            .WithName("PreviewArtwork")
            .WithSummary("The form's artwork alone (the vest): parameters in the query string.")
            .WithDescription("For the vest specimen: view, color, stripeColor, stripeWidthMm, stripePositionMm, letteringScale, dimensions, dpi. PNG at the drawing scale; SVG and PDF at real size.")
            .Produces(200, contentType: "image/png", additionalContentTypes: ["image/svg+xml", "application/pdf"])
            .Produces(304)
            .ProducesValidationProblem(422).ProducesProblem(404);
    }

    internal static async Task<IResult> PagePreview(string formId, [FromQuery] string? version, [FromQuery] string? asOf, [FromQuery] int? dpi,
        HttpContext context, FormsEngine engine, ServiceClock clock, CancellationToken cancellationToken)
    {
        var (selected, error) = FormsEndpoints.Select(formId, version, asOf, engine, clock);
        if (error is not null) return error;
        if (dpi is { } d && (d < MinDpi || d > MaxDpi))
            return Problems.InvalidParameter("dpi", $"{MinDpi}–{MaxDpi} аралығында болуы керек / Must be from {MinDpi} to {MaxDpi}.");
        var (document, jsonError) = await BodyReader.ReadObjectAsync(context.Request, cancellationToken);
        if (document is null) return Problems.BadJson(jsonError!);
        using (document)
        {
            var check = engine.Check(selected!, document.RootElement);
            if (!check.IsValid) return Problems.Invalid(new Dictionary<string, string[]>(check.Errors));
            var etag = RenderRequest.ETag(selected!, "preview.png", document.RootElement, (dpi ?? 96).ToString(CultureInfo.InvariantCulture));
            context.Response.GetTypedHeaders().ETag = etag;
            context.Response.Headers[FormsEndpoints.VersionHeader] = selected!.Version;
            if (RenderRequest.Matches(context.Request, etag)) return TypedResults.StatusCode(304);
            return TypedResults.File(engine.PreviewPng(selected, document.RootElement, dpi ?? 96), "image/png");
        }
    }

    internal static IResult ArtworkPreview(string formId, [FromQuery] string? format, [FromQuery] string? version, [FromQuery] string? asOf,
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

        var payload = QueryAsPayload(context.Request.Query);
        var check = engine.Check(selected!, payload);
        if (!check.IsValid) return Problems.Invalid(new Dictionary<string, string[]>(check.Errors), "Invalid request parameter");

        var etag = RenderRequest.ETag(selected!, "artwork." + fmt, payload);
        context.Response.GetTypedHeaders().ETag = etag;
        context.Response.Headers[FormsEndpoints.VersionHeader] = selected!.Version;
        // The output is deterministic: caches may keep it, and revalidate cheaply with the ETag.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        if (RenderRequest.Matches(context.Request, etag)) return TypedResults.StatusCode(304);
        var bytes = engine.RenderArtwork(selected, payload, fmt);
        context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition(DownloadNames.FileName(selected.Definition, payload, fmt)).Replace("attachment", "inline");
        return TypedResults.File(bytes, OutputFormats.MediaTypes[fmt]);
    }

    /// <summary>Query parameters as a JSON payload: numbers and booleans typed, the rest strings.</summary>
    internal static JsonElement QueryAsPayload(IQueryCollection query)
    {
        var obj = new JsonObject();
        foreach (var (key, values) in query)
        {
            if (key is "format" or "version" or "asOf") continue;
            var v = values.ToString();
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && !v.StartsWith('#'))
                obj[key] = JsonValue.Create(number);
            else if (bool.TryParse(v, out var b))
                obj[key] = JsonValue.Create(b);
            else
                obj[key] = JsonValue.Create(v);
        }
        return JsonSerializer.SerializeToElement(obj);
    }
}
