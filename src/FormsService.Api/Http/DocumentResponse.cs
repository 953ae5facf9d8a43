using System.Text.Json;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormsService.Api.Http;

/// <summary>What a render request asks of the pipeline, once its version, format and payload are settled.</summary>
/// <param name="Record">The bound record (the request normalised) the ETag is hashed from; null for a blank.</param>
internal sealed record DocumentRequest(FormVersion Version, string Format, object? Record, long CostBytes, Func<CancellationToken, byte[]> Render)
{
    /// <summary>Part of the ETag beyond version, format and payload (a preview's dpi, an artwork's kind).</summary>
    public string? ETagFormat { get; init; }
    public string? ETagExtra { get; init; }
    public IReadOnlyList<PayloadWarning> Warnings { get; init; } = [];
    public string? FileName { get; init; }
    public bool Inline { get; init; }
    public string? MediaType { get; init; }

    /// <summary>
    /// A pipeline order as a response: its ETag from the output's kind, its cost, its file name (a preview has none;
    /// an artwork's shows inline), rendered by <see cref="DocumentPipeline.Render"/> on the runner.
    /// </summary>
    public static DocumentRequest For(DocumentPipeline pipeline, DocumentOrder order) =>
        new(order.Version, order.Output.Format, order.Filled?.Record, RenderCost.Of(order), token => pipeline.Render(order, token))
        {
            ETagFormat = order.Output.ETagFormat,
            ETagExtra = order.Output.ETagExtra,
            FileName = order.Output.Kind == OutputKind.Preview ? null : DownloadNames.FileName(order.Version, order.View, order.Output.Format),
            Inline = order.Output.Kind == OutputKind.Artwork,
        };
}

/// <summary>
/// The one way a document answers a request: preconditions (ETag, 304/412), the render through the
/// <see cref="RenderRunner"/>, then the file with its download name — or the runner's problem with Retry-After.
/// </summary>
internal static class DocumentResponse
{
    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> SendAsync(HttpContext context, DocumentRequest request)
    {
        var services = context.RequestServices;
        var digest = services.GetRequiredService<EngineDigest>();
        var response = context.Response;
        var etag = RenderRequest.ETag(digest, request.Version, request.ETagFormat ?? request.Format, request.Record, request.ETagExtra);
        if (request.Warnings.Count > 0)
            response.Headers[RenderRequest.WarningsHeader] = string.Join("; ", request.Warnings.Select(w => $"{w.Code} {w.Path}"));
        // The document's language (a problem answered instead says its own, in the reader's language).
        response.Headers.ContentLanguage = request.Version.Language;
        switch (RenderRequest.Preconditions(context, digest, request.Version, etag))
        {
            case StatusCodeHttpResult notModified: return notModified;
            case ProblemHttpResult failed: return failed;
        }

        var runner = services.GetRequiredService<RenderRunner>();
        var outcome = await runner.RunAsync(new RenderJob(request.Version, request.Format, request.CostBytes, request.Render),
            waitForMemory: false, context.TraceIdentifier, context.RequestAborted);
        if (!outcome.Succeeded)
            return outcome.Problem(context);
        if (request.FileName is { } name)
            response.Headers.ContentDisposition = DownloadNames.ContentDisposition(name, request.Inline);
        return TypedResults.File(outcome.Bytes!, request.MediaType ?? Core.Engine.OutputFormats.MediaTypes[request.Format]);
    }
}
