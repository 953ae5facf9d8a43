using System.Text.Json;
using System.Text.Json.Serialization;

namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// A whole number is whole however JSON spells it: <c>120</c>, <c>120.0</c> and <c>1.2e2</c> bind to an int (as JSON
/// Schema's <c>integer</c> says), while <c>4.5</c> is refused. Strings stay refused: numbers are strict.
/// </summary>
internal sealed class WholeNumberConverter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw new JsonException("Expected a number.");
        if (reader.TryGetInt32(out var whole))
            return whole;
        // decimal, not double: 4.0000000000000001 is not whole, though a double would round it to 4.
        if (reader.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
            return (int)d;
        throw new JsonException("Expected a whole number.");
    }

    /// <summary>What the schema exporter cannot see through a custom converter: an int is JSON Schema's <c>integer</c>.</summary>
    public static System.Text.Json.Nodes.JsonNode? SchemaFor(Type type) =>
        type == typeof(int) ? new System.Text.Json.Nodes.JsonObject { ["type"] = "integer" }
        : type == typeof(int?) ? new System.Text.Json.Nodes.JsonObject { ["type"] = new System.Text.Json.Nodes.JsonArray("integer", "null") }
        : null;

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
