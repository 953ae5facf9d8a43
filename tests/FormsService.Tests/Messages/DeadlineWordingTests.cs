using System.Text.Json;
using FormsService.Tests.Support;

namespace FormsService.Tests.Messages;

/// <summary>
/// The deadlines cite the rules by their official titles (the Russian and English ones marked as the service's
/// translation), and the first monthly report, which the service infers, says so in every language.
/// </summary>
public sealed class DeadlineWordingTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<Dictionary<string, JsonElement>> Deadlines(string language, string query = "verdictReceived=2025-12-24&orderReceived=2025-12-31&timeSheetReceived=2026-01-30&month=2026-01")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/deadlines?" + query);
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        var json = JsonDocument.Parse(await (await _client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement.Clone();
        return json.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
    }

    [Theory]
    [InlineData("kk", "қызметтің болжамы", "Жазалаудың осы түріне сотталған адамдардың қоғамдық жұмыстарды орындауын ұйымдастыру қағидаларының 2-1-тармағының 2) тармақшасы")]
    [InlineData("ru", "расчёт сервиса", "Подпункт 2) пункта 2-1 Правил организации выполнения общественных работ лицами, осуждёнными к этому виду наказания (перевод сервиса)")]
    [InlineData("en", "the service's inference", "Rules on organising community service by persons sentenced to it (the service's translation), rule 2-1, subparagraph 2)")]
    public async Task The_first_monthly_report_is_labelled_an_inference(string language, string label, string basis)
    {
        // Received 24 Dec 2025: the order is due in January, so the first report is taken as January's.
        var deadlines = await Deadlines(language);
        var first = deadlines["akimat-first-monthly-report"];
        Assert.Contains(label, first.GetProperty("what").GetString());
        Assert.Equal(basis, first.GetProperty("basis").GetString());
        Assert.Contains("inference", first.GetProperty("whatEn").GetString());
        Assert.DoesNotContain(label, deadlines["akimat-monthly-report"].GetProperty("what").GetString());
    }

    [Theory]
    [InlineData("kk", "Пробация қызметінің жұмысын ұйымдастыру қағидаларының", "қағидаларының")]
    [InlineData("ru", "(перевод сервиса)", "(перевод сервиса)")]
    [InlineData("en", "(the service's translation)", "(the service's translation)")]
    public async Task Every_basis_names_the_rules_by_their_official_title(string language, string probation, string community)
    {
        foreach (var (id, deadline) in await Deadlines(language))
        {
            var basis = deadline.GetProperty("basis").GetString()!;
            Assert.Contains(id.StartsWith("probation", StringComparison.Ordinal) ? probation : community, basis);
            Assert.DoesNotContain("Қоғамдық жұмыстарды орындауды ұйымдастыру қағидалары", basis);
            Assert.DoesNotContain("Правила организации исполнения общественных работ", basis);
        }
    }
}
