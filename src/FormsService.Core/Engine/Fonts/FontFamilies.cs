namespace FormsService.Core.Engine.Fonts;

/// <summary>The family names a definition's <c>styles.font</c> may use: the one place they are read.</summary>
internal static class FontFamilies
{
    public static readonly IReadOnlyDictionary<string, FontFamilyKind> ByName = new Dictionary<string, FontFamilyKind>(StringComparer.Ordinal)
    {
        ["serif"] = FontFamilyKind.Serif,
        ["sans"] = FontFamilyKind.Sans,
    };

    public static FontFamilyKind Parse(string name) => ByName.TryGetValue(name, out var family)
        ? family
        : throw new ArgumentException($"Unknown font '{name}'; known: {string.Join(", ", ByName.Keys)}.");
}
