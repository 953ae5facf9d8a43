using System.Text.Json;
using FormsService.Api.Documents;
using FormsService.Api.Http;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FormsService.Api.Endpoints;

internal sealed record BatchItemOutcome(int Index, string? FormId, string? Format, string? Version, int Status, string? File,
    IReadOnlyDictionary<string, string[]>? Errors, string? Detail, IReadOnlyList<Warning>? Warnings)
{
    /// <summary>Path → the codes of <see cref="Errors"/>' messages, as a problem's <c>codes</c>; and the detail's under <c>$</c>.</summary>
    public IReadOnlyDictionary<string, string[]>? Codes { get; init; }
}

/// <summary>
/// Many documents in one call: a ZIP with one file per item and a manifest of every item's outcome. The ZIP is
/// streamed to the client as items finish (never held whole), every item runs through the <see cref="RenderRunner"/>
/// like a single render (its timeout, the memory budget, the metrics), and the batch as a whole has
/// <c>Batch:TimeoutSeconds</c>: items not reached by then are reported, not rendered.
/// </summary>
internal static class BatchEndpoints
{
    public const int MaxItems = 500;

    public static void MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/render/batch", RenderBatch)
            .WithTags("Batch")
            .WithName("RenderBatch")
            .WithSummary("Renders many documents into one ZIP, with manifest.json.")
            .WithDescription($"Body: {{ \"items\": [ {{ \"formId\", \"format\", \"version\"?, \"asOf\"?, \"payload\" }} ] }}, at most {MaxItems} items. " +
                "A bad item is reported in the manifest (status, errors by field); the others still render. The ZIP is streamed as items finish. " +
                "`output=single`: one PDF of every item in order (all must be valid PDFs, else 422 by `items[i].path`); `pdfa=2b` with it gives PDF/A-2b.")
            .Accepts<JsonElement>("application/json")
            .Produces(200, contentType: "application/zip")
            .ProducesProblem(400).ProducesProblem(408).ProducesProblem(413).ProducesProblem(415).ProducesValidationProblem(422).ProducesProblem(503)
            .RequireRateLimiting(ServiceSetup.BatchPolicy);
    }

    internal static async Task<IResult> RenderBatch(HttpContext context, FormsEngine engine, DocumentPipeline pipeline, ServiceClock clock,
        RenderRunner runner, IOptions<BatchOptions> options, ILoggerFactory logs,
        [Microsoft.AspNetCore.Mvc.FromQuery] string? output, [Microsoft.AspNetCore.Mvc.FromQuery] string? pdfa)
    {
        var (document, bodyProblem) = await BodyReader.ReadObjectAsync(context.Request, context.RequestAborted);
        if (document is null) return bodyProblem!;
        var root = document.RootElement;
        ProblemHttpResult? problem = null;
        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            problem = Refused(context, "items", Say.Of("items-array"));
        else if (items.GetArrayLength() > MaxItems)
            problem = Problems.Coded(context, StatusCodes.Status413PayloadTooLarge, "problem-batch-too-large", "items",
                Say.Of("batch-too-many", ("max", MaxItems), ("count", items.GetArrayLength())));
        else if (items.GetArrayLength() == 0)
            problem = Refused(context, "items", Say.Of("not-empty"));
        else if (root.EnumerateObject().FirstOrDefault(p => p.Name != "items") is { Value.ValueKind: not JsonValueKind.Undefined } extra)
            problem = Refused(context, extra.Name, Say.UnknownField);
        else if (RasterMegapixels(engine, items) is var megapixels && megapixels > options.Value.MaxRasterMegapixels)
            problem = Problems.Coded(context, StatusCodes.Status413PayloadTooLarge, "problem-batch-too-large", "items",
                Say.Of("batch-raster", ("megapixels", Math.Round(megapixels)), ("max", options.Value.MaxRasterMegapixels), ("seconds", options.Value.TimeoutSeconds)));
        if (problem is not null)
        {
            document.Dispose();
            return problem;
        }

        if (output is not null && !output.Equals("zip", StringComparison.OrdinalIgnoreCase))
        {
            using (document)
            {
                if (!output.Equals("single", StringComparison.OrdinalIgnoreCase))
                    return Problems.InvalidParameter(context, "output", Say.Of("one-of", ("values", "zip, single")));
                var (archival, archivalError) = PdfA.Parse(context, pdfa, null, OutputFormats.Pdf);
                return archivalError ?? await BatchPrint.RenderAsync(context, pipeline, clock, runner, items, archival);
            }
        }
        context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition("batch.zip");
        var batch = new BatchZip(context, pipeline, clock, runner, options.Value, logs.CreateLogger(typeof(BatchEndpoints).FullName!),
            ProblemWording.Of(context, bilingualWhenUnasked: true));
        // The document is the stream's to dispose: it is read while the ZIP is written, after this handler returns.
        return TypedResults.Stream(async body =>
        {
            using (document)
                await batch.WriteAsync(items, body);
        }, "application/zip");
    }

    private static ProblemHttpResult Refused(HttpContext context, string path, Message message) =>
        Problems.Refused(context, new Dictionary<string, Message[]> { [path] = [message] }, "problem-batch-request");

    /// <summary>
    /// The raster the batch asks for, before anything is rendered: a raster's time and memory grow with its pixels
    /// (a 600 dpi vest is 0.3–2 s and 108 MB), so a batch of forty of them could never end within its time.
    /// </summary>
    private static double RasterMegapixels(FormsEngine engine, JsonElement items)
    {
        double pixels = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            var format = BatchItems.Text(item, "format")?.Trim().ToLowerInvariant() ?? OutputFormats.Pdf;
            if (format != OutputFormats.Png) continue;
            var version = BatchItems.Text(item, "formId") is { } formId ? engine.Catalog.Find(formId)?.Versions[^1] : null;
            pixels += RenderCost.Pixels(version, format, item.TryGetProperty("payload", out var payload) ? payload : null);
        }
        return pixels / 1_000_000;
    }
}
