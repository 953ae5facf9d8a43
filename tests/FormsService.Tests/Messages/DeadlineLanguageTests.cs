using System.Net;
using System.Text.Json;
using FormsService.Api.Endpoints;
using FormsService.Core.Engine;
using FormsService.Core.Forms.Order733.Calendar;
using FormsService.Tests.Support;

namespace FormsService.Tests.Messages;

/// <summary>
/// <c>/api/deadlines</c> says who does what by which rule in the reader's language, from the message tables
/// (<c>deadline-{id}</c>, <c>deadline-basis-{id}</c>, <c>deadline-who-…</c>); <c>whatEn</c> stays English.
/// </summary>
public sealed class DeadlineLanguageTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private const string EveryDate = "akimatVerdictReceived=2025-10-16&probationVerdictReceived=2025-10-20&orderReceived=2025-10-24&timeSheetReceived=2025-10-31&month=2025-11";

    private async Task<(HttpResponseMessage Response, Dictionary<string, JsonElement> Deadlines)> Get(string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/deadlines?" + EveryDate);
        if (language is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response, json.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task In_russian_the_order_s_deadline_is_told_in_russian()
    {
        var (response, deadlines) = await Get("ru");
        var order = deadlines["akimat-order"];
        Assert.Equal("Местный исполнительный орган", order.GetProperty("who").GetString());
        Assert.Equal("Издать распоряжение об организации выполнения общественных работ (5 рабочих дней)", order.GetProperty("what").GetString());
        Assert.Equal("Подпункт 2) пункта 2 Правил организации выполнения общественных работ лицами, осуждёнными к этому виду наказания (перевод сервиса)", order.GetProperty("basis").GetString());
        Assert.Equal("Issue the order organising the community service (5 working days)", order.GetProperty("whatEn").GetString());
        Assert.Equal("2025-10-23", order.GetProperty("due").GetString());
        Assert.Equal("ru", response.Content.Headers.ContentLanguage.Single());
        Assert.Equal("Служба пробации", deadlines["probation-summons"].GetProperty("who").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kk")]
    public async Task In_kazakh_as_by_default_the_deadlines_are_the_calculator_s_own_words(string? language)
    {
        var (response, deadlines) = await Get(language);
        using var composed = FormsService.Core.Composition.Load(Repo.Forms, Repo.Fonts);
        var expected = composed.Deadlines.For(new DeadlineDates
        {
            AkimatVerdictReceived = new(2025, 10, 16), ProbationVerdictReceived = new(2025, 10, 20), OrderReceived = new(2025, 10, 24),
            TimeSheetReceived = new(2025, 10, 31), Month = new(2025, 11, 1),
        });
        Assert.Equal(expected.Select(d => d.Id).Order(), deadlines.Keys.Order());
        foreach (var d in expected)
        {
            Assert.Equal(d.Who, deadlines[d.Id].GetProperty("who").GetString());
            Assert.Equal(d.What, deadlines[d.Id].GetProperty("what").GetString());
            Assert.Equal(d.Basis, deadlines[d.Id].GetProperty("basis").GetString());
        }
        Assert.Equal("kk", response.Content.Headers.ContentLanguage.Single());
    }

    /// <summary>
    /// The tables hold every deadline the calculator makes, in every language; their Kazakh is the calculator's and
    /// their English its <c>WhatEn</c>, so the two cannot drift apart.
    /// </summary>
    [Fact]
    public void Every_deadline_has_its_words_in_every_table()
    {
        using var composed = FormsService.Core.Composition.Load(Repo.Forms, Repo.Fonts);
        var all = composed.Deadlines.For(new DeadlineDates
        {
            AkimatVerdictReceived = new(2025, 10, 16), ProbationVerdictReceived = new(2025, 10, 16), OrderReceived = new(2025, 10, 24),
            TimeSheetReceived = new(2025, 10, 31), Month = new(2025, 11, 1),
        });
        Assert.Equal(7, all.Count);
        foreach (var d in all)
        {
            Assert.Equal(d with { }, DeadlinesEndpoints.In(d, composed.Engine.Messages, "kk"));
            Assert.Equal(d.WhatEn, DeadlinesEndpoints.In(d, composed.Engine.Messages, "en").What);
            var ru = DeadlinesEndpoints.In(d, composed.Engine.Messages, "ru");
            foreach (var text in new[] { ru.Who, ru.What, ru.Basis })
                Assert.DoesNotMatch("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]", text);
        }
    }
}
