using FormsService.Core.Engine.Payloads;
using FormsService.Core.Engine.Sheets;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FormsService.Api.Http;

/// <summary>Reads an uploaded spreadsheet: multipart/form-data (the first file) or the raw body, within the upload limit, never to disk.</summary>
internal static class UploadReader
{
    public sealed record Upload(byte[]? Data, UploadKind Kind, string? Charset, IResult? Problem);

    public static async Task<Upload> ReadAsync(HttpContext context, SheetLimits limits, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentLength > limits.MaxUploadBytes)
            return Fail(TooLarge(context, limits));
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media))
            return Fail(Unsupported(context));
        try
        {
            if (media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
                if (string.IsNullOrEmpty(boundary))
                    return Fail(Problems.Coded(context, 400, "problem-malformed-upload", "Content-Type", Say.Of("multipart-no-boundary")));
                var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limits.MaxUploadBytes + 64 * 1024 };
                while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                        continue;
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    MediaTypeHeaderValue.TryParse(section.ContentType, out var partMedia);
                    var kind = UploadedWorkbook.KindOf(partMedia?.MediaType.Value, fileName);
                    if (kind is null)
                        return Fail(Unsupported(context));
                    var data = await ReadLimited(section.Body, limits, cancellationToken);
                    return data is null ? Fail(TooLarge(context, limits)) : new Upload(data, kind.Value, partMedia?.Charset.Value, null);
                }
                return Fail(Problems.Coded(context, 400, "problem-no-file", Problems.Body, Say.Of("multipart-no-file")));
            }
            var rawKind = UploadedWorkbook.KindOf(media.MediaType.Value, null);
            if (rawKind is null)
                return Fail(Unsupported(context));
            var raw = await ReadLimited(request.Body, limits, cancellationToken);
            return raw is null ? Fail(TooLarge(context, limits)) : new Upload(raw, rawKind.Value, media.Charset.Value, null);
        }
        catch (InvalidDataException ex)
        {
            return ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? Fail(TooLarge(context, limits))
                : Fail(Problems.Coded(context, 400, "problem-malformed-upload", Problems.Body, Say.Of("multipart-malformed")));
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // The body is read already (BodyFirstMiddleware): a multipart that ends before its closing boundary.
            return Fail(Problems.Coded(context, 400, "problem-malformed-upload", Problems.Body, Say.Of("multipart-unfinished")));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Fail(TooLarge(context, limits));
        }
        catch (BadHttpRequestException ex)
        {
            return Fail(Problems.Coded(context, ex.StatusCode,
                ex.StatusCode == StatusCodes.Status408RequestTimeout ? "problem-body-too-slow" : "problem-body-broken", Problems.Body,
                Say.Of("body-unreadable", ("reason", ex.Message))));
        }
    }

    private static async Task<byte[]?> ReadLimited(Stream body, SheetLimits limits, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limits.MaxUploadBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Upload Fail(IResult problem) => new(null, default, null, problem);

    private static IResult TooLarge(HttpContext context, SheetLimits limits) => Problems.Coded(context, StatusCodes.Status413PayloadTooLarge,
        "problem-upload-too-large", Problems.Body, Say.Of("upload-too-large", ("max", limits.MaxUploadBytes)));

    private static IResult Unsupported(HttpContext context) => Problems.Coded(context, StatusCodes.Status415UnsupportedMediaType,
        "problem-unsupported-media", "Content-Type", Say.Of("send-spreadsheet", ("xlsx", UploadedWorkbook.XlsxMediaType)));
}
