using System.Text.Json;
using FormsService.Api.Http.Unicode;

namespace FormsService.Api.Http;

/// <summary>
/// Payload text in Unicode's composed form (NFC, see <see cref="Composer"/>). A document already composed — nearly
/// every one — is kept as it is; another is written again with every name and string composed.
/// </summary>
internal static class Nfc
{
    public static JsonDocument Normalized(JsonDocument document, JsonDocumentOptions options) =>
        IsNormalized(document.RootElement) ? document : Composed(document, options);

    /// <summary>The document written again with every name and string composed; the one given is disposed.</summary>
    public static JsonDocument Composed(JsonDocument document, JsonDocumentOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(document.RootElement, writer);
        document.Dispose();
        return JsonDocument.Parse(buffer.ToArray(), options);
    }

    private static bool IsNormalized(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().All(p => Composer.IsComposed(p.Name) && IsNormalized(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(IsNormalized),
        JsonValueKind.String => Composer.IsComposed(element.GetString()!),
        _ => true,
    };

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(Composer.Compose(property.Name));
                    Write(property.Value, writer);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                    Write(item, writer);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Composer.Compose(element.GetString()!));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
