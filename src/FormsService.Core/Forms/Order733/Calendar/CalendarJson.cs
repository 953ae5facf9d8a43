using System.Globalization;
using System.Text.Json;

namespace FormsService.Core.Forms.Order733.Calendar;

/// <summary>
/// Reads one JSON object of a calendar file and reports any fault as an <see cref="InvalidDataException"/>
/// that names the file and the JSON path of the broken entry (e.g. <c>$.holidays[3].date</c>).
/// </summary>
internal sealed class CalendarJson
{
    private readonly JsonElement _element;

    private CalendarJson(string file, string path, JsonElement element)
    {
        File = file;
        Path = path;
        _element = element;
    }

    public string File { get; }

    public string Path { get; }

    /// <summary>Parses a whole file; its root must be an object.</summary>
    public static CalendarJson ReadRoot(string file)
    {
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(file);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"Calendar file '{file}' cannot be read: {e.Message}", e);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"Calendar file '{file}' is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }

        using (document)
        {
            // Clone so the element outlives the document.
            return new CalendarJson(file, "$", document.RootElement.Clone()).EnsureKind(JsonValueKind.Object, "an object");
        }
    }

    public InvalidDataException Error(string message) => ErrorAt(Path, message);

    public InvalidDataException ErrorAt(string path, string message) =>
        new($"Calendar file '{File}' is invalid at {path}: {message}");

    /// <summary>Rejects properties other than <paramref name="allowed"/> (and <c>$comment</c>-style ones), to catch typos.</summary>
    public void AllowOnly(params string[] allowed)
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!property.Name.StartsWith('$') && Array.IndexOf(allowed, property.Name) < 0)
            {
                throw ErrorAt(Child(property.Name), $"unknown property '{property.Name}'; expected one of: {string.Join(", ", allowed)}.");
            }
        }
    }

    public string RequiredString(string name)
    {
        var value = Property(name, required: true)!.Value;
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw ErrorAt(Child(name), "expected a non-empty string.");
        }

        return value.GetString()!;
    }

    public string? OptionalString(string name)
    {
        var value = Property(name, required: false);
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.Value.ValueKind == JsonValueKind.String
            ? value.Value.GetString()
            : throw ErrorAt(Child(name), "expected a string or null.");
    }

    public bool RequiredBool(string name)
    {
        var value = Property(name, required: true)!.Value;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ErrorAt(Child(name), "expected true or false."),
        };
    }

    public int RequiredInt(string name) =>
        OptionalInt(name, required: true) ?? throw ErrorAt(Child(name), "expected an integer.");

    public int? OptionalInt(string name) => OptionalInt(name, required: false);

    public DateOnly RequiredDate(string name) =>
        OptionalDate(name, required: true) ?? throw ErrorAt(Child(name), "expected a date 'yyyy-MM-dd'.");

    public DateOnly? OptionalDate(string name) => OptionalDate(name, required: false);

    /// <summary>The items of an array of objects; a missing optional array reads as empty.</summary>
    public IReadOnlyList<CalendarJson> Objects(string name, bool required)
    {
        var value = Property(name, required);
        if (value is null)
        {
            return [];
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            throw ErrorAt(Child(name), "expected an array.");
        }

        var items = new List<CalendarJson>();
        var index = 0;
        foreach (var item in value.Value.EnumerateArray())
        {
            items.Add(new CalendarJson(File, $"{Child(name)}[{index}]", item).EnsureKind(JsonValueKind.Object, "an object"));
            index++;
        }

        return items;
    }

    public CalendarJson Object(string name) =>
        new CalendarJson(File, Child(name), Property(name, required: true)!.Value).EnsureKind(JsonValueKind.Object, "an object");

    /// <summary>Checks an optional array of strings (free-text notes).</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        var value = Property(name, required: false);
        if (value is null)
        {
            return [];
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            throw ErrorAt(Child(name), "expected an array of strings.");
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.Value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw ErrorAt($"{Child(name)}[{index}]", "expected a string."));
            index++;
        }

        return items;
    }

    public string Child(string name) => $"{Path}.{name}";

    private CalendarJson EnsureKind(JsonValueKind kind, string description) =>
        _element.ValueKind == kind ? this : throw Error($"expected {description}.");

    private JsonElement? Property(string name, bool required)
    {
        if (_element.TryGetProperty(name, out var value))
        {
            return value;
        }

        return required ? throw ErrorAt(Child(name), "required property is missing.") : null;
    }

    private int? OptionalInt(string name, bool required)
    {
        var value = Property(name, required);
        if (value is null || (!required && value.Value.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        return value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt32(out var number)
            ? number
            : throw ErrorAt(Child(name), "expected an integer.");
    }

    private DateOnly? OptionalDate(string name, bool required)
    {
        var value = Property(name, required);
        if (value is null || (!required && value.Value.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        if (value.Value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.Value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw ErrorAt(Child(name), $"expected a date 'yyyy-MM-dd', got {value.Value.GetRawText()}.");
    }
}
