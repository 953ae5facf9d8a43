using System.Buffers;
using System.Text.Json;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FormsService.Api.Http;

/// <summary>Limits on what a request may carry (configuration section <c>Limits</c>).</summary>
internal sealed class RequestLimits
{
    /// <summary>Largest JSON body accepted, in bytes (default 1 MB).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Kestrel's minimum request body data rate: slower bodies are cut off with 408 (default 1,024 bytes/s)…</summary>
    public int MinBodyBytesPerSecond { get; set; } = 1024;

    /// <summary>…measured after this grace period (default 5 s; Kestrel needs more than 1 s).</summary>
    public int BodyGraceSeconds { get; set; } = 5;

    /// <summary>
    /// Memory the bodies read ahead of their render slot may hold together, in MB (default 64): a body waits in its
    /// socket for room as long as a request waits for a slot, then is refused with 503.
    /// </summary>
    public int BodyBudgetMb { get; set; } = 64;

    /// <summary>Time for the request line and headers to arrive (default 10 s; Kestrel's own is 30 s).</summary>
    public int RequestHeadersTimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// Reads a JSON request body: a body that is not JSON is 415, one over the limit 413, malformed JSON or a body that
/// is not an object 400. A body that breaks off — sent too slowly (408), shorter than its Content-Length, with broken
/// chunked framing, or abandoned by its client (400) — is the client's fault: a problem, a warning in the log without
/// a stack trace, never a 5xx. A UTF-8 byte order mark is skipped; text is normalised to NFC, so that a letter typed
/// as a base and a combining mark (И + U+0306) is checked, rendered and tagged as the one letter it is (Й).
/// </summary>
internal static class BodyReader
{
    public const int MaxDepth = 32;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limits = request.HttpContext.RequestServices.GetRequiredService<IOptions<RequestLimits>>().Value;
        if (!IsJson(request.ContentType))
            return (null, Problems.Coded(request.HttpContext, StatusCodes.Status415UnsupportedMediaType, "problem-unsupported-media",
                "Content-Type", Say.Of("send-json")));
        if (Charset(request.ContentType) is { } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            return (null, Problems.Coded(request.HttpContext, StatusCodes.Status415UnsupportedMediaType, "problem-unsupported-media",
                "Content-Type", Say.Of("body-charset", ("charset", charset))));
        if (request.ContentLength > limits.MaxBodyBytes)
            return (null, TooLarge(request.HttpContext, limits));

        var length = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limits.MaxBodyBytes + 1, (int)(request.ContentLength ?? 16 * 1024) + 1));
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limits.MaxBodyBytes) return (null, TooLarge(request.HttpContext, limits));
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(limits.MaxBodyBytes + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, buffer.Length - length), cancellationToken);
                if (read == 0) break;
                length += read;
                if (length > limits.MaxBodyBytes) return (null, TooLarge(request.HttpContext, limits));
            }
            var body = buffer.AsSpan(0, length);
            if (body.StartsWith(Utf8Bom)) body = body[Utf8Bom.Length..];
            // JsonDocument keeps reading the memory it was parsed from: parse a copy, never the pooled buffer.
            var document = JsonDocument.Parse(body.ToArray(), Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, Problems.BadJson(request.HttpContext, Say.Of("body-not-object")));
            }
            // One walk over the text: a lone surrogate (refused; its path is found only then) and text not yet composed.
            var composed = true;
            if (HasLoneSurrogate(document.RootElement, ref composed))
            {
                var path = InvalidTextPath(document.RootElement, "")!;
                document.Dispose();
                return (null, Problems.Invalid(request.HttpContext, new Dictionary<string, Message[]> { [path] = [Say.ControlCharacter] }, "problem-payload"));
            }
            return (composed ? document : Nfc.Composed(document, Options), null);
        }
        catch (JsonException ex)
        {
            // The parser's message says "depth" also for a body that merely ends early (an object left open): only
            // the text's own nesting tells the two apart.
            var message = NestsDeeperThanAllowed(buffer.AsSpan(0, length)) ? Say.Of("body-too-deep", ("max", MaxDepth))
                : ex.LineNumber is { } line ? Say.Of("body-not-json", ("line", line + 1), ("byte", ex.BytePositionInLine + 1))
                : Say.Of("body-not-json-here");
            return (null, Problems.BadJson(request.HttpContext, message));
        }
        catch (InvalidOperationException)
        {
            // Checking names for duplicates unescapes them: a name spelling a lone surrogate fails there.
            return (null, Problems.BadJson(request.HttpContext, Say.Of("body-lone-surrogate")));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(request.HttpContext, limits));
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's words say what broke (too slow, ended early, bad chunk); the stack trace says nothing more.
            Log(request).LogWarning("Request body unreadable ({Status}): {Reason} (request {RequestId})", ex.StatusCode, ex.Message, request.HttpContext.TraceIdentifier);
            return (null, Problems.Coded(request.HttpContext, ex.StatusCode,
                ex.StatusCode == StatusCodes.Status408RequestTimeout ? "problem-body-too-slow" : "problem-body-broken", Problems.Body,
                Say.Of("body-unreadable", ("reason", ex.Message))));
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            Log(request).LogWarning("Request body broke off: the client went away ({Reason}) (request {RequestId})", ex.GetType().Name, request.HttpContext.TraceIdentifier);
            return (null, Problems.Coded(request.HttpContext, StatusCodes.Status400BadRequest, "problem-body-broken", Problems.Body,
                Say.Of("body-ended")));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether objects and arrays in the text (outside strings) ever open more than <see cref="MaxDepth"/> deep.</summary>
    internal static bool NestsDeeperThanAllowed(ReadOnlySpan<byte> text)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (inString)
            {
                if (b == (byte)'\\') i++;
                else if (b == (byte)'"') inString = false;
                continue;
            }
            switch (b)
            {
                case (byte)'"': inString = true; break;
                case (byte)'{' or (byte)'[':
                    if (++depth > MaxDepth) return true;
                    break;
                case (byte)'}' or (byte)']': depth--; break;
            }
        }
        return false;
    }

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    private static ILogger Log(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BodyReader).FullName!);

    /// <summary>
    /// Whether a string or name anywhere spells a lone surrogate; clears <paramref name="composed"/> on the way when a
    /// text is not in NFC. Each text is read once; no path is built.
    /// </summary>
    private static bool HasLoneSurrogate(JsonElement element, ref bool composed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try { name = property.Name; }
                    catch (InvalidOperationException) { return true; }
                    if (HasLoneSurrogate(name) || HasLoneSurrogate(property.Value, ref composed)) return true;
                    composed = composed && Unicode.Composer.IsComposed(name);
                }
                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    if (HasLoneSurrogate(item, ref composed)) return true;
                return false;
            case JsonValueKind.String:
                string text;
                try { text = element.GetString()!; }
                catch (InvalidOperationException) { return true; }
                if (HasLoneSurrogate(text)) return true;
                composed = composed && Unicode.Composer.IsComposed(text);
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// JSON escapes can spell lone surrogates, which no text may hold: the path of the first such string or name
    /// (the name written with its escapes), refused before any rule reads it.
    /// </summary>
    private static string? InvalidTextPath(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try { name = property.Name; }
                    catch (InvalidOperationException) { return path.Length == 0 ? "\\ufffd" : $"{path}.\\ufffd"; }
                    var child = path.Length == 0 ? Escape(name) : $"{path}.{Escape(name)}";
                    if (HasLoneSurrogate(name)) return child;
                    if (InvalidTextPath(property.Value, child) is { } bad) return bad;
                }
                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    if (InvalidTextPath(item, $"{path}[{i++}]") is { } bad) return bad;
                return null;
            case JsonValueKind.String:
                try { return HasLoneSurrogate(element.GetString()!) ? path : null; }
                catch (InvalidOperationException) { return path; }
            default:
                return null;
        }
    }

    private static string Escape(string name) =>
        name.Length == 0 ? "['']" : string.Concat(name.Select(c => char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    private static ProblemHttpResult TooLarge(HttpContext context, RequestLimits limits) => Problems.Coded(context,
        StatusCodes.Status413PayloadTooLarge, "problem-too-large", Problems.Body, Say.Of("body-too-large", ("max", limits.MaxBodyBytes)));

    /// <summary>The charset a Content-Type names; JSON is UTF-8 (RFC 8259), and a body that says otherwise is refused, not guessed at.</summary>
    private static string? Charset(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) && media.Charset.HasValue
            ? media.Charset.Value!.Trim('"').Trim() : null;

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
