using FormsService.Core.Engine.Catalog;
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
            Detail = "See 'errors': each key is the JSON path of a field.",
        });

    public static ProblemHttpResult InvalidParameter(string name, string message) =>
        Invalid(new Dictionary<string, string[]> { [name] = [message] }, "Invalid request parameter");

    public static ProblemHttpResult NotAcceptable(IEnumerable<string> offered) => TypedResults.Problem(
        detail: $"This form renders to {string.Join(", ", offered)}.", statusCode: 406, title: "Format not available");
}
