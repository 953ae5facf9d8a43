using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using Microsoft.Net.Http.Headers;

namespace FormsService.Api.Http;

/// <summary>Resolving what a render request asks for: which version, which format, and its ETag.</summary>
internal static class RenderRequest
{
    public const string VersionHeader = "X-Form-Version";

    public static readonly string EngineVersion =
        typeof(FormsEngine).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>Parses <c>asOf</c>; an invalid date is reported under its name.</summary>
    public static bool TryParseAsOf(string? asOf, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(asOf)) return true;
        if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return false;
        date = d;
        return true;
    }

    /// <summary>
    /// The format from <c>format=</c>, else from <c>Accept</c>, else the form's first format.
    /// Returns an error result when the request names a format the form does not offer.
    /// </summary>
    public static (string? Format, IResult? Error) ResolveFormat(HttpRequest request, string? format, FormDefinition definition)
    {
        if (!string.IsNullOrEmpty(format))
        {
            var f = format.Trim().ToLowerInvariant();
            if (!definition.Formats.Contains(f))
                return (null, Problems.InvalidParameter("format",
                    $"Бұл нысан тек {string.Join(", ", definition.Formats)} пішімінде / This form renders to {string.Join(", ", definition.Formats)}."));
            return (f, null);
        }
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0)
            return (definition.Formats[0], null);
        foreach (var media in accept.OrderByDescending(a => a.Quality ?? 1.0))
        {
            if (media.Quality == 0) continue;
            if (media.MatchesAllTypes || media.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
                return (definition.Formats[0], null);
            foreach (var f in definition.Formats)
                if (media.MediaType.Equals(OutputFormats.MediaTypes[f], StringComparison.OrdinalIgnoreCase)
                    || (media.MediaType.Equals("image/*", StringComparison.OrdinalIgnoreCase) && f is OutputFormats.Png or OutputFormats.Svg))
                    return (f, null);
        }
        return (null, Problems.NotAcceptable(definition.Formats));
    }

    /// <summary>A strong ETag from everything the bytes depend on: output is deterministic, so equal inputs, equal bytes.</summary>
    public static EntityTagHeaderValue ETag(FormVersion version, string format, JsonElement? payload, string? extra = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{version.FormId}\n{version.Version}\n{format}\n{EngineVersion}\n{extra}\n"));
        if (payload is { } p)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
                p.WriteTo(writer);
            hash.AppendData(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        return new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(hash.GetHashAndReset())[..32] + "\"");
    }

    /// <summary>
    /// Sets the version header and the ETag of what the request would get; true when the client already has it
    /// (<c>If-None-Match</c>), so the answer is 304 and nothing is rendered.
    /// </summary>
    public static bool NotModified(HttpContext context, FormVersion version, EntityTagHeaderValue etag)
    {
        context.Response.Headers[VersionHeader] = version.Version;
        context.Response.GetTypedHeaders().ETag = etag;
        return Matches(context.Request, etag);
    }

    public static bool Matches(HttpRequest request, EntityTagHeaderValue etag)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch is { Count: > 0 } && ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: true));
    }
}
