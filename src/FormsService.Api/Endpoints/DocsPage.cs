using Scalar.AspNetCore;

namespace FormsService.Api.Endpoints;

/// <summary>
/// The API reference at <c>/docs</c> (Scalar) as a page of this service: its language, its name, a way back to the
/// clerks' and designers' pages, and none of Scalar's hosted-service offers (AI chat, MCP, the .NET deploy button,
/// telemetry, fonts from a CDN the page's policy would block anyway).
/// </summary>
internal static class DocsPage
{
    public const string Title = "FormsService — API";

    /// <summary>A bar above the reference; inline styles, since Scalar's sheet does not know it.</summary>
    private const string Header =
        "<nav class=\"fs-docs-nav\" aria-label=\"FormsService\" style=\"display:flex;gap:1.25rem;align-items:center;padding:0.5rem 1rem;" +
        "background:#0f2f52;font:15px/1.4 system-ui,sans-serif\">" +
        "<strong style=\"color:#fff\">FormsService</strong>" +
        "<a href=\"/\" style=\"color:#fff\">Clerks' page (Нысандар)</a>" +
        "<a href=\"/designer\" style=\"color:#fff\">Vest designer (Кеудеше дизайнері)</a>" +
        "</nav>";

    /// <summary>The reference is in English; Scalar's template names no language, so the page says it before Scalar runs.</summary>
    private const string Head = "<script>document.documentElement.lang = 'en';</script>";

    /// <summary>
    /// Scalar's muted greys and code colours fail WCAG AA (4.5:1): darker greys, code in its panel's text colour; and
    /// its "Powered by" link to the hosted service goes.
    /// </summary>
    private const string Css =
        ".light-mode { --scalar-color-2: #555555 !important; --scalar-color-3: #595959 !important; }\n" +
        ".dark-mode { --scalar-color-2: #c8c8c8 !important; --scalar-color-3: #b8b8b8 !important; }\n" +
        "a[href^='https://scalar.com'] { display: none !important; }\n" +
        // Code samples: highlight.js's token colours fall under 4.5:1 on Scalar's panels; tokens take the text colour
        // of their panel (which passes), keywords stay bold.
        ".scalar-app [class*='hljs-'] { color: inherit !important; }\n" +
        ".scalar-app .hljs-keyword, .scalar-app .hljs-literal { font-weight: 600; }\n";

    public static void Map(WebApplication app) =>
        app.MapScalarApiReference("/docs", o =>
        {
            o.WithTitle(Title).WithOpenApiRoutePattern("/openapi/{documentName}.json");
            o.DotNetFlag = false;
            o.HeaderContent = Header;
            o.HeadContent = Head;
            o.CustomCss = Css;
            o.DisableAgent().DisableMcp().DisableTelemetry().DisableDefaultFonts().HideDeveloperTools().HideClientButton();
        });
}
