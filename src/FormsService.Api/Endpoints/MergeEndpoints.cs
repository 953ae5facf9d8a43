using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using FormsService.Api.Http;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Engine.Rendering;
using FormsService.Core.Engine.Sheets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FormsService.Api.Endpoints;

/// <summary>One row's outcome in a merge's manifest.</summary>
public sealed record MergeRowOutcome(int Row, int Status, string? File, IReadOnlyDictionary<string, string[]>? Errors, IReadOnlyList<PayloadWarning>? Warnings)
{
    /// <summary>Path → the codes of <see cref="Errors"/>' messages, as a problem's <c>codes</c>.</summary>
    public IReadOnlyDictionary<string, string[]>? Codes { get; init; }
}

/// <summary>What a merge did, row by row (manifest.json, or the answer of <c>output=report</c>).</summary>
public sealed record MergeManifest(string FormId, string Version, string Format, int Rows, int Rendered, int Failed, IReadOnlyList<MergeRowOutcome> Items);

/// <summary>
/// Many documents from a spreadsheet: a template per version (XLSX, CSV) and the merge of a filled one into a ZIP
/// (a document per valid row, manifest.json, errors.xlsx) or one printable PDF; PDF/A-2b on request.
/// </summary>
public static class MergeEndpoints
{
    public const string SkippedRowsHeader = "X-Merge-Skipped-Rows";

    public static void AddMerge(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SheetLimits>(configuration.GetSection("Sheets"));
        services.AddSingleton(sp => new PdfBook(sp.GetRequiredService<FormsEngine>().Fonts));
    }

