using System.Diagnostics;
using FormsService.Api.Endpoints;
using FormsService.Api.Http;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Engine.Sheets;
using Microsoft.Extensions.Options;

namespace FormsService.Api.Documents;

/// <summary>What a merge makes: a ZIP of documents, one PDF to print, or the row report alone.</summary>
internal enum MergeOutput { Zip, Single, Report }

/// <summary>A merge bound once: the version, the format, what it makes, PDF/A or not, the CSV's charset if given.</summary>
internal sealed record MergeRequest(FormVersion Version, string Format, MergeOutput Output, bool Archival, string? Charset)
{
    /// <summary>The output's name in logs and metrics.</summary>
    public string Kind => Output switch { MergeOutput.Report => "merge-report", MergeOutput.Single => "merge-pdf", _ => "merge-zip" };
}

/// <summary>
/// A filled spreadsheet through the pipeline, as renders are: its reading and checking, then its rendering, each a
/// job of the <see cref="RenderRunner"/> (admitted by its memory cost, on a render slot and thread, stopped when its
/// client leaves), within one deadline of six render timeouts (a minute by default). Rows are checked once; their
/// messages are codes until the answer, worded once for the reader in the manifest, errors.xlsx and a 422 alike.
/// </summary>
internal sealed class SpreadsheetMerge(DocumentPipeline pipeline, RenderRunner runner, IOptions<SheetLimits> limits, IOptions<RenderingOptions> rendering)
{
    public const string SkippedRowsHeader = "X-Merge-Skipped-Rows";

    private sealed record Row(SheetRow Sheet, PayloadCheck? Check);

    public async Task<IResult> RunAsync(HttpContext context, MergeRequest merge, CancellationToken cancellationToken)
    {
        var upload = await UploadReader.ReadAsync(context, limits.Value, cancellationToken);
        if (upload.Problem is not null) return upload.Problem;

        var deadline = TimeSpan.FromMilliseconds(Math.Max(1, rendering.Value.TimeoutMilliseconds * 6L));
        var watch = Stopwatch.StartNew();
        SheetRows sheet = null!;
        List<Row> rows = null!;
        SheetProblem? refused = null;
        var read = await runner.RunAsync(new RenderJob(merge.Version, "merge-read", ReadCost(upload.Data!.Length), token =>
        {
            try
            {
                var workbook = UploadedWorkbook.Read(upload.Data!, upload.Kind, merge.Charset ?? upload.Charset, limits.Value, token);
                sheet = SheetBinder.Bind(workbook, SheetLayout.For(merge.Version), limits.Value);
                rows = new List<Row>(sheet.Rows.Count);
                foreach (var r in sheet.Rows)
                {
                    token.ThrowIfCancellationRequested();
                    rows.Add(new Row(r, r.Payload is { } p ? pipeline.Check(merge.Version, p) : null));
                }
            }
            catch (SheetProblem problem)
            {
                refused = problem;
            }
            return [];
        }) { Timeout = deadline }, waitForMemory: true, context.TraceIdentifier, cancellationToken);
        if (!read.Succeeded) return read.Problem(context);
        if (refused is not null) return MergeEndpoints.Problem(context, refused);

        var coded = rows.Select(r => r.Check is { IsValid: false } bad ? r.Sheet with { Errors = bad.Errors } : r.Sheet).ToList();
        var valid = rows.Where(r => r.Check is { IsValid: true }).ToList();
        var wording = ProblemWording.Of(context, bilingualWhenUnasked: true);
        var (manifest, bound, files) = Manifest(wording, merge, sheet.Headers, rows, coded);
        context.Response.Headers[RenderRequest.VersionHeader] = merge.Version.Version;
        if (merge.Output == MergeOutput.Report)
            return TypedResults.Json(manifest, Manifests.Json);
        if (merge.Output == MergeOutput.Single && valid.Count == 0)
            return Problems.Refused(context, RowErrors(coded), "problem-merge-rows");

        var left = deadline - watch.Elapsed;
        if (left <= TimeSpan.Zero)
        {
            context.RequestServices.GetRequiredService<RenderMetrics>().TimedOut(merge.Version.FormId, "merge");
            context.Response.Headers.RetryAfter = "1";
            return Problems.Coded(context, StatusCodes.Status503ServiceUnavailable, "problem-merge-timeout", Problems.Body, Say.Of("merge-timeout"));
        }
        // One render thread for the whole merge, document after document: a merge is as fair to other requests as
        // any render, and its memory is what one document at a time and the output so far hold.
        var orders = valid.Select(v => new DocumentOrder(merge.Version, Output.Of(merge.Format, merge.Archival), v.Check)).ToList();
        var outcome = await runner.RunAsync(new RenderJob(merge.Version, merge.Kind, RenderCost(valid.Count, merge.Archival), token =>
            merge.Output == MergeOutput.Single
                ? pipeline.Combine(orders, merge.Archival, token)
                : Zip(merge.Version, orders, valid.Select(v => files[v.Sheet.Number]).ToList(), manifest, bound, wording.Text, token)) { Timeout = left },
            waitForMemory: true, context.TraceIdentifier, cancellationToken);
        if (!outcome.Succeeded) return outcome.Problem(context);
        var definition = merge.Version.Definition;
        if (merge.Output == MergeOutput.Single)
        {
            if (valid.Count < rows.Count)
                context.Response.Headers[SkippedRowsHeader] = string.Join(",", coded.Where(r => r.Errors.Count > 0).Select(r => r.Number));
            context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition($"{definition.ShortTitle}_{valid.Count}.pdf");
            return TypedResults.File(outcome.Bytes!, OutputFormats.MediaTypes[OutputFormats.Pdf]);
        }
        context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition($"{definition.ShortTitle}_{valid.Count}.zip");
        return TypedResults.File(outcome.Bytes!, "application/zip");
    }

