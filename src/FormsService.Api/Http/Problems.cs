using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormsService.Api.Http;

/// <summary>The service's problem responses, worded once.</summary>
internal static class Problems
{
    public const string DateMessage = "Күн ЖЖЖЖ-АА-КК пішімінде болуы керек / Must be a date as YYYY-MM-DD.";

    public static ProblemHttpResult NotFound(VersionLookup lookup) => lookup switch
    {
        VersionLookup.UnknownForm f => TypedResults.Problem(
            detail: $"There is no form '{f.FormId}'. GET /api/forms lists the forms.", statusCode: 404, title: "Unknown form"),
        VersionLookup.UnknownVersion v => TypedResults.Problem(
            detail: $"The form '{v.FormId}' has no version '{v.Version}'. GET /api/forms/{v.FormId} lists its versions.", statusCode: 404, title: "Unknown version"),
        VersionLookup.NoneInForce n => TypedResults.Problem(
            detail: $"No version of the form '{n.FormId}' is in force on {n.Date:yyyy-MM-dd}.", statusCode: 404, title: "No version in force"),
        _ => TypedResults.Problem(statusCode: 404),
    };

    public static ProblemHttpResult BadJson(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: 400, title: "Malformed JSON");

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, string title = "The payload breaks the form's rules") =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
        });

    /// <summary>A payload's broken rules in the reader's language (<see cref="RequestLanguage"/>), keyed by JSON path.</summary>
    public static ProblemHttpResult Invalid(HttpContext context, PayloadCheck check) =>
        Invalid(context, (check.Coded ?? check).Errors, "problem-payload");

    /// <summary>
    /// Errors whose messages may be codes (<see cref="Say"/>): worded in the reader's language, with a <c>codes</c>
    /// extension (path → the messages' codes) for clients that branch on them rather than on words.
    /// </summary>
    public static ProblemHttpResult Invalid(HttpContext context, IReadOnlyDictionary<string, string[]> errors, string titleCode)
    {
        var table = context.RequestServices.GetRequiredService<FormsEngine>().Messages;
        var language = RequestLanguage.Of(context.Request);
        context.Response.Headers.ContentLanguage = language;
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        var worded = errors.ToDictionary(e => e.Key, e => e.Value.Select(m => table.Text(m, language)).ToArray(), StringComparer.Ordinal);
        var codes = errors.ToDictionary(e => e.Key, e => e.Value.Select(MessageTable.CodeOf).OfType<string>().ToArray(), StringComparer.Ordinal)
            .Where(e => e.Value.Length > 0).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var problem = new HttpValidationProblemDetails(worded)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = table.Text(Say.Of(titleCode), language),
        };
        if (codes.Count > 0)
            problem.Extensions["codes"] = codes;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult InvalidParameter(string name, string message) =>
        Invalid(new Dictionary<string, string[]> { [name] = [message] }, "Invalid request parameter");

    /// <summary>A request parameter's problem (a coded message) in the reader's language.</summary>
    public static ProblemHttpResult InvalidParameter(HttpContext context, string name, string message) =>
        Invalid(context, new Dictionary<string, string[]> { [name] = [message] }, "problem-parameter");

    public static ProblemHttpResult NotAcceptable(IEnumerable<string> offered) => TypedResults.Problem(
        detail: $"This form renders to {string.Join(", ", offered)}.", statusCode: 406, title: "Format not available");
}
