using System.Text;
using System.Text.Json;

namespace FormsService.Api.Http;

/// <summary>
/// Payload text in Unicode's composed form (NFC). A document already composed — nearly every one — is kept as it is;
/// another is written again with every name and string composed.
/// </summary>
internal static class Nfc
{
    public static JsonDocument Normalized(JsonDocument document, JsonDocumentOptions options)
    {
        if (IsNormalized(document.RootElement)) return document;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(document.RootElement, writer);
        document.Dispose();
        return JsonDocument.Parse(buffer.ToArray(), options);
    }

    private static bool IsNormalized(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().All(p => p.Name.IsNormalized(NormalizationForm.FormC) && IsNormalized(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(IsNormalized),
        JsonValueKind.String => element.GetString()!.IsNormalized(NormalizationForm.FormC),
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
                    writer.WritePropertyName(property.Name.Normalize(NormalizationForm.FormC));
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
                writer.WriteStringValue(element.GetString()!.Normalize(NormalizationForm.FormC));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