    /// <summary>The manifest (row → status, file, errors worded and coded, warnings), the rows for errors.xlsx, and each valid row's file name.</summary>
    private static (MergeManifest Manifest, SheetRows Bound, Dictionary<int, string> Files) Manifest(ProblemWording wording, MergeRequest merge,
        IReadOnlyList<string> headers, List<Row> rows, List<SheetRow> coded)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new Dictionary<int, string>();
        var items = new List<MergeRowOutcome>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, check) = (coded[i], rows[i].Check);
            if (row.Errors.Count > 0)
            {
                items.Add(new MergeRowOutcome(row.Number, 422, null, wording.Words(row.Errors), null) { Codes = ProblemWording.Codes(row.Errors) });
                continue;
            }
            var file = files[row.Number] = DocumentPackage.Unique(names, $"{row.Number:0000}_{DownloadNames.FileName(merge.Version, check!.View, merge.Format)}");
            var warnings = wording.Warnings(check);
            items.Add(new MergeRowOutcome(row.Number, 200, file, null, warnings.Count > 0 ? warnings : null));
        }
        var rendered = files.Count;
        var manifest = new MergeManifest(merge.Version.FormId, merge.Version.Version, merge.Format, rows.Count, rendered, rows.Count - rendered, items);
        return (manifest, new SheetRows(headers, coded), files);
    }

    private byte[] Zip(FormVersion version, List<DocumentOrder> orders, List<string> files, MergeManifest manifest, SheetRows rows, Func<Message, string> word, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        using (var package = pipeline.Package(version, output))
        {
            // Rendered one at a time on the merge's render thread, each written as it is done.
            for (var i = 0; i < orders.Count; i++)
                package.AddDocument(files[i], pipeline.Render(orders[i], cancellationToken));
            if (manifest.Failed > 0)
                package.Add("errors.xlsx", SheetWorkbooks.Errors(rows, SheetLayout.For(version), word), System.IO.Compression.CompressionLevel.NoCompression);
            package.AddJson("manifest.json", manifest, Manifests.Json);
        }
        return output.ToArray();
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

    private static Dictionary<string, Message[]> RowErrors(IEnumerable<SheetRow> rows) =>
        rows.Where(r => r.Errors.Count > 0)
            .SelectMany(r => r.Errors.Select(e => (Key: $"row {r.Number}: {e.Key}", e.Value)))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
