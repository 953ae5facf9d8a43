using System.Security.Cryptography;
using System.Text;
using FormsService.Api.Http;
using FormsService.Core.Engine.Payloads;
using Microsoft.Extensions.Options;

namespace FormsService.Api.Operations;

/// <summary>API keys (configuration <c>Auth:ApiKeys</c>, e.g. environment <c>Auth__ApiKeys__0</c>).</summary>
internal sealed class AuthOptions
{
    public const string Header = "X-Api-Key";
    public List<string> ApiKeys { get; set; } = [];
}

/// <summary>
/// When keys are configured, every <c>/api/*</c> route needs one in <c>X-Api-Key</c>; health, metrics, docs and the
/// pages stay open. Keys are compared as hashes in constant time.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<AuthOptions> options, RenderMetrics metrics)
{
    private readonly byte[][] _keys = options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k))
        .Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k.Trim()))).ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        if (_keys.Length == 0 || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        var presented = context.Request.Headers[AuthOptions.Header].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            metrics.Rejected(context, "unauthorized");
            // RFC 9110: a 401 says how to authenticate. No registered scheme names a key in a header; this one says which.
            context.Response.Headers.WWWAuthenticate = Endpoints.OpenApiDeclarations.Challenge;
            await Problem(context, StatusCodes.Status401Unauthorized, "problem-api-key-required", Say.Of("api-key-required", ("header", AuthOptions.Header)));
            return;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim()));
        var match = false;
        foreach (var key in _keys)
            match |= CryptographicOperations.FixedTimeEquals(hash, key);
        if (!match)
        {
            metrics.Rejected(context, "forbidden");
            await Problem(context, StatusCodes.Status403Forbidden, "problem-api-key-refused", Say.Of("api-key-refused", ("header", AuthOptions.Header)));
            return;
        }
        await next(context);
    }

    private static Task Problem(HttpContext context, int status, string titleCode, Message detail) =>
        Problems.Coded(context, status, titleCode, AuthOptions.Header, detail).ExecuteAsync(context);
}