    public static void MapMergeEndpoints(this IEndpointRouteBuilder app)
    {
        var versions = app.MapGroup("/api/forms/{formId}/versions/{version}").WithTags("Spreadsheets");
        versions.MapGet("/template.xlsx", TemplateXlsx).WithName("GetTemplateXlsx")
            .WithSummary("An Excel template of the version: Kazakh labels, JSON paths, data validation, the example as the first row.")
            .Produces(200, contentType: UploadedWorkbook.XlsxMediaType).ProducesProblem(404);
        versions.MapGet("/template.csv", TemplateCsv).WithName("GetTemplateCsv")
            .WithSummary("A CSV template of the version (UTF-8 with BOM): labels, JSON paths, the example.")
            .Produces(200, contentType: "text/csv").ProducesProblem(404);

        app.MapPost("/api/forms/{formId}/merge", Merge).WithTags("Spreadsheets").WithName("MergeSpreadsheet")
            .WithSummary("Renders one document per row of a filled .xlsx or .csv.")
            .WithDescription("Body: multipart/form-data with the file, or the raw file with its media type (`" + UploadedWorkbook.XlsxMediaType +
                "` or `text/csv`, `charset` optional). `output=zip` (default): a ZIP with a document per valid row, manifest.json and errors.xlsx; " +
                "`output=single` (PDF only): one PDF, every document from a new page (rows with problems are left out and named in `" + SkippedRowsHeader +
                "`); `output=report`: the manifest as JSON, nothing rendered. `pdfa=2b` gives PDF/A-2b.")
            // No Accepts metadata: routing would refuse other media types with a bare 415, before the handler can say why.
            .Produces<MergeManifest>(200, "application/json", "application/zip", "application/pdf")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesValidationProblem(422).ProducesProblem(503)
            .DisableAntiforgery()
            .WithMetadata(new SpreadsheetUploadMetadata())
            // A merge is a batch: it comes in by the batches' smaller door (waiting there up to its deadline), so that
            // merges and batches at once hold at most half the render slots and single renders are served meanwhile.
            .RequireRateLimiting(ServiceSetup.MergePolicy);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FormVersion, byte[]> XlsxTemplates = new(), CsvTemplates = new();

    internal static IResult TemplateXlsx(string formId, string version, HttpContext context, FormsEngine engine) =>
        Template(formId, version, context, engine, "xlsx", UploadedWorkbook.XlsxMediaType, v => XlsxTemplates.GetValue(v, SheetWorkbooks.Template));

    internal static IResult TemplateCsv(string formId, string version, HttpContext context, FormsEngine engine) =>
        Template(formId, version, context, engine, "csv", "text/csv; charset=utf-8", v => CsvTemplates.GetValue(v, SheetWorkbooks.CsvTemplate));

    private static IResult Template(string formId, string version, HttpContext context, FormsEngine engine, string extension, string media, Func<FormVersion, byte[]> make)
    {
        var lookup = engine.Catalog.Select(formId, version, null, default);
        if (lookup is not VersionLookup.Found found)
            return Problems.NotFound(context, lookup);
        context.Response.Headers[RenderRequest.VersionHeader] = found.Version.Version;
        context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition($"{found.Version.Definition.ShortTitle}_{found.Version.Version}_үлгі.{extension}");
        return TypedResults.File(make(found.Version), media);
    }

    private enum Output { Zip, Single, Report }

    internal static async Task<IResult> Merge(string formId, [FromQuery] string? format, [FromQuery] string? output, [FromQuery] string? version,
        [FromQuery] string? asOf, [FromQuery] string? pdfa, [FromQuery] string? conformance, [FromQuery] string? charset,
        HttpContext context, FormsEngine engine, ServiceClock clock, IOptions<SheetLimits> limitOptions, IOptions<RenderingOptions> rendering,
        PdfBook book, RenderMetrics metrics, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var limits = limitOptions.Value;
        var (selected, error) = FormQuery.Select(context, engine, clock, formId, version, asOf);
        if (error is not null) return error;
        var definition = selected!.Definition;
        var fmt = string.IsNullOrEmpty(format) ? OutputFormats.Pdf : format.Trim().ToLowerInvariant();
        if (!definition.Formats.Contains(fmt))
            return Problems.InvalidParameter(context, "format", RenderRequest.Offered(definition));
        Output? mode = (output ?? "zip").Trim().ToLowerInvariant() switch { "zip" => Output.Zip, "single" => Output.Single, "report" => Output.Report, _ => null };
        if (mode is null)
            return Problems.InvalidParameter(context, "output", Say.Of("one-of", ("values", "zip, single, report")));
        if (mode == Output.Single && fmt != OutputFormats.Pdf)
            return Problems.InvalidParameter(context, "output", Say.Of("single-needs-pdf"));
        var (archival, archivalError) = PdfA.Parse(context, pdfa, conformance, fmt);
        if (archivalError is not null) return archivalError;

        var upload = await UploadReader.ReadAsync(context, limits, cancellationToken);
        if (upload.Problem is not null) return upload.Problem;

        // The merge runs as renders do (RenderRunner): admitted by its memory cost, on a render slot and thread, within
        // its time, stopped when its client leaves. Twice: the reading (its cost from the upload's size) and the
        // rendering (from the rows to render), within one deadline.
        var runner = context.RequestServices.GetRequiredService<RenderRunner>();
        var deadline = MergeTimeout(rendering.Value);
        var watch = Stopwatch.StartNew();
        SheetRows rows = null!;
        List<(SheetRow Row, PayloadCheck? Check)> checkedRows = null!;
        var mergeFormat = mode switch { Output.Report => "merge-report", Output.Single => "merge-pdf", _ => "merge-zip" };
        RenderOutcome read;
        try
        {
            read = await runner.RunAsync(new RenderJob(selected, "merge-read", ReadCost(upload.Data!.Length), token =>
            {
                var workbook = UploadedWorkbook.Read(upload.Data!, upload.Kind, charset ?? upload.Charset, limits, token);
                rows = SheetBinder.Bind(workbook, SheetLayout.For(selected), limits);
                checkedRows = new List<(SheetRow, PayloadCheck?)>(rows.Rows.Count);
                foreach (var r in rows.Rows)
                {
                    token.ThrowIfCancellationRequested();
                    checkedRows.Add((r, r.Payload is { } p ? engine.Check(selected, p) : null));
                }
                return [];
            }) { Timeout = deadline }, waitForMemory: true, context.TraceIdentifier, cancellationToken);
        }
        catch (SheetProblem problem)
        {
            return Problem(context, problem);
        }
        if (!read.Succeeded)
            return Failed(context, read);

        // The rows' messages are codes until here: worded once for the reader, in the manifest, errors.xlsx and a 422 alike.
        var wording = ProblemWording.Of(context, bilingualWhenUnasked: true);
        var coded = checkedRows.Select(c => c.Check is { IsValid: false } bad
                ? c.Row with { Errors = (bad.Coded ?? bad).Errors }
                : c.Row).ToList();
        var outcomes = coded.Select(r => r.Errors.Count > 0 ? r with { Errors = wording.Words(r.Errors) } : r).ToList();
        var codes = coded.ToDictionary(r => r.Number, r => ProblemWording.Codes(r.Errors));
        var valid = checkedRows.Where(c => c.Check is { IsValid: true }).ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = valid.ToDictionary(v => v.Row.Number, v => Unique(names, $"{v.Row.Number:0000}_{DownloadNames.FileName(definition, v.Check!.View, fmt)}"));
        var checks = checkedRows.ToDictionary(c => c.Row.Number, c => c.Check);
        var manifest = new MergeManifest(selected.FormId, selected.Version, fmt, outcomes.Count, valid.Count, outcomes.Count - valid.Count,
            outcomes.Select(r => r.Errors.Count > 0
                ? new MergeRowOutcome(r.Number, 422, null, r.Errors, null) { Codes = codes[r.Number] }
                : new MergeRowOutcome(r.Number, 200, files[r.Number], null,
                    Warnings(engine, wording, checks[r.Number]!) is { Count: > 0 } w ? w : null)).ToList());
        var bound = new SheetRows(rows.Headers, outcomes);
        context.Response.Headers[RenderRequest.VersionHeader] = selected.Version;

        if (mode == Output.Report)
            return TypedResults.Json(manifest, ManifestJson);
        if (mode == Output.Single && valid.Count == 0)
            return Problems.Refused(context, RowErrors(coded), "problem-merge-rows");

        var left = deadline - watch.Elapsed;
        if (left <= TimeSpan.Zero)
        {
            metrics.TimedOut(selected.FormId, "merge");
            return TimedOut(context, rendering.Value);
        }
        // One render thread for the whole merge, document after document: a merge is as fair to other requests as
        // any render, and its memory is what one document at a time and the output so far hold.
        var outcome = await runner.RunAsync(new RenderJob(selected, mergeFormat, RenderCost(valid.Count, archival), token => mode == Output.Single
            ? book.Render(valid.Select(v => engine.Lay(selected, v.Check, token)).ToList(), new PdfBookOptions(definition.Language, archival), token)
            : Zip(engine, book, selected, fmt, archival, valid, files, manifest, bound, token)) { Timeout = left },
            waitForMemory: true, context.TraceIdentifier, cancellationToken);
        if (!outcome.Succeeded)
            return Failed(context, outcome);
        var bytes = outcome.Bytes!;
        if (mode == Output.Single)
        {
            if (valid.Count < outcomes.Count)
                context.Response.Headers[SkippedRowsHeader] = string.Join(",", outcomes.Where(r => r.Errors.Count > 0).Select(r => r.Number));
            context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition($"{definition.ShortTitle}_{valid.Count}.pdf");
            return TypedResults.File(bytes, OutputFormats.MediaTypes[OutputFormats.Pdf]);
        }
        context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition($"{definition.ShortTitle}_{valid.Count}.zip");
        return TypedResults.File(bytes, "application/zip");
    }

    /// <summary>
    /// What reading an upload may hold at its peak: its decoded text or inflated parts, the shared strings and the
    /// rows, bounded by the limits; measured at about eight times the upload for a dense sheet, plus the SDK's own.
    /// </summary>
    private static long ReadCost(int uploadBytes) => Operations.RenderCost.DocumentBytes + 8L * uploadBytes;

    /// <summary>
    /// What rendering a merge may hold at its peak: one document in the making, and the output so far (a page
    /// document is tens of KB; a PDF/A one carries its fonts and profile again).
    /// </summary>
    private static long RenderCost(int documents, bool archival) =>
        Operations.RenderCost.DocumentBytes + documents * (archival ? 192L : 64L) * 1024;

    private static IResult Failed(HttpContext context, RenderOutcome outcome)
    {
        if (outcome.Status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "1";
        return outcome.Problem(context);
    }

    private static byte[] Zip(FormsEngine engine, PdfBook book, FormVersion version, string format, bool archival,
        List<(SheetRow Row, PayloadCheck? Check)> valid, Dictionary<int, string> files, MergeManifest manifest, SheetRows rows, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        WriteZip(output, engine, book, version, format, archival, valid, files, manifest, rows, cancellationToken);
        return output.ToArray();
    }

    private static void WriteZip(Stream body, FormsEngine engine, PdfBook book, FormVersion version, string format, bool archival,
        List<(SheetRow Row, PayloadCheck? Check)> valid, Dictionary<int, string> files, MergeManifest manifest, SheetRows rows, CancellationToken cancellationToken)
    {
        using var archive = new ZipArchive(body, ZipArchiveMode.Create, leaveOpen: true);
        // Rendered one at a time on the merge's render thread, each written as it is done.
        foreach (var (row, check) in valid)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = archival
                ? book.Render([engine.Lay(version, check, cancellationToken)], new PdfBookOptions(version.Definition.Language, true), cancellationToken)
                : engine.Render(version, check, format, cancellationToken);
            // PDF streams and DOCX packages are compressed already: stored, not deflated twice.
            Entry(archive, files[row.Number], bytes, CompressionLevel.NoCompression);
        }
        if (manifest.Failed > 0)
            Entry(archive, "errors.xlsx", SheetWorkbooks.Errors(rows, SheetLayout.For(version)), CompressionLevel.NoCompression);
        Entry(archive, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson), CompressionLevel.Fastest);
    }

