using System.Globalization;
using System.Security.Cryptography;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Payloads;
using FormsService.Api.Operations;
using Microsoft.Net.Http.Headers;

namespace FormsService.Api.Http;

/// <summary>Resolving what a render request asks for: which version, which format, and its ETag.</summary>
internal static class RenderRequest
{
    public const string VersionHeader = "X-Form-Version";
    public const string WarningsHeader = "X-Form-Warnings";

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
                return (null, Problems.InvalidParameter(request.HttpContext, "format", Offered(definition)));
            return (f, null);
        }
        // A problem type in Accept names how errors may come (generated clients list it first), not the document's
        // format: it takes no part in the choice, and Accept with nothing else is no choice at all.
        var accept = request.GetTypedHeaders().Accept?
            .Where(a => !a.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase)).ToList();
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
        return (null, Problems.NotAcceptable(request.HttpContext, definition.Formats));
    }

    /// <summary>The coded message naming the formats a form renders to.</summary>
    public static Message Offered(FormDefinition definition) => Say.Of("format-offered", ("formats", string.Join(", ", definition.Formats)));

    /// <summary>
    /// A strong ETag from everything the bytes depend on — the request and the engine's digest (code, definitions,
    /// fonts) and the document's language: output is deterministic, so equal inputs, equal bytes. The request is its
    /// normalised form, the record the check bound (spacing, member order and 120.0 for 120 make no other tag), read
    /// in place into the hash (<see cref="ViewHash"/>), not written out again.
    /// </summary>
    /// <param name="record">The bound record (<see cref="Core.Engine.Payloads.PayloadCheck.Record"/>), or null for a blank.</param>
    public static EntityTagHeaderValue ETag(EngineDigest digest, FormVersion version, string format, object? record, string? extra = null)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var hash = new ViewHash(sha))
        {
            foreach (var part in (ReadOnlySpan<string?>)[version.FormId, version.Version, version.Language, format, digest.Value, extra])
                hash.Text(part ?? "");
            hash.Add(ViewNode.Of(record));
        }
        Span<byte> value = stackalloc byte[SHA256.HashSizeInBytes];
        sha.GetHashAndReset(value);
        return new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(value[..16]) + "\"");
    }

    /// <summary>
    /// Sets the version, digest and ETag headers of what the request would get, and weighs <c>If-None-Match</c>:
    /// a tag the client holds → 304 and nothing is rendered. <c>*</c> asks for the document only if none exists; one
    /// always does, so on a GET that is 304 and on a POST 412 (RFC 9110, 13.1.2).
    /// </summary>
    public static IResult? Preconditions(HttpContext context, EngineDigest digest, FormVersion version, EntityTagHeaderValue etag)
    {
        context.Response.Headers[VersionHeader] = version.Version;
        context.Response.Headers[EngineDigest.Header] = digest.Value;
        context.Response.GetTypedHeaders().ETag = etag;
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch is not { Count: > 0 }) return null;
        var safe = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any)))
            return safe ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : Problems.Coded(context, StatusCodes.Status412PreconditionFailed, "problem-precondition", HeaderNames.IfNoneMatch, Say.Of("if-none-match-any"));
        return ifNoneMatch.Any(t => t.Compare(etag, useStrongComparison: true)) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : null;
    }
}
