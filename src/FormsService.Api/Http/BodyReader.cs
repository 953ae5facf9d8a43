using System.Text.Json;

namespace FormsService.Api.Http;

/// <summary>Reads a JSON request body: malformed JSON or a body that is not an object is the client's error (400).</summary>
internal static class BodyReader
{
    public const int MaxDepth = 32;

    public static async Task<(JsonDocument? Document, string? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = MaxDepth }, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, "The body must be a JSON object.");
            }
            return (document, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            var depth = ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? $" The JSON nests deeper than {MaxDepth} levels." : "";
            return (null, $"The body is not valid JSON{where}.{depth}");
        }
    }
}
