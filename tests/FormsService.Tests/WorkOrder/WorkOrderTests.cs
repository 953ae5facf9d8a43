using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.WorkOrder;

public sealed class WorkOrderTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
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

    private static string Worker(int hoursPerDay, int daysPerWeek, bool hasJob, bool student) => With(p =>
    {
        p["work"]!["hoursPerDay"] = hoursPerDay;
        p["work"]!["daysPerWeek"] = daysPerWeek;
        p["convict"]!["hasPermanentJob"] = hasJob;
        p["convict"]!["isStudent"] = student;
    });

    private static readonly string[] FixedPhrases =
    [
        "ӨКІМ",
        "Қоғамдық жұмыстарды орындауды ұйымдастыру туралы",
        "Қазақстан Республикасы Қылмыстық-атқару кодексінің 62-бабы 1-бөлігінің 2) тармақшасына",
        "«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Қазақстан Республикасының 2001 жылғы 23 қаңтардағы Заңының 35-бабы 1-тармағының 12-10) тармақшасына",
        "Қазақстан Республикасы Ішкі істер министрінің 2017 жылғы 2 маусымдағы № 386 бұйрығымен бекітілген Жазалаудың осы түріне сотталған адамдардың қоғамдық жұмыстарды орындауын ұйымдастыру қағидаларының (бұдан әрі – Қағидалар) 2-тармағына сәйкес",
        "осы өкімде белгіленген шарттармен қоғамдық жұмыстарға тартылсын.",
        "ақы төленбейтін қоғамға пайдалы жұмыстардың түрі болып айқындалсын.",
        "жұмыстарды орындауға арналған объект болып айқындалсын.",
        "4. Жұмыстарды орындау шарттары былайша белгіленсін:",
        "жұмыстарды орындауға жауапты ұйым болып айқындалсын.",
        "6. Жұмыспен өтеу уақытының ұзақтығы күніне",
        "7. Демалу уақыты былайша белгіленсін:",
        "кеудешемен, сондай-ақ қоғамдық жұмыстарды орындау үшін қажетті жабдықтармен, құрал-саймандармен және өзге де құралдармен қамтамасыз етілсін (Қағидалардың 2-1-тармағының 1) тармақшасы)",
        "Ағымдағы айдың соңғы жұмыс күнінен кешіктірмей пробация қызметіне жұмыс істелген уақытты есепке алу табелі мен орындалған жұмыстар актісі, сондай-ақ сотталған адамның мінез-құлқы туралы ақпарат жіберілсін",
        "сотталған адамның қоғамдық жұмыстарды орындаудан жалтару фактісі туралы пробация қызметіне хабарлансын (Қағидалардың 2-1-тармағының 2) және 3) тармақшалары)",
        "10. Сот үкімін алғаны туралы хабарлама мен осы өкім пробация қызметіне жіберілсін (Қағидалардың 2-тармағының 3) тармақшасы)",
        "12. Осы өкім қол қойылған күнінен бастап қолданысқа енгізіледі.",
    ];

    private static readonly string[] Values =
    [
        "Алматы қаласы Әуезов ауданының әкімі", "Алматы қаласы", "2025 жылғы 21 қазандағы № 47",
        "Алматы қаласы Әуезов аудандық № 2 сотының 2025 жылғы 14 қазандағы үкімін орындау үшін (үкім 2025 жылғы 16 қазанда келіп түсті):",
        "Қылмыстық кодексінің 190-бабы бойынша 120 сағат",
        "Сейтқалиев Нұрлан Ерболұлы, 1990 жылы туған, тұрғылықты жері: Алматы қ., Әуезов ауданы, Абай даңғылы 150, 12-пәтер,",
        "Осы өкімнің орындалуын бақылауды өзіме қалдырамын.",
        "тұрақты жұмыс орны бар", "оқу орнында оқымайды",
        "Аумақты абаттандыру және көгалдандыру", "Әуезов ауданының «Ботаникалық» саябағы",
        "Ашық ауада, күндізгі уақытта; кеудеше мен құрал-саймандарды әкімдік береді", "«Әуезов Абаттандыру» ЖШС",
        "күніне 4 сағат, аптасына 5 күн", "Сенбі мен жексенбі; жұмыс күні ішінде 15 минуттық үзіліс",
        "Әуезов ауданының әкімі М. Исаев",
    ];

    [Fact]
    public async Task The_PDF_holds_the_fixed_phrases_and_every_value_on_one_page()
    {
        var response = await _client.PostJson(RenderUrl + "?format=pdf", Example);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Form-Warnings"));
        var pages = DocumentText.PdfPages(await response.Content.ReadAsByteArrayAsync());
        Assert.Single(pages);
        DocumentText.AssertContainsAll(pages[0], FixedPhrases);
        DocumentText.AssertContainsAll(pages[0], Values);
    }

    [Fact]
    public async Task The_DOCX_is_valid_and_holds_the_same_text()
    {
        var response = await _client.PostJson(RenderUrl + "?format=docx", Example);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(DocumentText.DocxErrors(docx));
        var text = DocumentText.Docx(docx);
        DocumentText.AssertContainsAll(text, FixedPhrases);
        DocumentText.AssertContainsAll(text, Values);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public async Task Two_renders_give_the_same_bytes(string format)
    {
        var a = await (await _client.PostJson($"{RenderUrl}?format={format}", Example)).Content.ReadAsByteArrayAsync();
        var b = await (await _client.PostJson($"{RenderUrl}?format={format}", Example)).Content.ReadAsByteArrayAsync();
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(4, 5, true, false)]   // employed: 4 h passes
    [InlineData(8, 5, false, false)]  // no job, not a student: 8 h × 5 days = 40 passes
    [InlineData(6, 6, false, false)]  // 36 h a week passes
    [InlineData(4, 6, true, true)]
    [InlineData(4, 7, true, false)]   // 28 h over seven days: the rule limits hours, not days
    [InlineData(5, 7, false, false)]  // 35 h
    [InlineData(1, 1, true, false)]
    public async Task Working_time_within_the_law_passes(int hours, int days, bool hasJob, bool student)
    {
        var response = await _client.PostJson(ValidateUrl, Worker(hours, days, hasJob, student));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(5, 5, true, false, "work.hoursPerDay")]   // employed: 5 h fails
    [InlineData(6, 5, false, true, "work.hoursPerDay")]   // student: 6 h fails
    [InlineData(5, 5, true, true, "work.hoursPerDay")]
    [InlineData(9, 4, false, false, "work.hoursPerDay")]  // never more than 8
    [InlineData(0, 5, true, false, "work.hoursPerDay")]
    [InlineData(8, 6, false, false, "work.daysPerWeek")]  // 48 h a week fails
    [InlineData(7, 6, false, false, "work.daysPerWeek")]  // 42 h a week fails
    [InlineData(6, 7, false, false, "work.daysPerWeek")]  // 42 h over seven days fails
    [InlineData(4, 8, true, false, "work.daysPerWeek")]   // a week has seven days
    [InlineData(4, 0, true, false, "work.daysPerWeek")]
    public async Task Working_time_over_the_law_is_422_at_its_path(int hours, int days, bool hasJob, bool student, string path)
    {
        var response = await _client.PostJson(RenderUrl, Worker(hours, days, hasJob, student));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(path, out _), errors.ToString());
    }

    public static TheoryData<string, string> DateBreaks => new()
    {
        { With(p => p["verdict"]!["receivedDate"] = "2025-10-13"), "verdict.receivedDate" },
        { With(p => p["order"]!["date"] = "2025-10-15"), "order.date" },
        { With(p => p["verdict"]!["hours"] = 0), "verdict.hours" },
        { With(p => p["verdict"]!["hours"] = 2.5), "verdict.hours" },
        { With(p => p["convict"]!.AsObject().Remove("hasPermanentJob")), "convict.hasPermanentJob" },
        { With(p => p["convict"]!["isStudent"] = "no"), "convict.isStudent" },
        { With(p => p["work"]!.AsObject().Remove("kind")), "work.kind" },
        { With(p => p.Remove("signatory")), "signatory" },
    };

    [Theory]
    [MemberData(nameof(DateBreaks))]
    public async Task Dates_out_of_order_and_missing_fields_are_422(string payload, string path)
    {
        var response = await _client.PostJson(RenderUrl, payload);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(path, out _));
    }

    [Fact]
    public async Task An_order_on_its_last_day_is_not_late()
    {
        // Received Thursday 16 Oct 2025: five working days end on Thursday 23 Oct.
        var response = await _client.PostJson(ValidateUrl, With(p => p["order"]!["date"] = "2025-10-23"));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(0, answer.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task A_late_order_renders_and_says_so_in_a_header_and_in_validate()
    {
        var late = With(p => p["order"]!["date"] = "2025-10-24");
        var render = await _client.PostJson(RenderUrl + "?format=pdf", late);
        Assert.Equal(HttpStatusCode.OK, render.StatusCode);
        Assert.Contains("late-order", render.Headers.GetValues("X-Form-Warnings").Single());
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await render.Content.ReadAsByteArrayAsync(), 0, 4));

        var validate = await _client.PostJson(ValidateUrl, late);
        Assert.Equal(HttpStatusCode.OK, validate.StatusCode);
        var warning = JsonDocument.Parse(await validate.Content.ReadAsStringAsync()).RootElement.GetProperty("warnings").EnumerateArray().Single();
        Assert.Equal("late-order", warning.GetProperty("code").GetString());
        Assert.Equal("order.date", warning.GetProperty("path").GetString());
        Assert.Contains("23.10.2025 күнінен кешіктірмей", warning.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("2025-10-16", "2025-10-23")] // Thursday, across a weekend
    [InlineData("2025-03-19", "2025-03-31")] // Wednesday, across Nauryz: 21 March and the days off moved to 24–25 March
    [InlineData("2025-12-31", "2026-01-12")] // across New Year (1–2 January) and Orthodox Christmas (7 January)
    public async Task The_deadlines_API_computes_the_order_due_date_on_working_days(string received, string due)
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/deadlines?verdictReceived={received}")).RootElement;
        var order = json.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "akimat-order");
        Assert.Equal(due, order.GetProperty("due").GetString());
        Assert.True(order.GetProperty("confirmed").GetBoolean());
        var summons = json.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "probation-summons");
        Assert.Equal(DateOnly.Parse(received).AddDays(10).ToString("yyyy-MM-dd"), summons.GetProperty("due").GetString());
    }

    [Fact]
    public async Task A_year_without_a_calendar_file_is_flagged_unconfirmed()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/api/deadlines?verdictReceived=2039-06-01")).RootElement;
        var order = json.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "akimat-order");
        Assert.False(order.GetProperty("confirmed").GetBoolean());
        Assert.Equal("2039-06-08", order.GetProperty("due").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?verdictReceived=soon")]
    public async Task The_deadlines_API_names_a_bad_date(string query)
    {
        var response = await _client.GetAsync("/api/deadlines" + query);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("verdictReceived", out _));
    }

    [Fact]
    public async Task The_blank_order_prints()
    {
        var response = await _client.GetAsync("/api/forms/work-order/blank?format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A blank's caption sits inside the sentence it interrupts: those sentences are checked by their pieces, in
        // the text without the captions (printed small), which break into them wherever the lines break.
        var blankPhrases = FixedPhrases.Where(p => !p.Contains("айқындалсын", StringComparison.Ordinal) && !p.StartsWith("10.", StringComparison.Ordinal))
            .Concat(["болып айқындалсын.", "10. Сот үкімін (қаулысын) алғаны туралы хабарлама мен осы өкім пробация қызметіне жіберілсін"]);
        DocumentText.AssertContainsAll(DocumentText.PdfWithoutSmallText(await response.Content.ReadAsByteArrayAsync(), 9), blankPhrases);
    }
}
