namespace FormsService.Api.Operations;

/// <summary>Security headers on every response: no inline script, no framing, no sniffing, no referrer leaks.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // The API reference at /docs is a third-party page (Scalar) that needs inline script and styles.
    private const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") || context.Request.Path.StartsWithSegments("/scalar")
            ? DocsPolicy : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}

/// <summary>Counts refused API requests by form and reason, for the metrics.</summary>
internal sealed class RejectionMetricsMiddleware(RequestDelegate next, RenderMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (!context.Request.Path.StartsWithSegments("/api")) return;
        var reason = context.Response.StatusCode switch
        {
            400 => "malformed",
            404 => "not-found",
            406 => "not-acceptable",
            413 => "too-large",
            415 => "unsupported-media-type",
            422 => "invalid",
            _ => null,
        };
        if (reason is not null) metrics.Rejected(context, reason);
    }
}
