using System.Net;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.WorkOrder;

/// <summary>
/// The order orders: its items in the akim's operative voice, the rule's own words for the limit that applies to
/// this person only, the verdict or ruling in the right case, an entry-into-force clause and the signature as akims'
/// acts print it. Read back from the PDF and the DOCX.
/// </summary>
public sealed class WorkOrderCommandsTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string With(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Repo.Example("work-order"))!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private async Task<string> Text(string payload, string format = "pdf")
    {
        var response = await _client.PostJson($"/api/forms/work-order/render?format={format}", payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return format == "pdf" ? DocumentText.Pdf(bytes) : DocumentText.Docx(bytes);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public async Task An_employed_person_s_order_states_the_four_hour_cap_in_the_rule_s_words_and_nothing_else(string format)
    {
        var text = await Text(With(_ => { }), format);
        DocumentText.AssertContainsAll(text,
        [
            "6. Жұмыспен өтеу уақытының ұзақтығы күніне 4 сағат, аптасына 5 күн болып белгіленсін (Қағидалардың 2-тармағының 2) тармақшасында белгіленген күніне төрт сағаттан аспайтын шекте).",
        ]);
        Assert.DoesNotContain("сегіз", text);
        Assert.DoesNotContain("күніне 4 сағаттан,", text);
    }

    [Theory]
    [InlineData(true, false)]  // a student: four hours as well
    [InlineData(true, true)]
    public async Task A_student_s_order_has_the_four_hour_cap(bool student, bool job)
    {
        var text = await Text(With(p => { p["convict"]!["isStudent"] = student; p["convict"]!["hasPermanentJob"] = job; }));
        Assert.Contains("күніне төрт сағаттан аспайтын шекте", text);
        Assert.DoesNotContain("сегіз", text);
    }

    [Fact]
    public async Task The_order_of_a_person_with_no_job_who_does_not_study_states_the_eight_and_forty_hour_caps_only()
    {
        var text = await Text(With(p =>
        {
            p["convict"]!["hasPermanentJob"] = false;
            p["work"]!["hoursPerDay"] = 8;
        }));
        DocumentText.AssertContainsAll(text,
        [
            "күніне 8 сағат, аптасына 5 күн болып белгіленсін (Қағидалардың 2-тармағының 2) тармақшасында белгіленген тұрақты жұмыс орны жоқ және оқу орындарында оқымайтын сотталғандар үшін күніне сегіз сағатқа дейінгі, бірақ аптасына қырық сағаттан аспайтын шекте).",
            "тұрақты жұмыс орны жоқ, оқу орнында оқымайды",
        ]);
        Assert.DoesNotContain("төрт сағаттан", text);
    }

    [Fact]
    public async Task The_items_are_orders_with_the_rules_defined_and_an_entry_into_force()
    {
        var text = await Text(With(_ => { }));
        DocumentText.AssertContainsAll(text,
        [
            "қағидаларының (бұдан әрі – Қағидалар) 2-тармағына сәйкес",
            "1. Қазақстан Республикасы Қылмыстық кодексінің 190-бабы бойынша 120 сағат қоғамдық жұмыстарға тартуға сотталған Сейтқалиев Нұрлан Ерболұлы",
            "осы өкімде белгіленген шарттармен қоғамдық жұмыстарға тартылсын.",
            "2. Аумақты абаттандыру және көгалдандыру ақы төленбейтін қоғамға пайдалы жұмыстардың түрі болып айқындалсын.",
            "3. Әуезов ауданының «Ботаникалық» саябағы жұмыстарды орындауға арналған объект болып айқындалсын.",
            "4. Жұмыстарды орындау шарттары былайша белгіленсін: Ашық ауада",
            "5. «Әуезов Абаттандыру» ЖШС жұмыстарды орындауға жауапты ұйым болып айқындалсын.",
            "7. Демалу уақыты былайша белгіленсін: Сенбі мен жексенбі",
            "12. Осы өкім қол қойылған күнінен бастап қолданысқа енгізіледі.",
        ]);
        Assert.DoesNotContain("190 бабы", text);
        Assert.DoesNotContain("Демалыс уақыты", text);
        Assert.DoesNotContain("Жауапты ұйым:", text);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public async Task The_akim_signs_with_the_initial_and_the_surname(string format)
    {
        var text = await Text(With(_ => { }), format);
        Assert.Contains("Әуезов ауданының әкімі М. Исаев", text);
        Assert.DoesNotContain("Марат", text);
        Assert.DoesNotContain("(қолы)", text);
        // A name already written with its initial prints as given.
        var given = await Text(With(p => p["signatory"]!["fullName"] = "М. Б. Исаев"), format);
        Assert.Contains("М. Б. Исаев", given);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public async Task A_ruling_is_named_a_ruling_in_every_case(string format)
    {
        var text = await Text(With(p => p["verdict"]!["kind"] = "ruling"), format);
        DocumentText.AssertContainsAll(text,
        [
            "сотының 2025 жылғы 14 қазандағы қаулысын орындау үшін (қаулы 2025 жылғы 16 қазанда келіп түсті):",
            "10. Сот қаулысын алғаны туралы хабарлама мен осы өкім пробация қызметіне жіберілсін",
        ]);
        Assert.DoesNotContain("үкім", text);

        var verdict = await Text(With(p => p["verdict"]!["kind"] = "verdict"), format);
        Assert.Contains("үкімін орындау үшін (үкім 2025 жылғы 16 қазанда келіп түсті)", verdict);
        Assert.DoesNotContain("қаулы", verdict);
    }

    [Fact]
    public async Task An_unknown_verdict_kind_is_422_at_its_path_in_three_languages()
    {
        var payload = With(p => p["verdict"]!["kind"] = "sentence");
        foreach (var (language, words) in new[] { ("kk", "Мына мәндердің бірі"), ("ru", "Должно быть одним из"), ("en", "Must be one of") })
        {
            var response = await _client.PostJson("/api/forms/work-order/validate", payload, language);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await response.ProblemAsync();
            var message = problem.GetProperty("errors").GetProperty("verdict.kind")[0].GetString()!;
            Assert.StartsWith(words, message);
            Assert.Contains("verdict, ruling", message);
        }
    }

    [Fact]
    public async Task The_blank_order_keeps_both_words_and_the_whole_rule_for_the_clerk()
    {
        var response = await _client.GetAsync("/api/forms/work-order/blank?format=pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        // The sentences without the captions under their blanks, which break into them where the lines break.
        DocumentText.AssertContainsAll(DocumentText.PdfWithoutSmallText(pdf, 9), ["үкімін (қаулысын) орындау үшін (үкім (қаулы)"]);
        var text = DocumentText.Pdf(pdf);
        DocumentText.AssertContainsAll(text,
        [
            "белгіленген күніне төрт сағаттан аспайтын, ал тұрақты жұмыс орны жоқ және оқу орындарында оқымайтын сотталғандар үшін күніне сегіз сағатқа дейінгі, бірақ аптасына қырық сағаттан аспайтын шекте).",
            "(аты-жөнінің бас әрпі, тегі)", "(қолы)",
        ]);
    }
}
