using FormsService.Core.Engine;

namespace FormsService.Api.Endpoints;

/// <summary>
/// What the clerks' page needs beside the API: each version's names and legal basis in other languages (translations
/// made here, not the law's text), by form id and version. A page resource, not part of the API contract.
/// </summary>
internal static class ClerkPageData
{
    public const string TranslationsRoute = "/app/translations.json";

    public static void Map(WebApplication app) =>
        app.MapGet(TranslationsRoute, (FormsEngine engine) => Results.Json(engine.Catalog.Forms.ToDictionary(
                f => f.FormId,
                f => f.Versions.ToDictionary(v => v.Version, v => v.Definition.Translations))))
            .ExcludeFromDescription();
}
