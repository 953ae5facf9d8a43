using FormsService.Core.Engine.Catalog;

namespace FormsService.Api.Http;

/// <summary>
/// An artwork's parameters from the query string. Names are matched one way, ignoring case, as the output cache and
/// ASP.NET's own binding match them: <c>DPI=100</c> and <c>dpi=100</c> are one request, whatever the cache holds
/// (it once answered 422 cold and 200 once <c>dpi=100</c> was cached). Values are normalised to NFC like bodies.
/// </summary>
internal static class ArtworkQuery
{
    public static IEnumerable<KeyValuePair<string, string?>> Parameters(IQueryCollection query, FormVersion version, IReadOnlySet<string> own)
    {
        var names = version.Module.Paths.Where(p => !p.Contains('.')).ToDictionary(p => p, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in query.OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (own.Contains(key)) continue;
            var text = value.ToString();
            yield return new(names.GetValueOrDefault(key, key), Unicode.Composer.Compose(text));
        }
    }
}
