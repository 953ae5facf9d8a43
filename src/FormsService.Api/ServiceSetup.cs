using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OpenTelemetry.Resources;
using FormsService.Api.Http;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace FormsService.Api;

/// <summary>Where the service finds what it ships.</summary>
public sealed class FormsServiceOptions
{
    public string FormsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "forms");
    public string FontsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "fonts");
}

internal static class ServiceSetup
{
    public const string RenderPolicy = "render";
    public const string ArtworkCachePolicy = "artwork";

    public static readonly string ServiceVersion =
        typeof(ServiceSetup).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static void AddFormsService(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("FormsService").Get<FormsServiceOptions>() ?? new FormsServiceOptions();
        // Fail fast: every definition and font is loaded and checked before the service listens.
        var engine = FormsEngine.Load(options.FormsPath, options.FontsPath);
        var services = builder.Services;
        services.AddSingleton(engine);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ServiceClock>();
        services.Configure<RequestLimits>(builder.Configuration.GetSection("Limits"));
        services.Configure<RenderingOptions>(builder.Configuration.GetSection("Rendering"));
        services.Configure<AuthOptions>(builder.Configuration.GetSection("Auth"));
        services.AddSingleton<RenderMetrics>();
        services.AddSingleton<RenderRunner>();
        services.AddProblemDetails();
        // Artwork previews are deterministic: the same query gives the same bytes, so they are cached by query.
        services.AddOutputCache(o => o.AddPolicy(ArtworkCachePolicy, p => p.SetVaryByQuery("*").Expire(TimeSpan.FromHours(1))));
        services.AddHealthChecks();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "FormsService";
            document.Info.Version = ServiceVersion;
            document.Info.Description =
                "Renders the official forms of order No. 733 (30 Sep 2025) of Kazakhstan's Minister of Internal Affairs, filled from JSON, " +
                "to PDF and DOCX (the vest artwork also to PNG and SVG).\n\n" +
                "From nothing to a PDF: `GET /api/forms` lists the forms; `GET /api/forms/{formId}/versions/{version}/example` gives a valid " +
                "payload and `…/schema` its JSON Schema; `POST` the payload to `/api/forms/{formId}/render?format=pdf`. " +
                "Errors are `application/problem+json`; a broken rule is 422 with `errors` keyed by JSON path. " +
                "When the service has API keys, send one in `X-Api-Key`.";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });

        var rendering = builder.Configuration.GetSection("Rendering").Get<RenderingOptions>() ?? new RenderingOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddConcurrencyLimiter(RenderPolicy, o =>
            {
                o.PermitLimit = Math.Max(1, rendering.MaxConcurrentRenders);
                o.QueueLimit = Math.Max(0, rendering.QueueLimit);
                o.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<RenderMetrics>().Rejected("overload");
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await TypedResults.Problem(detail: "The service is rendering as much as it can; try again in a second.",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy").ExecuteAsync(context.HttpContext);
            };
        });

        // Structured JSON logs; nothing below logs payload values, and ASP.NET's file results (which log download names,
        // made of personal data) are kept quiet.
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Result", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Mvc.Infrastructure", LogLevel.Warning);

        var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("formsservice", serviceVersion: ServiceVersion))
            .WithMetrics(m => m.AddMeter(RenderMetrics.MeterName).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter())
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.RecordException = false);
                // Off by default: traces leave the process only when an OTLP endpoint is configured.
                if (!string.IsNullOrWhiteSpace(otlp))
                    t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
    }

    public static void UseFormsService(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (auth.ApiKeys.All(string.IsNullOrWhiteSpace))
            app.Logger.LogWarning("No API keys are configured (Auth:ApiKeys): the API is open to every caller.");
        else
            app.Logger.LogInformation("The API requires one of {Count} API keys in the {Header} header.", auth.ApiKeys.Count, AuthOptions.Header);

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RejectionMetricsMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseOutputCache();
        app.UseRateLimiter();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("FormsService API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            // Ready means loaded: the engine was built (forms and fonts checked) before the service started listening.
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString(),
                version = ServiceVersion,
                forms = context.RequestServices.GetRequiredService<FormsEngine>().Catalog.Forms.Count,
            }),
        });
        // The designers' page: a static file, served at a clean address.
        app.MapGet("/designer", () => Results.File(Path.Combine(app.Environment.WebRootPath ?? "", "designer", "index.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
    }
}

/// <summary>"Today" in Kazakhstan (UTC+5), for picking the version in force; renderers never read a clock.</summary>
public sealed class ServiceClock(TimeProvider time)
{
    private static readonly TimeSpan KazakhstanOffset = TimeSpan.FromHours(5);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(KazakhstanOffset).DateTime);
}
