using System.Text.Json;
using FormsService.Api.Http;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FormsService.Api.Endpoints;

internal sealed record FormSummary(string FormId, string Title, string Language, IReadOnlyList<VersionSummary> Versions);

internal sealed record VersionSummary(string Version, string Title, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string EffectiveFromSource,
    IReadOnlyList<string> Formats, string Language, LegalBasis LegalBasis, string Href)
{
    /// <summary>The languages the version's documents are offered in (<c>language=</c>), the default first: ["kk"] or ["kk", "ru"].</summary>
    public IReadOnlyList<string> Languages { get; init; } = [Language];
}

internal sealed record ValidationAnswer(bool Valid, string FormId, string Version, IReadOnlyList<Warning> Warnings);

/// <summary>The forms API: the catalogue, rendering, blank forms and validation.</summary>
internal static class FormsEndpoints
{
    public const string VersionHeader = RenderRequest.VersionHeader;
    public const string WarningsHeader = RenderRequest.WarningsHeader;

    public static void MapFormsEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/forms").WithTags("Forms");
        forms.AddEndpointFilter<FormQueryFilter>();

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
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(406).ProducesProblem(408).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415)
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
            .ProducesProblem(400).ProducesProblem(408).ProducesProblem(413).ProducesProblem(415).ProducesValidationProblem(422).ProducesProblem(404).ProducesProblem(503)
            .RequireRateLimiting(ServiceSetup.RenderPolicy);
    }

    internal static Ok<IReadOnlyList<FormSummary>> ListForms(FormsEngine engine) =>
        TypedResults.Ok<IReadOnlyList<FormSummary>>(engine.Catalog.Forms.Select(Summary).ToList()); // catalogue order: the order a clerk meets them

    internal static Results<Ok<FormSummary>, ProblemHttpResult> GetForm(string formId, HttpContext context, FormsEngine engine)
    {
        var entry = engine.Catalog.Find(formId);
        return entry is null ? Problems.NotFound(context, new VersionLookup.UnknownForm(formId)) : TypedResults.Ok(Summary(entry));
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
            $"/api/forms/{d.FormId}/versions/{d.Version}") { Languages = v.Languages };
    }

    internal static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> Render([AsParameters] RenderQuery query,
        HttpContext context, DocumentPipeline pipeline)
    {
        var (document, bodyProblem) = await BodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
        if (document is null) return bodyProblem!;
        using (document)
        {
            var check = pipeline.Check(query.Selected, document.RootElement);
            if (!check.IsValid) return Problems.Invalid(context, check);
            var order = new DocumentOrder(query.Selected, query.Output, check);
            return await DocumentResponse.SendAsync(context, DocumentRequest.For(pipeline, order) with { Warnings = check.Warnings });
        }
    }

    /// <param name="month">
    /// <c>YYYY-MM</c>: the blank of a monthly form (the time sheet) for that month, its days and days off printed.
    /// </param>
    internal static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> Blank([AsParameters] RenderQuery query,
        [FromQuery(Name = "month"), System.ComponentModel.Description("YYYY-MM: a monthly form's blank (the time sheet) for that month, its days with the days off shaded; any other form's blank takes none.")] string? month,
        HttpContext context, DocumentPipeline pipeline)
    {
        var version = query.Selected;
        if (month is null)
            return await DocumentResponse.SendAsync(context, DocumentRequest.For(pipeline, new DocumentOrder(version, query.Output, null)));
        if (!version.Module.BlankTakesMonth)
            return Problems.InvalidParameter(context, "month", Say.Of("blank-takes-no-month"));
        if (Core.Forms.AkimatReports.ReportMonth.Parse(month) is not { } first)
            return Problems.InvalidParameter(context, "month", Core.Forms.AkimatReports.ReportMonth.Message);
        var document = DocumentRequest.For(pipeline, new DocumentOrder(version, query.Output, null) { Blank = new BlankOptions(first) });
        var tag = "month=" + month;
        return await DocumentResponse.SendAsync(context, document with
        {
            ETagExtra = document.ETagExtra is { } extra ? extra + ";" + tag : tag,
            FileName = System.IO.Path.ChangeExtension(document.FileName!, null) + "_" + month + "." + query.SelectedFormat,
        });
    }

    internal static async Task<Results<Ok<ValidationAnswer>, ProblemHttpResult>> Validate([AsParameters] FormQuery query, HttpContext context,
        DocumentPipeline pipeline)
    {
        var (document, bodyProblem) = await BodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
        if (document is null) return bodyProblem!;
        using (document)
        {
            var check = pipeline.Check(query.Selected, document.RootElement);
            if (!check.IsValid) return Problems.Invalid(context, check);
            return TypedResults.Ok(new ValidationAnswer(true, query.Selected.FormId, query.Selected.Version, ProblemWording.Answering(context).Warnings(check)));
        }
    }
}