    private static void Entry(ZipArchive archive, string name, byte[] bytes, CompressionLevel level)
    {
        var entry = archive.CreateEntry(name, level);
        entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    private static IReadOnlyList<PayloadWarning> Warnings(FormsEngine engine, ProblemWording wording, PayloadCheck check) =>
        wording.Language is { } language ? engine.In(check, language).Warnings : check.Warnings;

    private static Dictionary<string, string[]> RowErrors(IEnumerable<SheetRow> rows) =>
        rows.Where(r => r.Errors.Count > 0)
            .SelectMany(r => r.Errors.Select(e => (Key: $"row {r.Number}: {e.Key}", e.Value)))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static string Unique(HashSet<string> names, string name)
    {
        var candidate = name;
        for (var i = 2; !names.Add(candidate); i++)
            candidate = Path.GetFileNameWithoutExtension(name) + $"_{i}" + Path.GetExtension(name);
        return candidate;
    }

    /// <summary>A merge is many renders: it gets six times one render's timeout (a minute by default).</summary>
    private static TimeSpan MergeTimeout(RenderingOptions options) => TimeSpan.FromMilliseconds(Math.Max(1, options.TimeoutMilliseconds * 6L));

    /// <summary>An upload refused as a whole: its header cells' problems by cell, or its one problem about the file (<c>$</c>).</summary>
    internal static IResult Problem(HttpContext context, SheetProblem problem) => problem.Errors is { } errors
        ? Problems.Refused(context, errors, problem.Title)
        : Problems.Coded(context, problem.Status, problem.Title, Problems.Body, problem.Message);

    private static IResult TimedOut(HttpContext context, RenderingOptions options)
    {
        context.Response.Headers.RetryAfter = "1";
        return Problems.Coded(context, StatusCodes.Status503ServiceUnavailable, "problem-merge-timeout", Problems.Body, Say.Of("merge-timeout"));
    }

    internal static readonly JsonSerializerOptions ManifestJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>The archival switch of the PDF routes: <c>pdfa=2b</c> or <c>conformance=pdfa-2b</c>.</summary>
internal static class PdfA
{
    public static (bool Archival, IResult? Error) Parse(HttpContext context, string? pdfa, string? conformance, string format)
    {
        var asked = !string.IsNullOrEmpty(pdfa) || !string.IsNullOrEmpty(conformance);
        if (!asked) return (false, null);
        var ok = (string.IsNullOrEmpty(pdfa) || pdfa.Trim().Equals("2b", StringComparison.OrdinalIgnoreCase))
                 && (string.IsNullOrEmpty(conformance) || conformance.Trim().Equals("pdfa-2b", StringComparison.OrdinalIgnoreCase));
        if (!ok)
            return (false, Problems.InvalidParameter(context, string.IsNullOrEmpty(pdfa) ? "conformance" : "pdfa", Say.Of("pdfa-only-2b")));
        if (format != OutputFormats.Pdf)
            return (false, Problems.InvalidParameter(context, "pdfa", Say.Of("pdfa-needs-pdf")));
        return (true, null);
    }
}

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

/// <summary>
/// "Print all" for the JSON batch (<c>output=single</c>): one PDF of every item, in order, each from a new page. A
/// print run is all or nothing: any item that cannot be a PDF makes the answer 422, by <c>items[i].path</c>.
/// </summary>
internal static class BatchSingle
{
    public static async Task<IResult> RenderAsync(HttpContext context, FormsEngine engine, ServiceClock clock, JsonElement items, string output, string? pdfa)
    {
        if (!output.Equals("single", StringComparison.OrdinalIgnoreCase))
            return Problems.InvalidParameter(context, "output", Say.Of("one-of", ("values", "zip, single")));
        var (archival, archivalError) = PdfA.Parse(context, pdfa, null, OutputFormats.Pdf);
        if (archivalError is not null) return archivalError;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var work = new List<(FormVersion Version, PayloadCheck Check)>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"items[{index++}]";
            if (item.ValueKind != JsonValueKind.Object) { errors[at] = [Say.Object]; continue; }
            var formId = BatchEndpoints.Text(item, "formId");
            if (string.IsNullOrEmpty(formId)) { errors[$"{at}.formId"] = [Say.Required]; continue; }
            var format = BatchEndpoints.Text(item, "format")?.ToLowerInvariant() ?? OutputFormats.Pdf;
            if (format != OutputFormats.Pdf) { errors[$"{at}.format"] = [Say.Of("single-holds-pdf")]; continue; }
            var asOf = BatchEndpoints.Text(item, "asOf");
            if (!RenderRequest.TryParseAsOf(asOf, out _)) { errors[$"{at}.asOf"] = [Say.Date]; continue; }
            var (version, lookup) = FormQuery.Find(engine, clock, formId, BatchEndpoints.Text(item, "version"), asOf);
            if (version is null) { errors[$"{at}.formId"] = [Problems.NotFoundMessage(lookup)]; continue; }
            if (!version.Definition.Formats.Contains(OutputFormats.Pdf)) { errors[$"{at}.format"] = [RenderRequest.Offered(version.Definition)]; continue; }
            if (!item.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object) { errors[$"{at}.payload"] = [Say.Object]; continue; }
            var check = engine.Check(version, payload);
            foreach (var (path, messages) in (check.Coded ?? check).Errors)
                errors[$"{at}.{path}"] = messages;
            if (check.IsValid) work.Add((version, check));
        }
        if (errors.Count > 0)
            return Problems.Refused(context, errors, "problem-batch");

        var runner = context.RequestServices.GetRequiredService<RenderRunner>();
        var book = context.RequestServices.GetRequiredService<PdfBook>();
        // One job for the whole file: the costs of its documents add up against the memory budget.
        var cost = work.Sum(w => RenderCost.Of(w.Version, OutputFormats.Pdf, w.Check.View));
        var outcome = await runner.RunAsync(new RenderJob(work[0].Version, OutputFormats.Pdf, cost, token =>
        {
            var documents = work.AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount).WithCancellation(token)
                .Select(w => engine.Lay(w.Version, w.Check, token)).ToList();
            return book.Render(documents, new PdfBookOptions(work[0].Version.Definition.Language, archival), token);
        }), waitForMemory: false, context.TraceIdentifier, context.RequestAborted);
        if (!outcome.Succeeded)
        {
            if (outcome.Status == StatusCodes.Status503ServiceUnavailable)
                context.Response.Headers.RetryAfter = "1";
            return outcome.Problem(context);
        }
        var bytes = outcome.Bytes;
        context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition($"batch_{work.Count}.pdf");
        return TypedResults.File(bytes!, OutputFormats.MediaTypes[OutputFormats.Pdf]);
    }
}
