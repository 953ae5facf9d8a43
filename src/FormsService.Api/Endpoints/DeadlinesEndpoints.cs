using FormsService.Api.Http;
using FormsService.Core.Engine;
using FormsService.Core.Forms.Order733.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FormsService.Api.Endpoints;

public sealed record DeadlinesAnswer(DateOnly VerdictReceived, IReadOnlyList<Deadline> Deadlines);

/// <summary>The deadlines order No. 733 sets, computed from the day a verdict was received, on Kazakhstan's calendar.</summary>
public static class DeadlinesEndpoints
{
    public static void MapDeadlinesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deadlines", GetDeadlines)
            .WithTags("Deadlines")
            .WithName("GetDeadlines")
            .WithSummary("Deadlines computed from the day the verdict was received.")
            .WithDescription("Working days follow Kazakhstan's calendar (weekends, public holidays, moved days off, the year's transfers). A deadline whose computation crosses a year without a confirmed calendar file has `confirmed: false`.")
            .ProducesValidationProblem(422);
    }

    internal static Results<Ok<DeadlinesAnswer>, ProblemHttpResult> GetDeadlines([FromQuery] string? verdictReceived, FormsEngine engine)
    {
        if (string.IsNullOrEmpty(verdictReceived) || !RenderRequest.TryParseAsOf(verdictReceived, out var date) || date is null)
            return Problems.InvalidParameter("verdictReceived", "Күн ЖЖЖЖ-АА-КК пішімінде болуы керек / Must be a date as YYYY-MM-DD.");
        if (date.Value.Year is < 2000 or > 2100)
            return Problems.InvalidParameter("verdictReceived", "2000–2100 жылдар аралығында болуы керек / Must be between 2000 and 2100.");
        return TypedResults.Ok(new DeadlinesAnswer(date.Value, engine.DeadlinesFrom(date.Value)));
    }
}
