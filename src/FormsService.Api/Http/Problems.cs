using System.Globalization;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FormsService.Api.Http;

/// <summary>
/// The service's problem responses, worded once: every message is a value (<see cref="Message"/>) worded from the message
/// tables in the reader's language (<see cref="RequestLanguage"/>), its code in the problem's <c>codes</c> extension.
/// </summary>
internal static class Problems
{
    /// <summary>What a problem is about when it is no one field or parameter: the body, or the request as a whole (the text guard's root path).</summary>
    public const string Body = "$";

    public static ProblemHttpResult NotFound(HttpContext context, VersionLookup lookup) => lookup switch
    {
        VersionLookup.UnknownForm => Coded(context, 404, "problem-unknown-form", "formId", NotFoundMessage(lookup)),
        VersionLookup.UnknownVersion => Coded(context, 404, "problem-unknown-version", "version", NotFoundMessage(lookup)),
        _ => Coded(context, 404, "problem-none-in-force", "asOf", NotFoundMessage(lookup)),
    };

    /// <summary>Why a lookup found no version, as a coded message.</summary>
    public static Message NotFoundMessage(VersionLookup lookup) => lookup switch
    {
        VersionLookup.UnknownForm f => Say.Of("unknown-form", ("formId", f.FormId)),
        VersionLookup.UnknownVersion v => Say.Of("unknown-version", ("formId", v.FormId), ("version", v.Version)),
        VersionLookup.NoneInForce n => Say.Of("none-in-force", ("formId", n.FormId), ("date", n.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        _ => throw new ArgumentOutOfRangeException(nameof(lookup), lookup, "a lookup that found its version is no problem"),
    };

    public static ProblemHttpResult BadJson(HttpContext context, Message message) => Coded(context, 400, "problem-malformed-json", Body, message);

    /// <summary>A payload's broken rules in the reader's language (<see cref="RequestLanguage"/>), keyed by JSON path.</summary>
    public static ProblemHttpResult Invalid(HttpContext context, PayloadCheck check) =>
        Invalid(context, check.Errors, "problem-payload");

    /// <summary>
    /// A payload's errors whose messages may be codes (<see cref="Say"/>): worded in the reader's language (Kazakh when
    /// none is asked), with a <c>codes</c> extension (path → the messages' codes) for clients that branch on them rather
    /// than on words.
    /// </summary>
    public static ProblemHttpResult Invalid(HttpContext context, IReadOnlyDictionary<string, Message[]> errors, string titleCode) =>
        Unprocessable(ProblemWording.Of(context, bilingualWhenUnasked: false).SayLanguage(context), errors, titleCode);

    /// <summary>
    /// The request's own errors outside a payload's rules (query parameters, batch items, spreadsheet headers), keyed
    /// by parameter, item path or cell: worded like a payload's, but Kazakh / English when no language is asked.
    /// </summary>
    public static ProblemHttpResult Refused(HttpContext context, IReadOnlyDictionary<string, Message[]> errors, string titleCode = "problem-parameter") =>
        Unprocessable(ProblemWording.Of(context, bilingualWhenUnasked: true).SayLanguage(context), errors, titleCode);

    /// <summary>A request parameter's problem (a coded message) in the reader's language.</summary>
    public static ProblemHttpResult InvalidParameter(HttpContext context, string name, Message message) =>
        Refused(context, new Dictionary<string, Message[]> { [name] = [message] });

    /// <summary>
    /// A problem without an error list (404, 400, 413, …): its title and detail from codes, and the detail's code in
    /// <c>codes</c> under what it is about (<paramref name="at"/>: a parameter, a header, or <see cref="Body"/>).
    /// </summary>
    public static ProblemHttpResult Coded(HttpContext context, int status, string titleCode, string at, Message detail)
    {
        var wording = ProblemWording.Of(context, bilingualWhenUnasked: true).SayLanguage(context);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = wording.Text(Say.Of(titleCode)),
            Detail = wording.Text(detail),
        };
        if (detail.Code is { } code)
            problem.Extensions["codes"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [at] = [code] };
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult Unprocessable(ProblemWording wording, IReadOnlyDictionary<string, Message[]> errors, string titleCode)
    {
        var problem = new HttpValidationProblemDetails(wording.Words(errors))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = wording.Text(Say.Of(titleCode)),
        };
        if (ProblemWording.Codes(errors) is { } codes)
            problem.Extensions["codes"] = codes;
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// Problems the framework writes itself (no such route, a method or media type the route does not take, an
    /// unhandled exception): titled by their status in the reader's language, coded <c>status-{n}</c> under
    /// <see cref="Body"/>. The service's own problems carry their codes already and are left as they are.
    /// </summary>
    public static void WordFrameworkProblem(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var code = $"status-{problem.Status}";
        var table = context.HttpContext.RequestServices.GetRequiredService<FormsEngine>().Messages;
        if (problem.Extensions.ContainsKey("codes") || !table.Knows(code))
            return;
        var wording = ProblemWording.Of(context.HttpContext, bilingualWhenUnasked: true).SayLanguage(context.HttpContext);
        problem.Title = wording.Text(Say.Of(code));
        problem.Detail = problem.Status == StatusCodes.Status415UnsupportedMediaType ? wording.Text(Say.Of("send-json")) : null;
        problem.Extensions["codes"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [Body] = [code] };
    }

    public static ProblemHttpResult NotAcceptable(HttpContext context, IEnumerable<string> offered) =>
        Coded(context, 406, "problem-not-acceptable", HeaderNames.Accept, Say.Of("format-offered", ("formats", string.Join(", ", offered))));
}

/// <summary>
/// The language a problem is worded in: the one the request asks for, else Kazakh (a payload's rules) or Kazakh, then
/// English after a slash (the request plumbing, whose integrators read the English half). The words vary with
/// <c>Accept-Language</c> (<c>Vary</c>); a problem also says its language in <c>Content-Language</c>, which a
/// document whose manifest alone is worded (a batch's ZIP, a merge's PDF) must not.
/// </summary>
internal sealed class ProblemWording
{
    private readonly MessageTable _table;
    private readonly string? _language;

    private ProblemWording(MessageTable table, string? language)
    {
        _table = table;
        _language = language;
    }

    public static ProblemWording Of(HttpContext context, bool bilingualWhenUnasked)
    {
        var table = context.RequestServices.GetRequiredService<FormsEngine>().Messages;
        var language = RequestLanguage.Asked(context.Request) ?? (bilingualWhenUnasked ? null : MessageTable.Default);
        if (!context.Response.Headers.Vary.Any(v => v?.Contains(HeaderNames.AcceptLanguage, StringComparison.OrdinalIgnoreCase) == true))
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        return new ProblemWording(table, language);
    }

    /// <summary>
    /// The wording of an answer that is not a problem (a check's warnings, the deadlines): the language asked for,
    /// else Kazakh, said in <c>Content-Language</c>.
    /// </summary>
    public static ProblemWording Answering(HttpContext context) => Of(context, bilingualWhenUnasked: false).SayLanguage(context);

    /// <summary>Says in <c>Content-Language</c> what the answer about to be written is worded in.</summary>
    public ProblemWording SayLanguage(HttpContext context)
    {
        context.Response.Headers.ContentLanguage = _language ?? $"{MessageTable.Default}, en";
        return this;
    }

    /// <summary>The language asked for; null when the words are Kazakh / English.</summary>
    public string? Language => _language;

    public string Text(Message message) => _language is null ? _table.Bilingual(message) : _table.Text(message, _language);

    /// <summary>A check's warnings worded for this reader.</summary>
    public IReadOnlyList<Warning> Warnings(PayloadCheck check) =>
        check.Warnings.Count == 0 ? [] : check.Warnings.Select(w => new Warning(w.Code, w.Path, Text(w.Message))).ToList();

    /// <summary>Errors by path, each message worded.</summary>
    public Dictionary<string, string[]> Words(IReadOnlyDictionary<string, Message[]> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(Text).ToArray(), StringComparer.Ordinal);

    /// <summary>Path → the codes of its coded messages; null when none is coded.</summary>
    public static Dictionary<string, string[]>? Codes(IReadOnlyDictionary<string, Message[]> errors)
    {
        var codes = errors.Select(e => (e.Key, Codes: e.Value.Select(m => m.Code).OfType<string>().ToArray()))
            .Where(e => e.Codes.Length > 0).ToDictionary(e => e.Key, e => e.Codes, StringComparer.Ordinal);
        return codes.Count > 0 ? codes : null;
    }
}

/// <summary>A warning as a reader gets it: its code, the JSON path it is about, and its message worded for that reader.</summary>
internal sealed record Warning(string Code, string Path, string Message);
