using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using FormsService.Api.Http;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;

namespace FormsService.Api.Endpoints;

public sealed record BatchItemOutcome(int Index, string? FormId, string? Format, string? Version, int Status, string? File,
    IReadOnlyDictionary<string, string[]>? Errors, string? Detail, IReadOnlyList<Core.Engine.Payloads.PayloadWarning>? Warnings);

/// <summary>Many documents in one call: a ZIP with one file per item and a manifest of every item's outcome.</summary>
public static class BatchEndpoints
{
    public const int MaxItems = 500;

    public static void MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/render/batch", RenderBatch)
            .WithTags("Batch")
            .WithName("RenderBatch")
            .WithSummary("Renders many documents into one ZIP, with manifest.json.")
            .WithDescription($"Body: {{ \"items\": [ {{ \"formId\", \"format\", \"version\"?, \"asOf\"?, \"payload\" }} ] }}, at most {MaxItems} items. A bad item is reported in the manifest; the others still render.")
            .Accepts<JsonElement>("application/json")
            .Produces(200, contentType: "application/zip")
            .ProducesProblem(400).ProducesProblem(413).ProducesValidationProblem(422).ProducesProblem(503)
            .RequireRateLimiting(ServiceSetup.RenderPolicy);
    }

    internal static async Task<IResult> RenderBatch(HttpContext context, FormsEngine engine, ServiceClock clock, CancellationToken cancellationToken)
    {
        var (document, bodyProblem) = await BodyReader.ReadObjectAsync(context.Request, cancellationToken);
        if (document is null) return bodyProblem!;
        using (document)
        {
            if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                return Problems.Invalid(new Dictionary<string, string[]> { ["items"] = ["Массив болуы керек / Must be an array of items."] });
            if (items.GetArrayLength() > MaxItems)
                return TypedResults.Problem(detail: $"A batch holds at most {MaxItems} items; this one has {items.GetArrayLength()}. Split it.",
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large");
            if (items.GetArrayLength() == 0)
                return Problems.Invalid(new Dictionary<string, string[]> { ["items"] = ["Бос болмауы керек / Must not be empty."] });

            using var zip = new MemoryStream();
            var outcomes = new List<BatchItemOutcome>();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var index = 0;
                foreach (var item in items.EnumerateArray())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    outcomes.Add(RenderItem(index++, item, engine, clock, archive, names));
                }
                var manifest = archive.CreateEntry("manifest.json", CompressionLevel.Fastest);
                manifest.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                await using var stream = manifest.Open();
                await JsonSerializer.SerializeAsync(stream, new { items = outcomes }, ManifestJson, cancellationToken);
            }
            context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition("batch.zip");
            return TypedResults.File(zip.ToArray(), "application/zip");
        }
    }

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static BatchItemOutcome RenderItem(int index, JsonElement item, FormsEngine engine, ServiceClock clock, ZipArchive archive, HashSet<string> names)
    {
        BatchItemOutcome Fail(int status, string? formId, string? format, string? version, IReadOnlyDictionary<string, string[]>? errors, string? detail) =>
            new(index, formId, format, version, status, null, errors, detail, null);

        if (item.ValueKind != JsonValueKind.Object)
            return Fail(400, null, null, null, null, "An item must be an object.");
        var formId = Text(item, "formId");
        var format = Text(item, "format")?.ToLowerInvariant() ?? OutputFormats.Pdf;
        if (string.IsNullOrEmpty(formId))
            return Fail(422, null, format, null, new Dictionary<string, string[]> { ["formId"] = ["Міндетті өріс / Required."] }, null);
        var (version, error) = FormsEndpoints.Select(formId, Text(item, "version"), Text(item, "asOf"), engine, clock);
        if (error is not null)
            return Fail(version is null && Text(item, "asOf") is { } a && !RenderRequest.TryParseAsOf(a, out _) ? 422 : 404, formId, format, null, null, "Unknown form or version, or none in force on that date.");
        if (!version!.Definition.Formats.Contains(format))
            return Fail(422, formId, format, version.Version, new Dictionary<string, string[]> { ["format"] = [$"This form renders to {string.Join(", ", version.Definition.Formats)}."] }, null);
        if (!item.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
            return Fail(422, formId, format, version.Version, new Dictionary<string, string[]> { ["payload"] = ["Нысан болуы керек / Must be an object."] }, null);
        var check = engine.Check(version, payload);
        if (!check.IsValid)
            return Fail(422, formId, format, version.Version, check.Errors, null);

        var bytes = engine.Render(version, check, format);
        var name = Unique(names, $"{index + 1:000}_{DownloadNames.FileName(version.Definition, check.View, format)}");
        var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using (var stream = entry.Open())
            stream.Write(bytes);
        return new BatchItemOutcome(index, formId, format, version.Version, 200, name, null, null, check.Warnings.Count > 0 ? check.Warnings : null);
    }

    private static string Unique(HashSet<string> names, string name)
    {
        var candidate = name;
        for (var i = 2; !names.Add(candidate); i++)
            candidate = Path.GetFileNameWithoutExtension(name) + $"_{i}" + Path.GetExtension(name);
        return candidate;
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
