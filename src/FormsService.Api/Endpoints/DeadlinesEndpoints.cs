using System.Globalization;
using FormsService.Api.Http;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FormsService.Api.Endpoints;

/// <summary>The dates asked about (each null when not given) and the deadlines that follow from them.</summary>
internal sealed record DeadlinesAnswer(
    DateOnly? VerdictReceived,
    DateOnly? AkimatVerdictReceived,
    DateOnly? ProbationVerdictReceived,
    DateOnly? OrderReceived,
    DateOnly? TimeSheetReceived,
    string? Month,
    IReadOnlyList<Deadline> Deadlines);

/// <summary>The deadlines order No. 733 sets, computed from the days the documents were received, on Kazakhstan's calendar.</summary>
internal static class DeadlinesEndpoints
{
    private static readonly Message YearsMessage = Say.Of("years-between", ("min", 2000), ("max", 2100));

    public static void MapDeadlinesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deadlines", GetDeadlines)
            .WithTags("Deadlines")
            .WithName("GetDeadlines")
            .WithSummary("Deadlines computed from the days the verdict, the order and the time sheet were received, or for a month.")
            .WithDescription(
                "Give any of: `verdictReceived` (both the akimat and the probation service received the verdict that day), or " +
                "`akimatVerdictReceived` (the akimat's order, notice and first monthly report, rules 2 2), 2 3), 2-1 2)) and " +
                "`probationVerdictReceived` (the summons, rule 12 1)) separately; `orderReceived` (the probation service received " +
                "the akimat's notice and order: acquaintance within 5 working days, rule 12 3)); `timeSheetReceived` (it received " +
                "the time sheet, act and conduct report: preventive talk within 5 working days, rule 12 5)); `month=YYYY-MM` (the " +
                "akimat's monthly report, due on the month's last working day, rule 2-1 2)). Working days follow Kazakhstan's " +
                "calendar (weekends, public holidays, moved days off, the year's transfers). A deadline whose computation crosses " +
                "a year without a confirmed calendar file has `confirmed: false`. `who`, `what` and `basis` are in the language of " +
                "`Accept-Language` (kk, the default; ru; en); `whatEn` is always English.")
            .ProducesValidationProblem(422);
    }

    internal static Results<Ok<DeadlinesAnswer>, ProblemHttpResult> GetDeadlines(
        [FromQuery] string? verdictReceived, [FromQuery] string? akimatVerdictReceived, [FromQuery] string? probationVerdictReceived,
        [FromQuery] string? orderReceived, [FromQuery] string? timeSheetReceived, [FromQuery] string? month, HttpContext context, FormsEngine engine, DeadlineCalculator calculator)
    {
        var errors = new Dictionary<string, Message[]>(StringComparer.Ordinal);
        var both = Date(nameof(verdictReceived), verdictReceived, errors);
        var akimat = Date(nameof(akimatVerdictReceived), akimatVerdictReceived, errors);
        var probation = Date(nameof(probationVerdictReceived), probationVerdictReceived, errors);
        var order = Date(nameof(orderReceived), orderReceived, errors);
        var sheet = Date(nameof(timeSheetReceived), timeSheetReceived, errors);
        var first = Month(month, errors);
        if (both is not null && (akimat is not null || probation is not null))
            errors[nameof(verdictReceived)] = [Say.Of("deadlines-both")];
        if (errors.Count > 0)
            return Problems.Refused(context, errors);
        if (both is null && akimat is null && probation is null && order is null && sheet is null && first is null)
            return Problems.InvalidParameter(context, nameof(verdictReceived), Say.Of("deadlines-give-date"));

        var deadlines = calculator.For(new DeadlineDates
        {
            AkimatVerdictReceived = akimat ?? both,
            ProbationVerdictReceived = probation ?? both,
            OrderReceived = order,
            TimeSheetReceived = sheet,
            Month = first,
        });
        var language = ProblemWording.Answering(context).Language!;
        return TypedResults.Ok(new DeadlinesAnswer(both, akimat, probation, order, sheet,
            first?.ToString("yyyy-MM", CultureInfo.InvariantCulture), [.. deadlines.Select(d => In(d, engine.Messages, language))]));
    }

    /// <summary>
    /// A deadline's who, what and basis in <paramref name="language"/>, from the message tables (<c>deadline-{id}</c>,
    /// <c>deadline-basis-{id}</c>, <c>deadline-who-akimat</c> / <c>-probation</c>); the calculator's own words are Kazakh.
    /// </summary>
    internal static Deadline In(Deadline deadline, MessageTable table, string language) => deadline with
    {
        Who = table.Text(Say.Of(WhoCode(deadline)), language),
        What = table.Text(Say.Of($"deadline-{deadline.Id}"), language),
        Basis = table.Text(Say.Of($"deadline-basis-{deadline.Id}"), language),
    };

    /// <summary>Who acts: the akimat or the probation service, the first word of the deadline's id.</summary>
    internal static string WhoCode(Deadline deadline) => "deadline-who-" + deadline.Id.Split('-')[0];

    private static DateOnly? Date(string name, string? value, Dictionary<string, Message[]> errors)
    {
        if (value is null) return null;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors[name] = [Say.Date];
        else if (date.Year is < 2000 or > 2100)
            errors[name] = [YearsMessage];
        else
            return date;
        return null;
    }

    private static DateOnly? Month(string? value, Dictionary<string, Message[]> errors)
    {
        if (value is null) return null;
        if (!DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            errors["month"] = [Say.Of("month")];
        else if (first.Year is < 2000 or > 2100)
            errors["month"] = [YearsMessage];
        else
            return first;
        return null;
    }
}
