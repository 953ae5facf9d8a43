using System.Text.Json;
using FormsService.Api.Http;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FormsService.Api.Endpoints;

public sealed record FormSummary(string FormId, string Title, string Language, IReadOnlyList<VersionSummary> Versions);

public sealed record VersionSummary(string Version, string Title, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string EffectiveFromSource,
    IReadOnlyList<string> Formats, string Language, LegalBasis LegalBasis, string Href);

public sealed record ValidationAnswer(bool Valid, string FormId, string Version, IReadOnlyList<PayloadWarning> Warnings);

/// <summary>The forms API: the catalogue, rendering, blank forms and validation.</summary>
public static class FormsEndpoints
{
    public const string VersionHeader = RenderRequest.VersionHeader;
    public const string WarningsHeader = "X-Form-Warnings";

    public static void MapFormsEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/forms").WithTags("Forms");

        forms.MapGet("/", ListForms)
            .WithName("ListForms").WithSummary("Lists the forms with their versions.");
        forms.MapGet("/{formId}", GetForm)
            .WithName("GetForm").WithSummary("One form with its versions.")
            .ProducesProblem(404);
        forms.MapPost("/{formId}/render", Render)
            .WithName("RenderForm")
            .WithSummary("Renders the form filled with the JSON payload.")
            .WithDescription("Uses the version in force today unless `version` (exact) or `asOf` (a date) is given. The format comes from `format` or the Accept header.")
            .Accepts<JsonElement>("application/json")
            .Produces(200, contentType: "application/pdf", additionalContentTypes: [OutputFormats.MediaTypes[OutputFormats.Docx], "image/png", "image/svg+xml"])
            .Produces(304)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(406).ProducesProblem(413).ProducesProblem(415)
            .ProducesValidationProblem(422).ProducesProblem(503)
            .RequireRateLimiting(ServiceSetup.RenderPolicy);
        forms.MapGet("/{formId}/blank", Blank)
            .WithName("BlankForm").WithSummary("Renders the form blank, to be filled by hand.")
            .Produces(200, contentType: "application/pdf", additionalContentTypes: [OutputFormats.MediaTypes[OutputFormats.Docx]])
            .ProducesProblem(404).ProducesValidationProblem(422).ProducesProblem(406).ProducesProblem(503)
            .RequireRateLimiting(ServiceSetup.RenderPolicy);
        forms.MapPost("/{formId}/validate", Validate)
            .WithName("ValidatePayload").WithSummary("Checks a payload against the form's rules without rendering.")
            .Accepts<JsonElement>("application/json")
            .ProducesProblem(400).ProducesValidationProblem(422).ProducesProblem(404);
    }

    internal static Ok<IReadOnlyList<FormSummary>> ListForms(FormsEngine engine) =>
        TypedResults.Ok<IReadOnlyList<FormSummary>>(engine.Catalog.Forms.OrderBy(f => f.FormId, StringComparer.Ordinal).Select(Summary).ToList());

    internal static Results<Ok<FormSummary>, ProblemHttpResult> GetForm(string formId, FormsEngine engine)
    {
        var entry = engine.Catalog.Find(formId);
        return entry is null ? Problems.NotFound(new VersionLookup.UnknownForm(formId)) : TypedResults.Ok(Summary(entry));
    }

    private static FormSummary Summary(FormEntry entry)
    {
        var latest = entry.Versions[^1].Definition;
        return new FormSummary(entry.FormId, latest.Title, latest.Language, entry.Versions.Select(v => VersionOf(v)).ToList());
    }

    internal static VersionSummary VersionOf(FormVersion v)
    {
        var d = v.Definition;
        return new VersionSummary(d.Version, d.Title, d.EffectiveFrom, d.EffectiveTo, d.EffectiveFromSource, d.Formats, d.Language, d.LegalBasis,
            $"/api/forms/{d.FormId}/versions/{d.Version}");
    }

    internal static async Task<IResult> Render(string formId, [FromQuery] string? format, [FromQuery] string? version, [FromQuery] string? asOf,
        HttpContext context, FormsEngine engine, ServiceClock clock, CancellationToken cancellationToken)
    {
        var (selected, error) = Select(formId, version, asOf, engine, clock);
        if (error is not null) return error;
        var (fmt, formatError) = RenderRequest.ResolveFormat(context.Request, format, selected!.Definition);
        if (formatError is not null) return formatError;

        var (document, bodyProblem) = await BodyReader.ReadObjectAsync(context.Request, cancellationToken);
        if (document is null) return bodyProblem!;
        using (document)
        {
            var payload = document.RootElement;
            var check = engine.Check(selected, payload);
            if (!check.IsValid) return Problems.Invalid(new Dictionary<string, string[]>(check.Errors));
            return await Document(context, engine, selected, check, fmt!, check.Warnings);
        }
    }

    internal static async Task<IResult> Blank(string formId, [FromQuery] string? format, [FromQuery] string? version, [FromQuery] string? asOf,
        HttpContext context, FormsEngine engine, ServiceClock clock, CancellationToken cancellationToken)
    {
        var (selected, error) = Select(formId, version, asOf, engine, clock);
        if (error is not null) return error;
        var (fmt, formatError) = RenderRequest.ResolveFormat(context.Request, format, selected!.Definition);
        if (formatError is not null) return formatError;
        return await Document(context, engine, selected, null, fmt!, []);
    }

    internal static async Task<IResult> Validate(string formId, [FromQuery] string? version, [FromQuery] string? asOf,
        HttpContext context, FormsEngine engine, ServiceClock clock, CancellationToken cancellationToken)
    {
        var (selected, error) = Select(formId, version, asOf, engine, clock);
        if (error is not null) return error;
        var (document, bodyProblem) = await BodyReader.ReadObjectAsync(context.Request, cancellationToken);
        if (document is null) return bodyProblem!;
        using (document)
        {
            var check = engine.Check(selected!, document.RootElement);
            if (!check.IsValid) return Problems.Invalid(new Dictionary<string, string[]>(check.Errors));
            return TypedResults.Ok(new ValidationAnswer(true, selected!.FormId, selected.Version, check.Warnings));
        }
    }

    internal static (FormVersion? Version, IResult? Error) Select(string formId, string? version, string? asOf, FormsEngine engine, ServiceClock clock)
    {
        if (!RenderRequest.TryParseAsOf(asOf, out var asOfDate))
            return (null, Problems.InvalidParameter("asOf", "Күн ЖЖЖЖ-АА-КК пішімінде болуы керек / Must be a date as YYYY-MM-DD."));
        var lookup = engine.Catalog.Select(formId, version, asOfDate, clock.Today);
        return lookup is VersionLookup.Found found ? (found.Version, null) : (null, Problems.NotFound(lookup));
    }

    /// <param name="filled">A valid check (its view is what the document and its file name print), or null for the form blank.</param>
    private static async Task<IResult> Document(HttpContext context, FormsEngine engine, FormVersion version, PayloadCheck? filled, string format,
        IReadOnlyList<PayloadWarning> warnings)
    {
        var response = context.Response;
        var view = filled?.View;
        var notModified = RenderRequest.NotModified(context, version, RenderRequest.ETag(version, format, view));
        if (warnings.Count > 0)
            response.Headers[WarningsHeader] = string.Join("; ", warnings.Select(w => $"{w.Code} {w.Path}"));
        if (notModified)
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var runner = context.RequestServices.GetRequiredService<Operations.RenderRunner>();
        var (bytes, problem) = await runner.RunAsync(context, version, format, token => engine.Render(version, filled, format, token));
        if (problem is not null) return problem;
        var fileName = DownloadNames.FileName(version.Definition, view, format);
        response.Headers.ContentDisposition = DownloadNames.ContentDisposition(fileName);
        return TypedResults.File(bytes!, OutputFormats.MediaTypes[format]);
    }
}
