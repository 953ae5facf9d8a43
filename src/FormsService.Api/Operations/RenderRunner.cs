using System.Diagnostics;
using FormsService.Core.Engine.Catalog;
using Microsoft.Extensions.Options;

namespace FormsService.Api.Operations;

/// <summary>Rendering limits (configuration section <c>Rendering</c>).</summary>
public sealed class RenderingOptions
{
    /// <summary>A render that takes longer is cancelled and answered 503 (default 10 s).</summary>
    public int TimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>Renders running at once (default: twice the cores).</summary>
    public int MaxConcurrentRenders { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>Requests waiting for a render slot; beyond it, 503 with Retry-After at once (default 64).</summary>
    public int QueueLimit { get; set; } = 64;
}

/// <summary>
/// Runs one render off the request thread with a timeout, and records its duration and size. Logs carry the form,
/// version, format, size and duration — never a payload value.
/// </summary>
public sealed class RenderRunner(IOptions<RenderingOptions> options, RenderMetrics metrics, ILogger<RenderRunner> logger)
{
    public async Task<(byte[]? Bytes, IResult? Problem)> RunAsync(HttpContext context, FormVersion version, string format, Func<CancellationToken, byte[]> render)
    {
        var aborted = context.RequestAborted;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        // A timer of zero may still fire after a fast render: no time at all means cancelled before it starts.
        if (options.Value.TimeoutMilliseconds <= 0)
            timeout.Cancel();
        else
            timeout.CancelAfter(TimeSpan.FromMilliseconds(options.Value.TimeoutMilliseconds));
        var watch = Stopwatch.StartNew();
        try
        {
            var bytes = await Task.Run(() => render(timeout.Token), timeout.Token).WaitAsync(timeout.Token);
            metrics.Rendered(version.FormId, format, watch.Elapsed.TotalMilliseconds, bytes.Length);
            logger.LogInformation("Rendered {FormId} {Version} as {Format}: {Bytes} bytes in {ElapsedMs:0.0} ms (request {RequestId})",
                version.FormId, version.Version, format, bytes.Length, watch.Elapsed.TotalMilliseconds, context.TraceIdentifier);
            return (bytes, null);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            metrics.Rejected("timeout");
            logger.LogWarning("Render of {FormId} {Version} as {Format} timed out after {ElapsedMs:0} ms (request {RequestId})",
                version.FormId, version.Version, format, watch.Elapsed.TotalMilliseconds, context.TraceIdentifier);
            context.Response.Headers.RetryAfter = "1";
            return (null, TypedResults.Problem(detail: $"The render took longer than {options.Value.TimeoutMilliseconds} ms and was cancelled. Try again.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Render timed out"));
        }
    }
}
