using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Api.Http;

/// <summary>
/// The language a document is asked for in (<c>language=</c>, a batch item's <c>language</c>): the version's variant in
/// it, or why there is none — an unknown value, or a language the version does not offer (the official forms, whose
/// official Russian text the service does not have), which is refused rather than answered in Kazakh.
/// </summary>
internal static class DocumentLanguage
{
    public const string Parameter = "language";

    /// <summary>The variant of <paramref name="version"/> in <paramref name="language"/> (none: the default), or a coded message why not.</summary>
    public static (FormVersion? Variant, Message? Problem) Select(FormVersion version, string? language)
    {
        if (string.IsNullOrEmpty(language))
            return (version.In(FormCatalog.DefaultLanguage) ?? version.Default, null);
        var asked = language.Trim().ToLowerInvariant();
        if (!FormCatalog.DocumentLanguages.Contains(asked))
            return (null, Say.Of("one-of", ("values", string.Join(", ", FormCatalog.DocumentLanguages))));
        return version.In(asked) is { } variant
            ? (variant, null)
            : (null, Say.Of("language-not-available", ("formId", version.FormId)));
    }
}
