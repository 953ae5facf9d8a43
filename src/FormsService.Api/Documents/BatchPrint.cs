using System.Text.Json;
using FormsService.Api.Http;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Api.Documents;

/// <summary>
/// "Print all" for the JSON batch (<c>output=single</c>): one PDF of every item, in order, each from a new page. A
/// print run is all or nothing: any item that cannot be a PDF makes the answer 422, by <c>items[i].path</c>.
/// </summary>
internal static class BatchPrint
{
    public static async Task<IResult> RenderAsync(HttpContext context, DocumentPipeline pipeline, ServiceClock clock, RenderRunner runner,
        JsonElement items, bool archival)
    {
        var errors = new Dictionary<string, Message[]>(StringComparer.Ordinal);
        var orders = new List<DocumentOrder>();
        var index = 0;
        foreach (var element in items.EnumerateArray())
        {
            var item = BatchItems.Bind(pipeline, clock, element, index, onlyPdf: true);
            var at = $"items[{index++}]";
            if (item.IsValid)
                orders.Add(item.Order);
            else if (item.Errors is { } itemErrors)
                foreach (var (path, messages) in itemErrors)
                    errors[$"{at}.{path}"] = messages;
            else
                errors[item.DetailAt is { } field ? $"{at}.{field}" : at] = [item.Detail?.Code == "item-object" ? Say.Object : item.Detail!];
        }
        if (errors.Count > 0)
            return Problems.Refused(context, errors, "problem-batch");

        // One job for the whole file: the costs of its documents add up against the memory budget.
        var cost = orders.Sum(RenderCost.Of);
        var outcome = await runner.RunAsync(new RenderJob(orders[0].Version, OutputFormats.Pdf, cost, token => pipeline.Combine(orders, archival, token)),
            waitForMemory: false, context.TraceIdentifier, context.RequestAborted);
        if (!outcome.Succeeded)
            return outcome.Problem(context);
        context.Response.Headers.ContentDisposition = DownloadNames.ContentDisposition($"batch_{orders.Count}.pdf");
        return TypedResults.File(outcome.Bytes!, OutputFormats.MediaTypes[OutputFormats.Pdf]);
    }
}
