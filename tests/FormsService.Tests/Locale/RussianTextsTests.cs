using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormsService.Tests.Support;

namespace FormsService.Tests.Locale;

/// <summary>
/// The Russian variants of the akimat's six documents as a reader gets them, read back by poppler's pdftotext and by
/// python-docx: each example rendered in Russian has the variant's fixed text around its values, none of the Kazakh
/// variant's text, and no Kazakh word the payload did not bring; each blank in Russian has the variant's captions and
/// not one Kazakh letter.
/// </summary>
public sealed partial class RussianTextsTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private const string Person = "Сейтқалиев Нұрлан Ерболұлы, 1990 года рождения, место жительства: Алматы қ., Әуезов ауданы, Абай даңғылы 150, 12-пәтер";
    private const string Rules = "Правил организации выполнения общественных работ лицами, осужденными к этому виду наказания";

    /// <summary>
    /// Each example's fixed text with the values it joins, as the reviewed Russian texts word it (docs/russian-texts.md):
    /// prose, read as phrases from both documents, and table heads, read as phrases from the DOCX and word by word from
    /// the PDF, where a narrow cell's lines interleave with its neighbours'. Texts the views compute in words (months,
    /// periods, kinds of evasion) are left to the views' tests: here they only must not be Kazakh.
    /// </summary>
    private static readonly Dictionary<string, (string[] Prose, string[] Cells)> Texts = new(StringComparer.Ordinal)
    {
        ["work-order"] = (
        [
            "РАСПОРЯЖЕНИЕ",
            "от 21 октября 2025 года № 47",
            "Об организации выполнения общественных работ",
            "В соответствии с подпунктом 2) части 1 статьи 62 Уголовно-исполнительного кодекса Республики Казахстан, подпунктом 12-10) пункта 1 статьи 35 Закона Республики Казахстан от 23 января 2001 года «О местном государственном управлении и самоуправлении в Республике Казахстан» и пунктом 2 " + Rules + ", утвержденных приказом Министра внутренних дел Республики Казахстан от 2 июня 2017 года № 386 (далее – Правила), в целях исполнения приговора суда Алматы қаласы Әуезов аудандық № 2 от 14 октября 2025 года, поступившего 16 октября 2025 года:",
            "1. Привлечь к общественным работам на условиях, установленных настоящим распоряжением, лицо, осужденное по статье 190 Уголовного кодекса Республики Казахстан к привлечению к общественным работам на срок 120 часов: " + Person + ", имеет постоянное место работы, не обучается в учебном заведении.",
            "2. Определить вид бесплатных общественно полезных работ: Аумақты абаттандыру және көгалдандыру.",
            "3. Определить объект для выполнения работ: Әуезов ауданының «Ботаникалық» саябағы.",
            "4. Установить следующие условия выполнения работ: Ашық ауада, күндізгі уақытта; кеудеше мен құрал-саймандарды әкімдік береді.",
            "5. Определить организацию, ответственную за выполнение работ: «Әуезов Абаттандыру» ЖШС.",
            "6. Установить продолжительность времени отработки: 4 часа в день, 5 дней в неделю (в пределах, установленных подпунктом 2) пункта 2 Правил: не более четырех часов в день).",
            "7. Установить следующее время отдыха: Сенбі мен жексенбі; жұмыс күні ішінде 15 минуттық үзіліс.",
            "8. Обеспечить осужденного жилетом по форме согласно приложению к Правилам, а также оборудованием, инструментами и иными средствами, необходимыми для выполнения общественных работ (подпункт 1) пункта 2-1 Правил).",
            "9. Не позднее последнего рабочего дня текущего месяца направлять в службу пробации табель учета отработанного времени и акт выполненных работ, а также информацию о поведении осужденного; о факте уклонения осужденного от выполнения общественных работ сообщать в службу пробации (подпункты 2) и 3) пункта 2-1 Правил).",
            "10. Направить в службу пробации уведомление о получении приговора суда и настоящее распоряжение (подпункт 3) пункта 2 Правил).",
            "11. Контроль за исполнением настоящего распоряжения оставляю за собой.",
            "12. Настоящее распоряжение вводится в действие со дня его подписания.",
            "М. Исаев",
        ], []),
        ["verdict-receipt-notice"] = (
        [
            "от 21 октября 2025 года № 04-12/318",
            "УВЕДОМЛЕНИЕ о получении приговора суда",
            "В соответствии с подпунктом 3) пункта 2 " + Rules + " (далее – Правила), Алматы қаласы Әуезов ауданының әкімдігі сообщает о получении 16 октября 2025 года приговора суда Алматы қаласы Әуезов аудандық № 2 от 14 октября 2025 года.",
            "Приговором суда по статье 190 Уголовного кодекса Республики Казахстан к привлечению к общественным работам на срок 120 часов осужден(а): " + Person + ".",
            "В соответствии с подпунктом 3) пункта 2 Правил прилагается распоряжение об организации выполнения общественных работ от 21 октября 2025 года № 47.",
            "Приложение: копия распоряжения от 21 октября 2025 года № 47.",
            "М.П.",
        ], []),
        ["time-sheet"] = (
        [
            "Табель учета отработанного времени",
            "Местный исполнительный орган: Алматы қаласы Әуезов ауданының әкімдігі",
            "Ответственная организация: «Әуезов Абаттандыру» ЖШС",
            "Объект выполнения работ: Әуезов ауданының «Ботаникалық» саябағы",
            "Серым цветом отмечены выходные и праздничные дни (по производственному календарю Республики Казахстан).",
            "Табель направляется в службу пробации в соответствии с подпунктом 2) пункта 2-1 Правил не позднее последнего рабочего дня месяца (28 ноября 2025 года).",
            "Табель составил(а): Әуезов ауданы әкімі аппаратының бас маманы",
            "Дата составления: 28 ноября 2025 года",
        ],
        [
            "Фамилия, имя, отчество (при его наличии) осужденного", "Дни месяца", "Срок наказания, часов", "Отработано в этом месяце, часов",
            "Всего с начала отбывания, часов", "Осталось отбыть, часов", "Итого",
        ]),
        ["work-act"] = (
        [
            "АКТ выполненных работ от 28 ноября 2025 года № 12-А",
            "Осужденный(ая) к привлечению к общественным работам " + Person + ",",
            "на объекте Әуезов ауданының «Ботаникалық» саябағы (ответственная организация: «Әуезов Абаттандыру» ЖШС) выполнил(а) следующие работы:",
            "Всего за период выполнено общественных работ: 48 часов. Акт направляется в службу пробации в соответствии с подпунктом 2) пункта 2-1 " + Rules + ".",
            "Местный исполнительный орган: Алматы қаласы Әуезов ауданының әкімдігі",
            "Представитель ответственной организации: «Әуезов Абаттандыру» ЖШС директоры",
            "Должностное лицо местного исполнительного органа: Әуезов ауданы әкімінің орынбасары",
            "М.П.",
        ],
        ["Дата", "Описание выполненной работы", "Часы", "Итого"]),
        ["conduct-report"] = (
        [
            "от 28 ноября 2025 года № 04-12/402",
            "ИНФОРМАЦИЯ о поведении осужденного",
            "В соответствии с подпунктом 2) пункта 2-1 " + Rules + ", Алматы қаласы Әуезов ауданының әкімдігі направляет следующую информацию о поведении лица, осужденного к привлечению к общественным работам, за",
            "Осужденный(ая): " + Person + ".",
            "Объект выполнения работ: Әуезов ауданының «Ботаникалық» саябағы.",
            "Оценка поведения:",
            "Факты нарушения трудовой дисциплины и порядка отбывания наказания:",
            "М.П.",
        ],
        ["Дата", "Описание нарушения"]),
        ["evasion-report"] = (
        [
            "от 5 декабря 2025 года № 04-12/431",
            "СООБЩЕНИЕ о факте уклонения осужденного от выполнения общественных работ",
            "В соответствии с подпунктом 3) пункта 2-1 " + Rules + ", Алматы қаласы Әуезов ауданының әкімдігі сообщает о факте уклонения лица, осужденного к привлечению к общественным работам, от выполнения общественных работ в нарушение распоряжения об организации выполнения общественных работ от 21 октября 2025 года № 47.",
            "Осужденный(ая): " + Person + ".",
            "Факты уклонения:",
            "Объяснение осужденного: Науқастанғанын айтты, бірақ оны растайтын құжат ұсынбады.",
            "М.П.",
        ],
        ["Дата", "Вид уклонения", "Обстоятельства"]),
    };

    public static TheoryData<string> Forms => [.. Texts.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task The_Russian_PDF_reads_the_variant_s_fixed_text_and_no_Kazakh_but_the_payload_s(string formId)
    {
        var text = PdfText(await Render(formId, Repo.Example(formId), "pdf"));
        var (prose, cells) = Texts[formId];
        DocumentText.AssertContainsAll(text, prose);
        var words = WordsOf(text);
        var missing = cells.SelectMany(WordsOf).Where(w => !words.Contains(w)).ToList();
        Assert.True(missing.Count == 0, $"{formId}: table words missing from the PDF: {string.Join(", ", missing)}");
        Assert.Contains("Стр. 1 из 1", text);
        AssertNoKazakhButThePayload(formId, "pdf", text);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task The_Russian_DOCX_reads_the_variant_s_fixed_text_and_no_Kazakh_but_the_payload_s(string formId)
    {
        var text = DocxText(await Render(formId, Repo.Example(formId), "docx"));
        var (prose, cells) = Texts[formId];
        DocumentText.AssertContainsAll(text, [.. prose, .. cells]);
        AssertNoKazakhButThePayload(formId, "docx", text);
    }

    /// <summary>Kazakh in a Russian document is the payload's, never the form's: its fixed text, captions or computed words.</summary>
    private static void AssertNoKazakhButThePayload(string formId, string format, string text)
    {
        var payloadWords = WordsOf(string.Join(' ', Strings(JsonNode.Parse(Repo.Example(formId)))));
        var foreign = WordsOf(text).Where(w => KazakhLetter().IsMatch(w) && !payloadWords.Contains(w)).Order(StringComparer.Ordinal).ToList();
        Assert.True(foreign.Count == 0, $"{formId} {format}: Kazakh words not from the payload: {string.Join(", ", foreign)}");
        var kazakh = KazakhFixedTexts(formId).Where(t => text.Contains(t, StringComparison.Ordinal)).ToList();
        Assert.True(kazakh.Count == 0, $"{formId} {format}: the Kazakh variant's text: {string.Join(" | ", kazakh)}");
    }

    /// <summary>The blank in Russian: every caption of the variant under its blank, and not one Kazakh letter.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_Russian_blank_has_the_variant_s_captions_and_no_Kazakh_letter(string formId)
    {
        var captions = Captions(formId);
        Assert.NotEmpty(captions);
        foreach (var format in new[] { "pdf", "docx" })
        {
            var response = await _client.GetAsync($"/api/forms/{formId}/blank?format={format}&language=ru");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = format == "pdf" ? PdfText(bytes) : DocxText(bytes);
            DocumentText.AssertContainsAll(text, captions);
            var kazakh = KazakhLetter().Matches(text).Select(m => m.Value).Distinct().ToList();
            Assert.True(kazakh.Count == 0, $"{formId} blank {format}: Kazakh letters {string.Join(' ', kazakh)} in: {text}");
        }
    }

    /// <summary>The wordings a payload switches: a ruling instead of a verdict, control given to an official, rule 2 2)'s other limit.</summary>
    [Fact]
    public async Task The_wordings_a_payload_switches_read_in_Russian()
    {
        var order = JsonNode.Parse(Repo.Example("work-order"))!.AsObject();
        order["verdict"]!["kind"] = "ruling";
        order["convict"]!["hasPermanentJob"] = false;
        order["control"] = new JsonObject { ["position"] = "аудан әкімінің орынбасары", ["fullName"] = "Б. Қ. Серіков" };
        var notice = JsonNode.Parse(Repo.Example("verdict-receipt-notice"))!.AsObject();
        notice["verdict"]!["kind"] = "ruling";
        foreach (var format in new[] { "pdf", "docx" })
        {
            var orderBytes = await Render("work-order", order.ToJsonString(), format);
            DocumentText.AssertContainsAll(format == "pdf" ? PdfText(orderBytes) : DocxText(orderBytes),
            [
                "в целях исполнения постановления суда Алматы қаласы Әуезов аудандық № 2 от 14 октября 2025 года, поступившего 16 октября 2025 года:",
                "10. Направить в службу пробации уведомление о получении постановления суда и настоящее распоряжение",
                "11. Контроль за исполнением настоящего распоряжения осуществляет аудан әкімінің орынбасары Б. Қ. Серіков.",
                "не имеет постоянного места работы, не обучается в учебном заведении.",
                "(в пределах, установленных подпунктом 2) пункта 2 Правил: для осужденных, не имеющих постоянного места работы и не обучающихся в учебных заведениях, – до восьми часов в день, но не более сорока часов в неделю).",
            ]);
            var noticeBytes = await Render("verdict-receipt-notice", notice.ToJsonString(), format);
            DocumentText.AssertContainsAll(format == "pdf" ? PdfText(noticeBytes) : DocxText(noticeBytes),
            [
                "УВЕДОМЛЕНИЕ о получении постановления суда",
                "сообщает о получении 16 октября 2025 года постановления суда",
                "Постановлением суда по статье 190 Уголовного кодекса Республики Казахстан",
            ]);
        }
    }

    private async Task<byte[]> Render(string formId, string payload, string format)
    {
        var response = await _client.PostJson($"/api/forms/{formId}/render?format={format}&language=ru", payload);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{formId} {format}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Contains("ru", response.Content.Headers.ContentLanguage);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string PdfText(byte[] pdf)
    {
        var file = Path.Combine(Tools.TempDir("russian-texts"), "document.pdf");
        File.WriteAllBytes(file, pdf);
        // -layout keeps a hyphen that ends a line ("12-" / "пәтер"), which Normalized joins again.
        var (code, text) = Tools.Run("pdftotext", $"-layout -enc UTF-8 \"{file}\" -");
        Assert.True(code == 0, text);
        return Normalized(text);
    }

    private static string DocxText(byte[] docx)
    {
        var file = Path.Combine(Tools.TempDir("russian-texts"), "document.docx");
        File.WriteAllBytes(file, docx);
        // Debian's interpreter, where python3-docx installs.
        var (code, text) = Tools.Run("/usr/bin/python3", $"-c \"{PythonDocx}\" \"{file}\"");
        Assert.True(code == 0, $"python-docx could not read the DOCX: {text}");
        return Normalized(text);
    }

    // python-docx gives a paragraph's direct runs only: the script walks every w:t, tab and break of the body it parsed.
    private const string PythonDocx =
        "import sys, docx; from docx.oxml.ns import qn; d = docx.Document(sys.argv[1]); " +
        "out = [(n.text or '') if n.tag == qn('w:t') else ' ' for n in d.element.body.iter() if n.tag in (qn('w:t'), qn('w:tab'), qn('w:br'), qn('w:p'))]; " +
        "sys.stdout.buffer.write(''.join(out).encode('utf-8'))";

    /// <summary>White space collapsed as a reader sees it; a word the layout broke after its hyphen joined again.</summary>
    private static string Normalized(string text)
    {
        text = text.Replace('\u00A0', ' ').Replace("\u2060", "", StringComparison.Ordinal).Replace("\u00AD", "", StringComparison.Ordinal);
        return HyphenAtBreak().Replace(Space().Replace(text, " "), "").Trim();
    }

    private static HashSet<string> WordsOf(string text) =>
        [.. Word().Matches(text).Select(m => m.Value.ToLowerInvariant())];

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    /// <summary>The Kazakh definition's own words (texts, captions, flags, table heads) long enough not to be a value's part.</summary>
    private static List<string> KazakhFixedTexts(string formId)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Forms, formId, "2025-733", "definition.json")))!;
        var texts = new List<string>();
        void Walk(JsonNode? node, string? key)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (k, v) in o) Walk(v, k);
                    break;
                case JsonArray a:
                    foreach (var v in a) Walk(v, null);
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String && key is null or "text" or "caption" or "true" or "false":
                    var s = v.GetValue<string>().Trim();
                    if (s.Length >= 6 && !s.Contains('{') && KazakhLetter().IsMatch(s)) texts.Add(s);
                    break;
            }
        }
        Walk(definition["body"], "body");
        texts.Add("ХАБАРЛАМА");
        texts.Add("М.О.");
        return texts;
    }

    /// <summary>The captions the Russian variant prints under its blanks: those of elements printed whatever the payload.</summary>
    private static List<string> Captions(string formId)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Forms, formId, "2025-733", "definition.ru.json")))!;
        var captions = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o when o.ContainsKey("if"):
                    break;
                case JsonObject o:
                    if (o["caption"] is JsonValue c) captions.Add(c.GetValue<string>());
                    foreach (var (_, v) in o) Walk(v);
                    break;
                case JsonArray a:
                    foreach (var v in a) Walk(v);
                    break;
            }
        }
        Walk(definition["body"]);
        return [.. captions.Distinct()];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"(?<=[\p{L}\d]-) (?=\p{L})")]
    private static partial Regex HyphenAtBreak();

    [GeneratedRegex(@"[\p{L}\d]+")]
    private static partial Regex Word();

    [GeneratedRegex("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")]
    private static partial Regex KazakhLetter();
}
