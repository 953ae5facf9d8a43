using FormsService.Api.Documents;
using FormsService.Api.Http;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Engine.Sheets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace FormsService.Api.Endpoints;

/// <summary>One row's outcome in a merge's manifest.</summary>
internal sealed record MergeRowOutcome(int Row, int Status, string? File, IReadOnlyDictionary<string, string[]>? Errors, IReadOnlyList<Warning>? Warnings)
{
    /// <summary>Path → the codes of <see cref="Errors"/>' messages, as a problem's <c>codes</c>.</summary>
    public IReadOnlyDictionary<string, string[]>? Codes { get; init; }
}

/// <summary>What a merge did, row by row (manifest.json, or the answer of <c>output=report</c>).</summary>
internal sealed record MergeManifest(string FormId, string Version, string Format, int Rows, int Rendered, int Failed, IReadOnlyList<MergeRowOutcome> Items);

/// <summary>
/// Many documents from a spreadsheet: a template per version (XLSX, CSV) and the merge of a filled one into a ZIP
/// (a document per valid row, manifest.json, errors.xlsx) or one printable PDF; PDF/A-2b on request.
/// </summary>
internal static class MergeEndpoints
{
    public const string SkippedRowsHeader = SpreadsheetMerge.SkippedRowsHeader;

    public static void AddMerge(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SheetLimits>(configuration.GetSection("Sheets"));
        services.AddSingleton<SpreadsheetMerge>();
    }

    public static void MapMergeEndpoints(this IEndpointRouteBuilder app)
    {
        var versions = app.MapGroup("/api/forms/{formId}/versions/{version}").WithTags("Spreadsheets");
        versions.MapGet("/template.xlsx", TemplateXlsx).WithName("GetTemplateXlsx")
            .WithSummary("An Excel template of the version: Kazakh labels, JSON paths, data validation, the example as the first row.")
            .Produces(200, contentType: UploadedWorkbook.XlsxMediaType).ProducesProblem(404);
        versions.MapGet("/template.csv", TemplateCsv).WithName("GetTemplateCsv")
            .WithSummary("A CSV template of the version (UTF-8 with BOM): labels, JSON paths, the example.")
            .Produces(200, contentType: "text/csv").ProducesProblem(404);

        app.MapPost("/api/forms/{formId}/merge", Merge).WithTags("Spreadsheets").WithName("MergeSpreadsheet")
            .WithSummary("Renders one document per row of a filled .xlsx or .csv.")
            .WithDescription("Body: multipart/form-data with the file, or the raw file with its media type (`" + UploadedWorkbook.XlsxMediaType +
                "` or `text/csv`, `charset` optional). `output=zip` (default): a ZIP with a document per valid row, manifest.json and errors.xlsx; " +
                "`output=single` (PDF only): one PDF, every document from a new page (rows with problems are left out and named in `" + SkippedRowsHeader +
                "`); `output=report`: the manifest as JSON, nothing rendered. `pdfa=2b` gives PDF/A-2b.")
            // No Accepts metadata: routing would refuse other media types with a bare 415, before the handler can say why.
            .Produces<MergeManifest>(200, "application/json", "application/zip", "application/pdf")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesValidationProblem(422).ProducesProblem(503)
            .DisableAntiforgery()
            .WithMetadata(new SpreadsheetUploadMetadata())
            // A merge is a batch: it comes in by the batches' smaller door (waiting there up to its deadline), so that
            // merges and batches at once hold at most half the render slots and single renders are served meanwhile.
            .RequireRateLimiting(ServiceSetup.MergePolicy);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FormVersion, byte[]> XlsxTemplates = new(), CsvTemplates = new();

    /// <param name="language">The template's language: kk (the default) or ru, where the version offers it (Russian labels head the columns).</param>
    internal static IResult TemplateXlsx(string formId, string version, [FromQuery] string? language, HttpContext context, FormsEngine engine) =>
        Template(formId, version, language, context, engine, "xlsx", UploadedWorkbook.XlsxMediaType, v => XlsxTemplates.GetValue(v, SheetWorkbooks.Template));

    /// <param name="language">The template's language: kk (the default) or ru, where the version offers it (Russian labels head the columns).</param>
    internal static IResult TemplateCsv(string formId, string version, [FromQuery] string? language, HttpContext context, FormsEngine engine) =>
        Template(formId, version, language, context, engine, "csv", "text/csv; charset=utf-8", v => CsvTemplates.GetValue(v, SheetWorkbooks.CsvTemplate));

    private static IResult Template(string formId, string version, string? language, HttpContext context, FormsEngine engine, string extension, string media,
        Func<FormVersion, byte[]> make)
    {
        var lookup = engine.Catalog.Select(formId, version, null, default);
        if (lookup is not VersionLookup.Found found)
            return Problems.NotFound(context, lookup);
        var (variant, notOffered) = DocumentLanguage.Select(found.Version, language);
        if (variant is null)
            return Problems.InvalidParameter(context, DocumentLanguage.Parameter, notOffered!);
        context.Response.Headers[RenderRequest.VersionHeader] = variant.Version;
        context.Response.Headers.ContentLanguage = variant.Language;
        var sample = variant.Language == "ru" ? "образец" : "үлгі";
        context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition($"{variant.Definition.ShortTitle}_{variant.Version}_{sample}.{extension}");
        return TypedResults.File(make(variant), media);
    }

    /// <summary>Binds form, version, format and output once, then hands the upload to <see cref="SpreadsheetMerge"/>.</summary>
    internal static async Task<IResult> Merge(string formId, [FromQuery] string? format, [FromQuery] string? output, [FromQuery] string? version,
        [FromQuery] string? asOf, [FromQuery] string? pdfa, [FromQuery] string? conformance, [FromQuery] string? charset,
        [FromQuery] string? language,
        HttpContext context, FormsEngine engine, ServiceClock clock, SpreadsheetMerge merge, CancellationToken cancellationToken)
    {
        var (found, error) = FormQuery.Select(context, engine, clock, formId, version, asOf);
        if (error is not null) return error;
        var (selected, notOffered) = DocumentLanguage.Select(found!, language);
        if (selected is null)
            return Problems.InvalidParameter(context, DocumentLanguage.Parameter, notOffered!);
        var fmt = string.IsNullOrEmpty(format) ? OutputFormats.Pdf : format.Trim().ToLowerInvariant();
        if (!selected!.Definition.Formats.Contains(fmt))
            return Problems.InvalidParameter(context, "format", RenderRequest.Offered(selected.Definition));
        MergeOutput? mode = (output ?? "zip").Trim().ToLowerInvariant() switch
        {
            "zip" => MergeOutput.Zip, "single" => MergeOutput.Single, "report" => MergeOutput.Report, _ => null,
        };
        if (mode is null)
            return Problems.InvalidParameter(context, "output", Say.Of("one-of", ("values", "zip, single, report")));
        if (mode == MergeOutput.Single && fmt != OutputFormats.Pdf)
            return Problems.InvalidParameter(context, "output", Say.Of("single-needs-pdf"));
        var (archival, archivalError) = PdfA.Parse(context, pdfa, conformance, fmt);
        return archivalError ?? await merge.RunAsync(context, new MergeRequest(selected, fmt, mode.Value, archival, charset), cancellationToken);
    }

    /// <summary>An upload refused as a whole: its header cells' problems by cell, or its one problem about the file (<c>$</c>).</summary>
    internal static IResult Problem(HttpContext context, SheetProblem problem) => problem.Errors is { } errors
        ? Problems.Refused(context, errors, problem.Title)
        : Problems.Coded(context, problem.Status, problem.Title, Problems.Body, problem.Detail);
}
