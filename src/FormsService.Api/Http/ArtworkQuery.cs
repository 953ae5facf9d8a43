using System.Text;
using System.Text.Json;
using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;

namespace FormsService.Api.Http;

/// <summary>
/// An artwork's parameters from the query string. Names are matched one way, ignoring case, as the output cache and
/// ASP.NET's own binding match them: <c>DPI=100</c> and <c>dpi=100</c> are one request, whatever the cache holds
/// (it once answered 422 cold and 200 once <c>dpi=100</c> was cached). Values are normalised to NFC like bodies.
/// </summary>
internal static class ArtworkQuery
{
    public const int DefaultDpi = 150;

    public static IEnumerable<KeyValuePair<string, string?>> Parameters(IQueryCollection query, FormVersion version, IReadOnlySet<string> own)
    {
        var names = version.Module.Paths.Where(p => !p.Contains('.')).ToDictionary(p => p, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in query.OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (own.Contains(key)) continue;
            var text = value.ToString();
            yield return new(names.GetValueOrDefault(key, key), text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC));
        }
    }

    /// <summary>A raster artwork costs its surface at the dpi its parameters ask for.</summary>
    public static long Cost(string format, JsonElement payload)
    {
        if (format != OutputFormats.Png) return RenderCost.DocumentBytes;
        var dpi = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("dpi", out var d) && d.TryGetDouble(out var n) && n is > 0 and <= 10_000
            ? (int)Math.Ceiling(n) : DefaultDpi;
        return RenderCost.Raster(dpi);
    }
}
