using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FormsService.Api.Http;

/// <summary>Limits on what a request may carry (configuration section <c>Limits</c>).</summary>
public sealed class RequestLimits
{
    /// <summary>Largest JSON body accepted, in bytes (default 1 MB).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Reads a JSON request body: a body that is not JSON is 415, one over the limit 413, malformed JSON or a body that
/// is not an object 400.
/// </summary>
internal static class BodyReader
{
    public const int MaxDepth = 32;

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limits = request.HttpContext.RequestServices.GetRequiredService<IOptions<RequestLimits>>().Value;
        if (!IsJson(request.ContentType))
            return (null, TypedResults.Problem(detail: "Send the payload as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type"));
        if (request.ContentLength > limits.MaxBodyBytes)
            return (null, TooLarge(limits));

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limits.MaxBodyBytes + 1, (int)(request.ContentLength ?? 16 * 1024) + 1));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limits.MaxBodyBytes) return (null, TooLarge(limits));
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(limits.MaxBodyBytes + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, buffer.Length - length), cancellationToken);
                if (read == 0) break;
                length += read;
                if (length > limits.MaxBodyBytes) return (null, TooLarge(limits));
            }
            // JsonDocument keeps reading the memory it was parsed from: parse a copy, never the pooled buffer.
            var document = JsonDocument.Parse(buffer.AsSpan(0, length).ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, Problems.BadJson("The body must be a JSON object."));
            }
            if (InvalidTextPath(document.RootElement, "") is { } path)
            {
                document.Dispose();
                return (null, Problems.Invalid(new Dictionary<string, string[]> { [path] = [Core.Engine.Payloads.Messages.ControlCharacter] }));
            }
            return (document, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            var depth = ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? $" The JSON nests deeper than {MaxDepth} levels." : "";
            return (null, Problems.BadJson($"The body is not valid JSON{where}.{depth}"));
        }
        catch (InvalidOperationException)
        {
            // Checking names for duplicates unescapes them: a name spelling a lone surrogate fails there.
            return (null, Problems.BadJson("The body holds a name that is not valid Unicode text (a lone surrogate)."));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limits));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// JSON escapes can spell lone surrogates, which no text may hold: the path of the first such string or name
    /// (the name written with its escapes), refused before any rule reads it.
    /// </summary>
    private static string? InvalidTextPath(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try { name = property.Name; }
                    catch (InvalidOperationException) { return path.Length == 0 ? "\\ufffd" : $"{path}.\\ufffd"; }
                    var child = path.Length == 0 ? Escape(name) : $"{path}.{Escape(name)}";
                    if (HasLoneSurrogate(name)) return child;
                    if (InvalidTextPath(property.Value, child) is { } bad) return bad;
                }
                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    if (InvalidTextPath(item, $"{path}[{i++}]") is { } bad) return bad;
                return null;
            case JsonValueKind.String:
                try { return HasLoneSurrogate(element.GetString()!) ? path : null; }
                catch (InvalidOperationException) { return path; }
            default:
                return null;
        }
    }

    private static string Escape(string name) =>
        name.Length == 0 ? "['']" : string.Concat(name.Select(c => char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    private static IResult TooLarge(RequestLimits limits) => TypedResults.Problem(
        detail: $"The body is larger than {limits.MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
