using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using FormsService.Tests.Support;

namespace FormsService.Tests.Messages;

/// <summary>
/// Problems of the request itself, outside a payload's rules (query parameters, batch items, spreadsheet headers, the
/// deadlines' dates, unknown forms, broken bodies): coded in the same message tables, worded in the language of
/// <c>Accept-Language</c>, Kazakh / English when none is asked, with the code under the same path or cell.
/// </summary>
public sealed class RequestProblemLanguageTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>One bad request per site, the path or cell its problem is under, its code, and its words in kk, ru, en.</summary>
    public static TheoryData<string, string, string, string, string, string> Sites => new()
    {
        { "dpi", "dpi", "between", "48–200 аралығында болуы керек", "Должно быть от 48 до 200", "Must be from 48 to 200." },
        { "format", "format", "format-offered", "Бұл нысан тек pdf, docx пішімінде", "Эта форма оформляется только в pdf, docx", "This form renders to pdf, docx." },
        { "merge-output", "output", "one-of", "Мына мәндердің бірі болуы керек: zip, single, report", "Должно быть одним из значений: zip, single, report", "Must be one of: zip, single, report." },
        { "batch-item", "items[0].formId", "required", "Міндетті өріс", "Обязательное поле", "Required." },
        { "sheet-header", "B1", "sheet-unknown-column", "«Жалақы» бағаны нысанның ешбір өрісі емес (үлгідегі атауларды немесе JSON жолдарын қолданыңыз)",
            "Столбец «Жалақы» не является полем формы (используйте названия или JSON-пути из шаблона)",
            "The column 'Жалақы' is no field of the form (use the template's labels or JSON paths)." },
        { "deadlines-date", "verdictReceived", "date", "Күн ЖЖЖЖ-АА-КК пішімінде болуы керек", "Дата в формате ГГГГ-ММ-ДД", "Must be a date as YYYY-MM-DD." },
    };

    private static HttpRequestMessage Bad(string site) => site switch
    {
        "dpi" => Post("/api/forms/referral-certificate/preview?dpi=5", Json(Repo.Example("referral-certificate"))),
        "format" => Post("/api/forms/referral-certificate/render?format=png", Json(Repo.Example("referral-certificate"))),
        "merge-output" => Post("/api/forms/referral-certificate/merge?output=everything", Csv("convict.surname\r\nӘбенов\r\n")),
        "batch-item" => Post("/api/render/batch?output=single", Json("""{ "items": [ { "format": "pdf", "payload": {} } ] }""")),
        "sheet-header" => Post("/api/forms/referral-certificate/merge?output=report", Csv("convict.surname,Жалақы\r\nӘбенов,100\r\n")),
        "deadlines-date" => new HttpRequestMessage(HttpMethod.Get, "/api/deadlines?verdictReceived=2025-13-45"),
        _ => throw new ArgumentOutOfRangeException(nameof(site), site, null),
    };

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task Each_site_speaks_the_language_asked_for_with_its_code(string site, string path, string code, string kk, string ru, string en)
    {
        foreach (var (language, expected, contentLanguage) in new[] { ("ru", ru, "ru"), ("kk", kk, "kk"), ("en", en, "en"), ((string?)null, $"{kk} / {en}", "kk, en") })
        {
            using var request = Bad(site);
            if (language is not null)
                request.Headers.TryAddWithoutValidation("Accept-Language", language);
            var response = await _client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{site} ({language}): {(int)response.StatusCode} {body}");
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(expected, Assert.Single(problem.GetProperty("errors").GetProperty(path).EnumerateArray()).GetString());
            Assert.Equal(code, Assert.Single(problem.GetProperty("codes").GetProperty(path).EnumerateArray()).GetString());
            Assert.Equal(contentLanguage, string.Join(", ", response.Content.Headers.ContentLanguage));
            Assert.Contains("Accept-Language", response.Headers.Vary);
        }
    }

    [Theory]
    [InlineData("ru", "Неверный параметр запроса")]
    [InlineData("kk", "Сұрау параметрі қате")]
    [InlineData(null, "Сұрау параметрі қате / Invalid request parameter")]
    public async Task A_parameter_problem_s_title_is_in_the_same_language(string? language, string title)
    {
        using var request = Bad("dpi");
        if (language is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        var problem = await (await _client.SendAsync(request)).ProblemAsync();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("detail", out _), "no developer banner");
    }

    [Fact]
    public async Task A_batch_s_manifest_words_its_items_in_the_language_asked_for()
    {
        using var request = Post("/api/render/batch", Json("""
            { "items": [ { "formId": "referral-certificate", "format": "pdf", "payload": {}, "colour": "red" },
                         { "formId": "no-such-form", "format": "pdf", "payload": {} } ] }
            """));
        request.Headers.TryAddWithoutValidation("Accept-Language", "ru");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using var manifestStream = zip.GetEntry("manifest.json")!.Open();
        var items = JsonDocument.Parse(manifestStream).RootElement.GetProperty("items");

        var fields = items[0];
        Assert.Equal(422, fields.GetProperty("status").GetInt32());
        Assert.Equal("Неизвестное поле", fields.GetProperty("errors").GetProperty("colour")[0].GetString());
        Assert.Equal("unknown-field", fields.GetProperty("codes").GetProperty("colour")[0].GetString());

        var unknown = items[1];
        Assert.Equal(404, unknown.GetProperty("status").GetInt32());
        Assert.Equal("Формы «no-such-form» нет. Список форм: GET /api/forms", unknown.GetProperty("detail").GetString());
        Assert.Equal("unknown-form", unknown.GetProperty("codes").GetProperty("$")[0].GetString());
    }

    [Fact]
    public async Task A_spreadsheet_s_row_report_words_its_rows_in_the_language_asked_for()
    {
        using var request = Post("/api/forms/referral-certificate/merge?output=report", Csv("convict.surname,verdict.hours\r\nӘбенов,5000\r\n"));
        request.Headers.TryAddWithoutValidation("Accept-Language", "ru");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(2, row.GetProperty("row").GetInt32());
        Assert.Equal("Должно быть от 1 до 1200", row.GetProperty("errors").GetProperty("verdict.hours")[0].GetString());
        Assert.Equal("between", row.GetProperty("codes").GetProperty("verdict.hours")[0].GetString());
        Assert.Equal("Обязательное поле", row.GetProperty("errors").GetProperty("convict.name")[0].GetString());
    }

    [Theory]
    [InlineData("ru", "Неизвестная форма", "Формы «no-such-form» нет. Список форм: GET /api/forms")]
    [InlineData("kk", "Белгісіз нысан", "«no-such-form» нысаны жоқ. Нысандар тізімі: GET /api/forms")]
    [InlineData(null, "Белгісіз нысан / Unknown form", "«no-such-form» нысаны жоқ. Нысандар тізімі: GET /api/forms / There is no form 'no-such-form'. GET /api/forms lists the forms.")]
    public async Task An_unknown_form_is_404_in_the_language_asked_for(string? language, string title, string detail)
    {
        foreach (var url in new[] { "/api/forms/no-such-form", "/api/forms/no-such-form/blank", "/api/forms/no-such-form/versions/2025-733/template.xlsx" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (language is not null)
                request.Headers.TryAddWithoutValidation("Accept-Language", language);
            var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal(title, problem.GetProperty("title").GetString());
            Assert.Equal(detail, problem.GetProperty("detail").GetString());
            Assert.Equal("unknown-form", problem.GetProperty("codes").GetProperty("formId")[0].GetString());
        }
    }

    [Fact]
    public async Task Malformed_json_is_400_in_the_language_asked_for_with_its_line()
    {
        using var request = Post("/api/forms/referral-certificate/validate", Json("{\n  \"convict\": ]"));
        request.Headers.TryAddWithoutValidation("Accept-Language", "ru");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Неверный JSON", problem.GetProperty("title").GetString());
        Assert.StartsWith("Тело запроса — неверный JSON (строка 2, байт", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("body-not-json", problem.GetProperty("codes").GetProperty("$")[0].GetString());
    }

    [Theory]
    [InlineData("ru", "Таблица не принята", "В таблице есть заголовки, но нет строк данных")]
    [InlineData(null, "Кесте қабылданбады / Spreadsheet refused", "Кестеде тақырыптар бар, бірақ деректер жолы жоқ / The spreadsheet has headers but no data rows.")]
    public async Task A_spreadsheet_refused_as_a_whole_is_told_in_the_language_asked_for(string? language, string title, string detail)
    {
        using var request = Post("/api/forms/referral-certificate/merge", Csv("convict.surname\r\n"));
        if (language is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal("sheet-no-data-rows", problem.GetProperty("codes").GetProperty("$")[0].GetString());
    }

    /// <summary>Problems without an error list: their title and detail in Russian, the detail's code under what it is about.</summary>
    [Theory]
    [InlineData("accept", 406, "Формат недоступен", "Эта форма оформляется только в pdf, docx", "Accept", "format-offered")]
    [InlineData("json-upload", 415, "Неподдерживаемый тип данных",
        "Отправьте файл .xlsx (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) или .csv (text/csv): как multipart/form-data или телом запроса со своим типом",
        "Content-Type", "send-spreadsheet")]
    [InlineData("if-none-match", 412, "Предусловие не выполнено",
        "If-None-Match: * запрашивает документ, только если его нет; у каждой версии формы он есть", "If-None-Match", "if-none-match-any")]
    [InlineData("text-body", 415, "Неподдерживаемый тип данных", "Отправьте данные как application/json", "$", "status-415")]
    [InlineData("no-route", 404, "Не найдено", null, "$", "status-404")]
    [InlineData("schema", 404, "Неизвестная схема", "Схемы «nothing» нет; список: /api/schemas", "name", "unknown-schema")]
    [InlineData("artwork", 404, "Нет макета",
        "У формы «referral-certificate» нет макета для просмотра; для просмотра страницы отправьте данные в POST /api/forms/referral-certificate/preview", "formId", "no-artwork")]
    public async Task Problems_without_errors_are_titled_and_detailed_in_the_language_asked_for(string site, int status, string title, string? detail, string at, string code)
    {
        using var request = site switch
        {
            "accept" => Post("/api/forms/referral-certificate/render", Json(Repo.Example("referral-certificate"))),
            "json-upload" => Post("/api/forms/referral-certificate/merge", Json("{}")),
            "if-none-match" => Post("/api/forms/referral-certificate/render", Json(Repo.Example("referral-certificate"))),
            "schema" => new HttpRequestMessage(HttpMethod.Get, "/api/schemas/nothing"),
            "text-body" => Post("/api/forms/referral-certificate/render", new StringContent("{}", Encoding.UTF8, "text/plain")),
            "no-route" => new HttpRequestMessage(HttpMethod.Get, "/api/no/such/route"),
            _ => new HttpRequestMessage(HttpMethod.Get, "/api/forms/referral-certificate/preview?format=png"),
        };
        if (site == "accept") request.Headers.TryAddWithoutValidation("Accept", "image/png");
        if (site == "if-none-match") request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        request.Headers.TryAddWithoutValidation("Accept-Language", "ru");
        var response = await _client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.TryGetProperty("detail", out var said) ? said.GetString() : null);
        Assert.Equal(code, Assert.Single(problem.GetProperty("codes").GetProperty(at).EnumerateArray()).GetString());
        Assert.Equal("ru", response.Content.Headers.ContentLanguage.Single());
    }

    private static HttpRequestMessage Post(string url, HttpContent content) => new(HttpMethod.Post, url) { Content = content };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");
}
