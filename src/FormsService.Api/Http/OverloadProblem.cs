using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace FormsService.Api.Http;

/// <summary>
/// The refusal under overload (503), written once per language at start-up: it is sent thousands of times a second
/// in a storm, before the request's body is read. Worded like every other problem of the request plumbing: in the
/// language <c>Accept-Language</c> asks for, Kazakh / English when none.
/// </summary>
internal sealed class OverloadProblem
{
    private const string Bilingual = "";
    private readonly Dictionary<string, byte[]> _bodies = new(StringComparer.Ordinal);

    public OverloadProblem(MessageTable table)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        foreach (var language in MessageTable.Languages.Append(Bilingual))
        {
            string Word(Message message) => language == Bilingual ? table.Bilingual(message) : table.Text(message, language);
            _bodies[language] = JsonSerializer.SerializeToUtf8Bytes(new ProblemDetails
            {
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                Title = Word(Say.Of("problem-busy")),
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = Word(Say.Of("overloaded")),
                Extensions = { ["codes"] = new Dictionary<string, string[]> { [Problems.Body] = ["overloaded"] } },
            }, options);
        }
    }

    public ValueTask WriteAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Asked(http.Request);
        var body = _bodies[language ?? Bilingual];
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "1";
        http.Response.ContentType = "application/problem+json";
        http.Response.Headers.ContentLanguage = language ?? $"{MessageTable.Default}, en";
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        http.Response.ContentLength = body.Length;
        return new ValueTask(http.Response.Body.WriteAsync(body, cancellationToken).AsTask());
    }
}
