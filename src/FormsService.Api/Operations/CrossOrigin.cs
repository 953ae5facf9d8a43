using FormsService.Api.Endpoints;
using FormsService.Api.Http;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace FormsService.Api.Operations;

/// <summary>
/// Which other origins' browser applications may call the service (configuration <c>Cors</c>). None by default: a
/// page on another origin is refused by its browser until an operator names that origin.
/// </summary>
public sealed class CrossOriginOptions
{
    /// <summary>Origins such as <c>https://intranet.example.kz</c>; <c>*</c> allows every origin.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may keep a preflight's answer.</summary>
    public int MaxAgeSeconds { get; set; } = 600;

    /// <summary>The request headers a browser application may send beyond the CORS-safelisted ones.</summary>
    public static readonly string[] RequestHeaders = ["Content-Type", "Accept", "Accept-Language", "If-None-Match", AuthOptions.Header];

    /// <summary>The response headers a browser application may read beyond the CORS-safelisted ones.</summary>
    public static readonly string[] ResponseHeaders =
    [
        "ETag", "Content-Disposition", "Retry-After", "WWW-Authenticate", RenderRequest.VersionHeader, RenderRequest.WarningsHeader,
        EngineDigest.Header, MergeEndpoints.SkippedRowsHeader,
    ];

    /// <summary>The policy: no credentials (the API key is a header, not a cookie), the methods the API has.</summary>
    public CorsPolicy Policy()
    {
        var builder = new CorsPolicyBuilder()
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post)
            .WithHeaders(RequestHeaders)
            .WithExposedHeaders(ResponseHeaders)
            .SetPreflightMaxAge(TimeSpan.FromSeconds(Math.Max(0, MaxAgeSeconds)));
        var origins = AllowedOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToArray();
        if (origins.Contains("*")) builder.AllowAnyOrigin();
        else builder.WithOrigins(origins);
        return builder.Build();
    }
}
