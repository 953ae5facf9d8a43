using FormsService.Core.Engine.Payloads;
using Microsoft.Net.Http.Headers;

namespace FormsService.Api.Http;

/// <summary>
/// The language a reader asks problems in (<c>Accept-Language</c>): the first of Kazakh, Russian and English by the
/// header's preference (<c>ru-RU,ru;q=0.9</c> is Russian), else Kazakh, the clerks' language.
/// </summary>
internal static class RequestLanguage
{
    /// <summary>The language the header asks for, or null when it names none the service speaks (or is absent or malformed).</summary>
    public static string? Asked(HttpRequest request)
    {
        IList<StringWithQualityHeaderValue> ranges;
        try
        {
            ranges = request.GetTypedHeaders().AcceptLanguage;
        }
        catch (FormatException)
        {
            return null; // a malformed header asks for nothing
        }
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var tag = range.Value.Value ?? "";
            var primary = tag.Split('-')[0].ToLowerInvariant();
            if (MessageTable.Languages.Contains(primary))
                return primary;
        }
        return null;
    }
}
