using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OpenTelemetry.Resources;
using FormsService.Api.Endpoints;
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
internal sealed class FormsServiceOptions
{
    public string FormsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "forms");
    public string FontsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "fonts");
}

internal static class ServiceSetup
{
    public const string RenderPolicy = "render";
    public const string BatchPolicy = "batch";
    public const string MergePolicy = "merge";
    public const string ArtworkCachePolicy = "artwork";

    /// <summary>What Kestrel reads ahead of the service per connection; the rest waits in the client's socket.</summary>
    public const int RequestBufferBytes = 64 * 1024;

    public static readonly string ServiceVersion =
        typeof(ServiceSetup).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static void AddFormsService(this WebApplicationBuilder builder)
    {
        // Before the engine loads fonts and anything renders: the allocator's settings hold for what comes after.
        MallocTuning.Process.Apply();
        var options = builder.Configuration.GetSection("FormsService").Get<FormsServiceOptions>() ?? new FormsServiceOptions();
        // Fail fast: every definition and font is loaded and checked before the service listens.
        // The Api composes the modules: the engine with the forms' modules, and the order's deadlines beside it.
        var composed = Core.Composition.Load(options.FormsPath, options.FontsPath);
        var engine = composed.Engine;
        var services = builder.Services;
        services.AddSingleton(engine);
        services.AddSingleton(composed.Deadlines);
        // Every route that makes documents goes through this one pipeline (a test's probe, if registered, sees each stage).
        services.AddSingleton(sp => new DocumentPipeline(sp.GetRequiredService<FormsEngine>(), sp.GetService<PipelineProbe>()));
        services.AddSingleton(new EngineDigest(options.FormsPath, options.FontsPath));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ServiceClock>();
        services.Configure<RequestLimits>(builder.Configuration.GetSection("Limits"));
        services.Configure<RenderingOptions>(builder.Configuration.GetSection("Rendering"));
        services.Configure<AuthOptions>(builder.Configuration.GetSection("Auth"));
        services.Configure<BatchOptions>(builder.Configuration.GetSection("Batch"));
        var crossOrigin = builder.Configuration.GetSection("Cors").Get<CrossOriginOptions>() ?? new CrossOriginOptions();
        services.AddCors(o => o.AddDefaultPolicy(crossOrigin.Policy()));
        services.AddSingleton<RenderMetrics>();
        services.AddSingleton<RenderRunner>();
        services.AddSingleton<BodyBudget>();
        services.AddSingleton<RequestActivity>();
        services.AddSingleton<IdleTrimmer>();
        services.AddHostedService(s => s.GetRequiredService<IdleTrimmer>());
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.WordFrameworkProblem);
        services.AddSingleton(new OverloadProblem(engine.Messages));
        // Artwork previews are deterministic: the same query gives the same bytes, so they are cached by query.
        // Bounded: it levelled off at about 330 MB after 7,229 distinct queries with the defaults (100 MB of bodies,
        // 64 MB each). Large rasters are cheaper to render again than to keep.
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 32L * 1024 * 1024;
            o.MaximumBodySize = 2L * 1024 * 1024;
            o.AddPolicy(ArtworkCachePolicy, p => p.SetVaryByQuery("*").Expire(TimeSpan.FromHours(1)));
        });
        services.AddHealthChecks();
        services.AddSingleton<FormsService.Api.Endpoints.OpenApiContract>();
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
        // Raised, never lowered: the runtime's own minimum (or DOTNET_ThreadPool_ForceMinWorkerThreads) stays if higher.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        if (rendering.EffectiveMinPoolThreads() > workers)
            ThreadPool.SetMinThreads(rendering.EffectiveMinPoolThreads(), completion);
        var limits = builder.Configuration.GetSection("Limits").Get<RequestLimits>() ?? new RequestLimits();
        // Every route that reads a body or renders is admitted here, its body already read (BodyFirstMiddleware, within
        // the body budget): under overload a request is refused (or queued) for the price of its headers and body, and
        // a slow body never holds a slot. Batches have their own, smaller door, so that a few long batches cannot hold
        // every slot single renders need.
        services.AddRateLimiter(limiter =>
        {
            var patience = TimeSpan.FromMilliseconds(Math.Max(0, rendering.QueueTimeoutMilliseconds));
            limiter.AddPolicy(RenderPolicy, _ => RateLimitPartition.Get(RenderPolicy, _ => new PatientLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, rendering.MaxConcurrentRenders),
                QueueLimit = Math.Max(0, rendering.QueueLimit),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }, patience)));
            // Batches and merges share the smaller door; a merge waits at it as long as its own deadline (a spreadsheet
            // of rows is worth a longer wait than a render), a batch as long as a render would.
            var batchDoor = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, rendering.MaxConcurrentRenders / 2),
                QueueLimit = Math.Max(0, Math.Min(rendering.QueueLimit, 16)),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            var mergePatience = rendering.QueueLimit <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Max(1, rendering.TimeoutMilliseconds * 6L));
            limiter.AddPolicy(BatchPolicy, _ => RateLimitPartition.Get(BatchPolicy, _ => new PatientLimiter(batchDoor, patience)));
            limiter.AddPolicy(MergePolicy, _ => RateLimitPartition.Get(MergePolicy, _ => new PatientLimiter(batchDoor, mergePatience)));
            limiter.OnRejected = (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.RequestServices.GetRequiredService<RenderMetrics>().Rejected(http, "overload");
                return http.RequestServices.GetRequiredService<OverloadProblem>().WriteAsync(http, cancellationToken);
            };
        });
        // Bodies that trickle in are cut off (408) instead of holding a slot; headers must arrive within their timeout.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(
                Math.Max(1, limits.MinBodyBytesPerSecond), TimeSpan.FromSeconds(Math.Max(2, limits.BodyGraceSeconds)));
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(Math.Max(1, limits.RequestHeadersTimeoutSeconds));
            // A body waiting for room in the body budget waits in the socket, not in the service: Kestrel reads ahead at
            // most this much per request.
            kestrel.Limits.MaxRequestBufferSize = RequestBufferBytes;
        });
        // The socket transport's input pipe has a limit of its own (1 MB by default), and it is the one that held
        // every queued 1 MB body whole in Kestrel's block pool: 276 MB for 256 connections, given back at about 1 %
        // in ten seconds, whose collections stalled health probes to their 5 s time-out.
        builder.WebHost.UseSockets(sockets => sockets.MaxReadBufferSize = RequestBufferBytes);

        // Structured JSON logs; nothing below logs payload values, and ASP.NET's file results (which log download names,
        // made of personal data) are kept quiet.
        // In Development the console is read by a person: plain lines. Elsewhere JSON, for the log collector.
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        else
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.UseUtcTimestamp = true;
            });
        // A failed start is reported by the service in one line (StartupFailure); the host's copy is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Result", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Mvc.Infrastructure", LogLevel.Warning);

        var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("formsservice", serviceVersion: ServiceVersion))
            .WithMetrics(m => m.AddMeter(RenderMetrics.MeterName).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                .AddView(RenderMetrics.RuntimeView).AddPrometheusExporter());
        // Traces only when an OTLP endpoint is configured: with no exporter, every request still built and recorded a
        // span that went nowhere.
        if (!string.IsNullOrWhiteSpace(otlp))
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.RecordException = false)
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
    }

    public static void UseFormsService(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (auth.ApiKeys.All(string.IsNullOrWhiteSpace))
            app.Logger.LogWarning("No API keys are configured (Auth:ApiKeys): the API is open to every caller.");
        else
            app.Logger.LogInformation("The API requires one of {Count} API keys in the {Header} header.", auth.ApiKeys.Count, AuthOptions.Header);

        app.Logger.LogInformation("glibc's mmap and trim thresholds at {Bytes} bytes: {Outcome}", MallocTuning.ThresholdBytes, MallocTuning.Process.Outcome);
        app.UseMiddleware<RequestActivityMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // HEAD is GET without the body, on every GET route (it answered 405 while health answered any method);
        // routing comes after it, so that the GET endpoint is the one found.
        app.UseMiddleware<HeadAsGetMiddleware>();
        app.UseRouting();
        // Before the API key and the limiter: a browser's preflight carries no key and renders nothing.
        app.UseCors();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RejectionMetricsMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseOutputCache();
        // Bodies are read before the limiter admits their request: a slow body holds a connection, never a slot.
        app.UseMiddleware<BodyFirstMiddleware>();
        app.UseRateLimiter();

        // The document generated clients are made from: ASP.NET's, completed from the catalogue (OpenApiContract).
        app.MapGet(OpenApiContract.Route, async (OpenApiContract contract) => Results.Text(await contract.JsonAsync(), "application/json", System.Text.Encoding.UTF8))
            .ExcludeFromDescription();
        DocsPage.Map(app);
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            // Ready means loaded: the engine was built (forms and fonts checked) before the service started listening.
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString(),
                version = ServiceVersion,
                engineDigest = context.RequestServices.GetRequiredService<EngineDigest>().Value,
                forms = context.RequestServices.GetRequiredService<FormsEngine>().Catalog.Forms.Count,
            }),
        });
        ClerkPageData.Map(app);
        // The designers' page: a static file, served at a clean address.
        app.MapGet("/designer", () => Results.File(Path.Combine(app.Environment.WebRootPath ?? "", "designer", "index.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
    }
}

/// <summary>"Today" in Kazakhstan (UTC+5), for picking the version in force; renderers never read a clock.</summary>
internal sealed class ServiceClock(TimeProvider time)
{
    private static readonly TimeSpan KazakhstanOffset = TimeSpan.FromHours(5);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(KazakhstanOffset).DateTime);
}
