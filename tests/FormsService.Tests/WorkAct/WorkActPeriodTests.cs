using System.Net;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.WorkAct;

/// <summary>
/// The act certifies only work done: its period ends on its date at the latest (an open period stops there, an
/// explicit later end is refused), a single day reads in the locative, and the sentence's punctuation and citation
/// read right.
/// </summary>
public sealed class WorkActPeriodTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string With(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Repo.Example("work-act"))!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private async Task<string> Pdf(string payload)
    {
        var response = await _client.PostJson("/api/forms/work-act/render?format=pdf", payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return DocumentText.Pdf(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_act_of_28_November_covers_1_to_28_November()
    {
        var text = await Pdf(With(_ => { }));
        DocumentText.AssertContainsAll(text,
        [
            "Қоғамдық жұмыстарға тартуға сотталған Сейтқалиев Нұрлан Ерболұлы, 1990 жылы туған, тұрғылықты жері: Алматы қ., Әуезов ауданы, Абай даңғылы 150, 12-пәтер, 2025 жылғы 1–28 қараша аралығында Әуезов ауданының «Ботаникалық» саябағы объектісінде (жауапты ұйым: «Әуезов Абаттандыру» ЖШС) мынадай жұмыстарды орындады:",
            "Кезеңде барлығы 48 сағат қоғамдық жұмыс орындалды. Акт Жазалаудың осы түріне сотталған адамдардың қоғамдық жұмыстарды орындауын ұйымдастыру қағидаларының 2-1-тармағының 2) тармақшасына сәйкес пробация қызметіне жіберіледі.",
        ]);
        Assert.DoesNotContain("1–30 қараша", text);
        Assert.DoesNotContain("жауапты ұйымның бақылауымен", text);
    }

    [Fact]
    public async Task A_one_day_period_reads_in_the_locative()
    {
        var text = await Pdf(With(p =>
        {
            p["act"]!["date"] = "2025-11-05";
            p["from"] = "2025-11-05";
            p["to"] = "2025-11-05";
            p["works"] = new JsonArray(new JsonObject { ["date"] = "2025-11-05", ["description"] = "Саябақ аллеяларын тазалау", ["hours"] = 4 });
        }));
        Assert.Contains("2025 жылғы 5 қарашада Әуезов ауданының", text);
        Assert.DoesNotContain("аралығында", text);
    }

    [Theory]
    [InlineData("kk", "Кезең акт жасалған күннен (28.11.2025) кейін аяқталмауы керек: акт тек орындалған жұмысты куәландырады")]
    [InlineData("ru", "Период не может заканчиваться позже даты акта (28.11.2025): акт удостоверяет только выполненную работу")]
    [InlineData("en", "The period must not end after the act's date (2025-11-28): the act certifies work done only.")]
    public async Task A_period_that_ends_after_the_act_s_date_is_refused(string language, string message)
    {
        var response = await _client.PostJson("/api/forms/work-act/validate", With(p => p["to"] = "2025-11-30"), language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("to")[0].GetString());
        Assert.Equal("period-after-act", problem.GetProperty("codes").GetProperty("to")[0].GetString());
    }

    [Fact]
    public async Task An_act_dated_after_the_month_covers_the_whole_month()
    {
        var text = await Pdf(With(p => p["act"]!["date"] = "2025-12-01"));
        Assert.Contains("2025 жылғы 1–30 қараша аралығында", text);
    }
}
