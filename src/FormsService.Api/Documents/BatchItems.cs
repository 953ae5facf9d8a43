using System.Text.Json;
using FormsService.Api.Http;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Api.Documents;

/// <summary>
/// One item of a JSON batch, bound once for the ZIP and the one-PDF print alike: its form, version and format
/// resolved and its payload checked — or why not (a status, errors by the item's own paths, a detail).
/// </summary>
internal sealed record BatchItem(int Index, string? FormId, string Format, FormVersion? Version, PayloadCheck? Check)
{
    public int Status { get; init; } = StatusCodes.Status200OK;

    /// <summary>Coded messages by path inside the item (<c>formId</c>, <c>payload</c>, a payload's JSON path).</summary>
    public IReadOnlyDictionary<string, Message[]>? Errors { get; init; }

    /// <summary>A coded message about the item as a whole, and the field it is about (null: the item).</summary>
    public Message? Detail { get; init; }

    public string? DetailAt { get; init; }

    public bool IsValid => Status == StatusCodes.Status200OK;

    /// <summary>The document the item orders (valid items only).</summary>
    public DocumentOrder Order => new(Version!, Output.Of(Format), Check!);
}

internal static class BatchItems
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "formId", "format", "version", "asOf", "language", "payload" };

    /// <param name="onlyPdf">For the one-PDF print: any other format is the item's error before its form is looked up.</param>
    public static BatchItem Bind(DocumentPipeline pipeline, ServiceClock clock, JsonElement item, int index, bool onlyPdf = false)
    {
        if (item.ValueKind != JsonValueKind.Object)
            return new BatchItem(index, null, OutputFormats.Pdf, null, null) { Status = 400, Detail = Say.Of("item-object") };
        var errors = new Dictionary<string, Message[]>(StringComparer.Ordinal);
        foreach (var field in item.EnumerateObject())
        {
            if (!Fields.Contains(field.Name))
                errors[field.Name] = [Say.UnknownField];
            else if (field.Name == "payload" ? field.Value.ValueKind != JsonValueKind.Object : field.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                errors[field.Name] = [field.Name == "payload" ? Say.Object : Say.Text];
        }
        var formId = Text(item, "formId");
        var format = Text(item, "format")?.Trim().ToLowerInvariant() ?? OutputFormats.Pdf;
        var asOf = Text(item, "asOf");
        var failed = new BatchItem(index, formId, format, null, null);
        if (string.IsNullOrEmpty(formId) && !errors.ContainsKey("formId"))
            errors["formId"] = [Say.Required];
        if (!item.TryGetProperty("payload", out var payload) && !errors.ContainsKey("payload"))
            errors["payload"] = [Say.Required];
        if (!RenderRequest.TryParseAsOf(asOf, out _))
            errors["asOf"] = [Say.Date];
        if (onlyPdf && format != OutputFormats.Pdf)
            errors["format"] = [Say.Of("single-holds-pdf")];
        if (errors.Count > 0)
            return failed with { Status = 422, Errors = errors };

        var (version, lookup) = FormQuery.Find(pipeline.Engine, clock, formId!, Text(item, "version"), asOf);
        if (version is null)
            return failed with { Status = StatusCodes.Status404NotFound, Detail = Problems.NotFoundMessage(lookup), DetailAt = "formId" };
        failed = failed with { Version = version };
        var (variant, notOffered) = DocumentLanguage.Select(version, Text(item, DocumentLanguage.Parameter));
        if (variant is null)
            return failed with { Status = 422, Errors = new Dictionary<string, Message[]> { [DocumentLanguage.Parameter] = [notOffered!] } };
        version = variant;
        failed = failed with { Version = version };
        if (!version.Definition.Formats.Contains(format))
            return failed with { Status = 422, Errors = new Dictionary<string, Message[]> { ["format"] = [RenderRequest.Offered(version.Definition)] } };
        var check = pipeline.Check(version, payload);
        if (!check.IsValid)
            return failed with { Status = 422, Errors = check.Errors };
        return new BatchItem(index, formId, format, version, check);
    }

    public static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
