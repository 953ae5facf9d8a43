using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using FormsService.Tests.Support;
using UglyToad.PdfPig;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace FormsService.Tests.WorkOrder;

/// <summary>The order read as typeset prose in the rules' words; the blank order with a caption under every blank.</summary>
public sealed class WorkOrderWordingTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string RenderUrl = "/api/forms/work-order/render";
    private const string ValidateUrl = "/api/forms/work-order/validate";
    private readonly HttpClient _client = factory.CreateClient();

    private static string Example => Repo.Example("work-order");

    private static string With(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Example)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private async Task<byte[]> Render(string payload, string format)
    {
        var response = await _client.PostJson($"{RenderUrl}?format={format}", payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Dates_read_as_the_order_writes_them()
    {
        var text = DocumentText.Pdf(await Render(Example, "pdf"));
        DocumentText.AssertContainsAll(text,
        [
            "2025 жылғы 21 қазандағы № 47",
            "сотының 2025 жылғы 14 қазандағы үкімін",
            "(үкім 2025 жылғы 16 қазанда келіп түсті)",
        ]);
        Assert.DoesNotContain("\"", text);
    }

    [Fact]
    public async Task A_value_reads_as_text_with_its_punctuation_next_to_it()
    {
        using var document = PdfDocument.Open(await Render(Example, "pdf"));
        var words = document.GetPage(1).GetWords().Select(w => w.Text).ToList();
        // A blank wider than its value would leave a gap before the punctuation: the extractor would split it off.
        Assert.Contains("туған,", words);
        Assert.Contains("береді.", words);
        Assert.Contains("үзіліс.", words);
        Assert.Contains("12-пәтер,", words);
    }

    [Fact]
    public async Task In_the_DOCX_values_are_plain_runs_and_only_the_signature_is_a_blank()
    {
        var docx = await Render(Example, "docx");
        Assert.Empty(DocumentText.DocxErrors(docx));
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        foreach (var value in new[] { "Аумақты абаттандыру", "Сейтқалиев", "«Әуезов Абаттандыру» ЖШС", "М. Исаев", "Алматы қаласы Әуезов аудандық № 2" })
        {
            var runs = body.Descendants<W.Run>().Where(r => r.InnerText.Contains(value, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(runs);
            Assert.All(runs, r => Assert.True(r.RunProperties?.Underline is null || r.RunProperties.Underline.Val?.Value == W.UnderlineValues.None,
                $"'{value}' is underlined like a blank filled by hand."));
        }
    }

    /// <summary>Every blank of the blank order says what goes there, the two yes/no flags included.</summary>
    [Fact]
    public async Task Every_blank_of_the_blank_order_has_a_caption()
    {
        var response = await _client.GetAsync("/api/forms/work-order/blank?format=pdf");
        var text = DocumentText.Pdf(await response.Content.ReadAsByteArrayAsync());
        DocumentText.AssertContainsAll(text,
        [
            "(әкімнің атауы)", "(өкімнің күні)", "(нөмірі)", "(шығарылған жері)", "(сот атауы)", "(үкімнің (қаулының) күні)",
            "(келіп түскен күні)", "(бабы)", "(сағат саны)", "(тегі, аты, әкесінің аты (ол болған жағдайда), туған жылы)",
            "(тұрғылықты жері)", "(тұрақты жұмыс орны бар / жоқ)", "(оқиды / оқымайды)", "(жұмыстың түрі)", "(объект)",
            "(орындау шарттары)", "(жауапты ұйымның атауы)", "(сағат)", "(күн)", "(демалу уақыты)", "(лауазымы)", "(қолы)",
            "(аты-жөнінің бас әрпі, тегі)",
        ]);
        // The blank order keeps the form's blank date shape.
        Assert.Contains("20 жылғы \"", text);
    }

    [Fact]
    public async Task Control_stays_with_the_akim_unless_the_order_names_an_official()
    {
        var byAkim = DocumentText.Pdf(await Render(Example, "pdf"));
        Assert.Contains("11. Осы өкімнің орындалуын бақылауды өзіме қалдырамын.", byAkim);
        Assert.DoesNotContain("басшысына жүктелсін", byAkim);

        var named = With(p => p["control"] = new JsonObject { ["position"] = "аудан әкімінің орынбасары", ["fullName"] = "Б. Қ. Серіков" });
        var pdf = DocumentText.Pdf(await Render(named, "pdf"));
        Assert.Contains("11. Осы өкімнің орындалуын бақылауды аудан әкімінің орынбасары Б. Қ. Серіков жүзеге асырсын.", pdf);
        Assert.DoesNotContain("өзіме қалдырамын", pdf);
        var docx = DocumentText.Docx(await Render(named, "docx"));
        Assert.Contains("Осы өкімнің орындалуын бақылауды аудан әкімінің орынбасары Б. Қ. Серіков жүзеге асырсын.", docx);
    }

    [Fact]
    public async Task A_control_without_the_official_s_position_is_422_at_its_path()
    {
        var response = await _client.PostJson(RenderUrl, With(p => p["control"] = new JsonObject { ["fullName"] = "Б. Қ. Серіков" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("control.position", out _));
    }

    [Theory]
    [InlineData("120.0", "4.0")]
    [InlineData("120", "4")]
    public async Task Whole_hours_written_with_a_point_zero_are_accepted_and_printed_whole(string hours, string perDay)
    {
        var payload = Example.Replace("\"hours\": 120", "\"hours\": " + hours, StringComparison.Ordinal)
            .Replace("\"hoursPerDay\": 4", "\"hoursPerDay\": " + perDay, StringComparison.Ordinal);
        var text = DocumentText.Pdf(await Render(payload, "pdf"));
        DocumentText.AssertContainsAll(text, ["бабы бойынша 120 сағат", "күніне 4 сағат, аптасына 5 күн"]);
        Assert.DoesNotContain(".0", text);
    }

    [Fact]
    public async Task Hours_a_day_with_a_fraction_are_refused_as_not_whole()
    {
        var response = await _client.PostJson(ValidateUrl, Example.Replace("\"hoursPerDay\": 4", "\"hoursPerDay\": 4.5", StringComparison.Ordinal), "en");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = (await response.ProblemAsync()).GetProperty("errors").GetProperty("work.hoursPerDay")[0].GetString();
        Assert.Contains("whole number", message);
    }

    [Fact]
    public async Task The_schema_says_hours_are_integers()
    {
        var schema = JsonNode.Parse(await _client.GetStringAsync("/api/forms/work-order/versions/2025-733/schema"))!;
        foreach (var (parent, name) in new[] { ("verdict", "hours"), ("work", "hoursPerDay"), ("work", "daysPerWeek"), ("convict", "birthYear") })
        {
            var property = schema["properties"]![parent]!["properties"]![name]!;
            Assert.Equal("integer", property["type"]!.GetValue<string>());
            Assert.NotNull(property["maximum"]);
        }
        Assert.Equal(7, schema["properties"]!["work"]!["properties"]!["daysPerWeek"]!["maximum"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_order_dated_on_a_day_off_renders_with_a_warning()
    {
        // Saturday 18 October 2025, after the verdict was received on Thursday 16 October.
        var response = await _client.PostJson(ValidateUrl, With(p => p["order"]!["date"] = "2025-10-18"));
        var warnings = Warnings(await response.Content.ReadAsStringAsync());
        Assert.Contains(("order-on-day-off", "order.date"), warnings);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJson(RenderUrl + "?format=pdf", With(p => p["order"]!["date"] = "2025-10-18"))).StatusCode);
    }

    [Fact]
    public async Task An_order_dated_after_today_in_Kazakhstan_renders_with_a_warning()
    {
        var tomorrowInKazakhstan = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(5)).DateTime).AddDays(2);
        var payload = With(p => p["order"]!["date"] = tomorrowInKazakhstan.ToString("yyyy-MM-dd"));
        var warnings = Warnings(await (await _client.PostJson(ValidateUrl, payload)).Content.ReadAsStringAsync());
        Assert.Contains(("order-in-future", "order.date"), warnings);

        var today = Warnings(await (await _client.PostJson(ValidateUrl, Example)).Content.ReadAsStringAsync());
        Assert.Empty(today);
    }

    [Fact]
    public async Task A_birth_year_fourteen_years_before_the_verdict_is_a_warning()
    {
        var warnings = Warnings(await (await _client.PostJson(ValidateUrl, With(p => p["convict"]!["birthYear"] = 2011))).Content.ReadAsStringAsync());
        Assert.Contains(("possibly-under-14", "convict.birthYear"), warnings);
        var refused = await _client.PostJson(ValidateUrl, With(p => p["convict"]!["birthYear"] = 2012));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    private static List<(string Code, string Path)> Warnings(string answer) =>
        [.. JsonDocument.Parse(answer).RootElement.GetProperty("warnings").EnumerateArray()
            .Select(w => (w.GetProperty("code").GetString()!, w.GetProperty("path").GetString()!))];
}
