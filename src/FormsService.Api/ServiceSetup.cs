using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FormsService.Core;
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
    public static void AddFormsService(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("FormsService").Get<FormsServiceOptions>() ?? new FormsServiceOptions();
        // Fail fast: every definition and font is loaded and checked before the service listens.
        var engine = FormsEngine.Load(options.FormsPath, options.FontsPath);
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ServiceClock>();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
    }

    public static void UseFormsService(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs");
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready");
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
