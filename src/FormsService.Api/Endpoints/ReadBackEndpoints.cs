using FormsService.Api.Http;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FormsService.Api.Endpoints;

/// <summary>What a Word document read back gave: its payload, checked like any other, with the render's warnings.</summary>
internal sealed record ReadAnswer(bool Valid, string FormId, string Version, System.Text.Json.JsonElement Payload, IReadOnlyList<Warning> Warnings)
{
    /// <summary>The language the Word document was made in (kk, ru), read from it: render it again with <c>language=</c> this.</summary>
    public string Language { get; init; } = "kk";
}

/// <summary>
/// Reading a filled Word document back: the payload its content controls hold, checked as <c>/validate</c> checks a
/// payload. The document is this service's own (it names its form and version); anything else is refused, never a 500.
/// </summary>
internal static class ReadBackEndpoints
{
    /// <summary>The largest document read: a form's DOCX is tens of kilobytes, a time sheet's a few hundred.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly string DocxMedia = OutputFormats.MediaTypes[OutputFormats.Docx];

    public static void MapReadBackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/forms/{formId}/read", Read)
            .WithTags("Forms")
            .WithName("ReadDocx")
            .WithSummary("Reads the payload back from a filled Word document of this form.")
            .WithDescription("Body: the DOCX (`" + DocxMedia + "` or `application/octet-stream`), or multipart/form-data with the file as `file`. " +
                "200 with the payload read from the document's content controls and the warnings a render would report; 422 with problems by JSON path.")
            .Accepts<IFormFile>("multipart/form-data", DocxMedia, "application/octet-stream")
            .Produces<ReadAnswer>(200)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesValidationProblem(422).ProducesProblem(503)
            .RequireRateLimiting(ServiceSetup.RenderPolicy)
            .DisableAntiforgery();
    }

    internal static async Task<IResult> Read(string formId, HttpContext context, FormsEngine engine, DocumentPipeline pipeline)
    {
        var form = engine.Catalog.Find(formId);
        if (form is null)
            return Problems.NotFound(context, new VersionLookup.UnknownForm(formId));
        var (data, problem) = await Body(context);
        if (data is null)
            return problem!;
        using var stream = new MemoryStream(data, writable: false);
        var reading = engine.ReadDocx(form, stream);
        if (!reading.Read)
        {
            return reading.Status == 400
                ? Problems.Coded(context, 400, reading.TitleCode!, Problems.Body, reading.Errors[Problems.Body][0])
                : Problems.Refused(context, reading.Errors, reading.TitleCode!);
        }
        var version = reading.Version!;
        var check = pipeline.Check(version, reading.Payload!.Value);
        if (!check.IsValid)
            return Problems.Invalid(context, check);
        return TypedResults.Ok(new ReadAnswer(true, version.FormId, version.Version, reading.Payload!.Value, ProblemWording.Answering(context).Warnings(check)) { Language = version.Language });
    }

    /// <summary>The document's bytes from a raw or multipart body, within <see cref="MaxBytes"/>.</summary>
    private static async Task<(byte[]? Data, IResult? Problem)> Body(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBytes)
            return (null, TooLarge(context));
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media))
            return (null, Unsupported(context));
        try
        {
            if (media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
                if (string.IsNullOrEmpty(boundary))
                    return (null, Problems.Coded(context, 400, "problem-malformed-upload", "Content-Type", Core.Engine.Payloads.Say.Of("multipart-no-boundary")));
                var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = MaxBytes + 64 * 1024 };
                while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                        continue;
                    var data = await Limited(section.Body, context.RequestAborted);
                    return data is null ? (null, TooLarge(context)) : (data, null);
                }
                return (null, Problems.Coded(context, 400, "problem-no-file", Problems.Body, Core.Engine.Payloads.Say.Of("multipart-no-docx")));
            }
            if (!media.MediaType.Equals(DocxMedia, StringComparison.OrdinalIgnoreCase)
                && !media.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
                return (null, Unsupported(context));
            var raw = await Limited(request.Body, context.RequestAborted);
            return raw is null ? (null, TooLarge(context)) : (raw, null);
        }
        catch (InvalidDataException ex)
        {
            return ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? (null, TooLarge(context))
                : (null, Problems.Coded(context, 400, "problem-malformed-upload", Problems.Body, Core.Engine.Payloads.Say.Of("multipart-malformed")));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(context));
        }
    }

    private static async Task<byte[]?> Limited(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge(HttpContext context) => Problems.Coded(context, StatusCodes.Status413PayloadTooLarge,
        "problem-upload-too-large", Problems.Body, Core.Engine.Payloads.Say.Of("upload-too-large", ("max", MaxBytes)));

    private static IResult Unsupported(HttpContext context) => Problems.Coded(context, StatusCodes.Status415UnsupportedMediaType,
        "problem-unsupported-media", "Content-Type", Core.Engine.Payloads.Say.Of("send-docx", ("docx", DocxMedia)));
}
