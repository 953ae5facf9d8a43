using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Tests.Support;

namespace FormsService.Tests.Messages;

/// <summary>
/// Problem messages in the reader's language (<c>Accept-Language</c>: Kazakh by default, Russian, English), from one
/// table per language under <c>forms/_messages/</c>, keyed by the message's code; the errors stay keyed by JSON path.
/// </summary>
public sealed partial class ProblemLanguageTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A surname too long, hours out of range, a field unknown: three codes with parameters.</summary>
    private static string BadPayload()
    {
        var payload = JsonNode.Parse(Repo.Example("referral-certificate"))!.AsObject();
        payload["convict"]!["surname"] = new string('А', 101);
        payload["verdict"]!["hours"] = 5000;
        return payload.ToJsonString();
    }

    private async Task<(HttpResponseMessage Response, JsonElement Problem)> Render(string? acceptLanguage, string? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/referral-certificate/render?format=pdf")
        {
            Content = new StringContent(body ?? BadPayload(), Encoding.UTF8, "application/json"),
        };
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string Message(JsonElement problem, string path) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(path).EnumerateArray().Select(m => m.GetString()));

    [Theory]
    [InlineData("kk", "100 таңбадан аспауы керек", "1–1200 аралығында болуы керек", "Деректер нысанның ережелерін бұзады")]
    [InlineData("ru", "Не более 100 символов", "Должно быть от 1 до 1200", "Данные нарушают правила формы")]
    [InlineData("en", "At most 100 characters.", "Must be from 1 to 1200.", "The payload breaks the form's rules")]
    [InlineData(null, "100 таңбадан аспауы керек", "1–1200 аралығында болуы керек", "Деректер нысанның ережелерін бұзады")]
    [InlineData("ru-RU,ru;q=0.9", "Не более 100 символов", "Должно быть от 1 до 1200", "Данные нарушают правила формы")]
    [InlineData("de-DE,en;q=0.8,ru;q=0.5", "At most 100 characters.", "Must be from 1 to 1200.", "The payload breaks the form's rules")]
    [InlineData("fr", "100 таңбадан аспауы керек", "1–1200 аралығында болуы керек", "Деректер нысанның ережелерін бұзады")]
    public async Task The_same_bad_payload_is_told_in_the_language_asked_for(string? acceptLanguage, string surname, string hours, string title)
    {
        var (response, problem) = await Render(acceptLanguage);
        Assert.Equal(surname, Message(problem, "convict.surname"));
        Assert.Equal(hours, Message(problem, "verdict.hours"));
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("detail", out _), "no developer banner in the problem");
        var expected = title.StartsWith("The", StringComparison.Ordinal) ? "en" : title.StartsWith("Данные", StringComparison.Ordinal) ? "ru" : "kk";
        Assert.Equal(expected, response.Content.Headers.ContentLanguage.Single());
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Equal("too-long", problem.GetProperty("codes").GetProperty("convict.surname")[0].GetString());
        Assert.Equal("between", problem.GetProperty("codes").GetProperty("verdict.hours")[0].GetString());
    }

    [Fact]
    public async Task Validate_and_preview_speak_the_same_language()
    {
        foreach (var route in new[] { "validate", "preview" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/forms/referral-certificate/{route}")
            {
                Content = new StringContent(BadPayload(), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Accept-Language", "ru");
            var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Не более 100 символов", Message(problem, "convict.surname"));
        }
    }

    [Theory]
    [InlineData("ru", "Распоряжение просрочено")]
    [InlineData("kk", "Өкім мерзімінен кеш шығарылған")]
    [InlineData("en", "The order is late")]
    public async Task Warnings_of_a_valid_payload_are_told_in_the_language_asked_for(string language, string start)
    {
        var payload = JsonNode.Parse(Repo.Example("work-order"))!.AsObject();
        payload["order"]!["date"] = "2025-11-20";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/work-order/validate")
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var late = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("warnings")
            .EnumerateArray().Single(w => w.GetProperty("code").GetString() == "late-order");
        Assert.StartsWith(start, late.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_code_the_source_says_is_in_every_table()
    {
        using var engine = FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts);
        var source = Path.Combine(Repo.Root, "src");
        var codes = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => SaidCode().Matches(File.ReadAllText(f)).Select(m => (File: f, Code: m.Groups[1].Value)))
            .ToList();
        Assert.True(codes.Count > 50, $"found only {codes.Count} coded messages");
        var missing = codes.Where(c => !engine.Messages.Knows(c.Code)).Select(c => $"{c.Code} ({Path.GetFileName(c.File)})").ToList();
        Assert.True(missing.Count == 0, "codes with no text: " + string.Join(", ", missing));
    }

    [Fact]
    public void No_rule_of_a_form_words_its_message_inline()
    {
        var forms = Path.Combine(Repo.Root, "src", "FormsService.Core", "Forms");
        var inline = Directory.EnumerateFiles(forms, "*Validator.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(forms, "*Warnings.cs", SearchOption.AllDirectories))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && InlineText().IsMatch(l.Text)
                && MessageContext().IsMatch(l.Text))
            .Select(l => $"{Path.GetFileName(l.File)}:{l.Line}").ToList();
        Assert.True(inline.Count == 0, "messages worded in code, not in forms/_messages: " + string.Join(", ", inline));
    }

    [Theory]
    [InlineData("ru", "too-long", null, "$.messages['too-long']")]
    [InlineData("en", "between", "Must be from {min} to {top}.", "$.messages['between']")]
    public void Start_up_stops_when_a_code_lacks_a_language_or_a_parameter(string language, string code, string? text, string path)
    {
        var forms = Tools.CopyOfShippedForms("forms-messages");
        var table = Path.Combine(forms, "_messages", language + ".json");
        var node = JsonNode.Parse(File.ReadAllText(table))!;
        if (text is null) node["messages"]!.AsObject().Remove(code);
        else node["messages"]![code] = text;
        File.WriteAllText(table, node.ToJsonString());

        var error = Assert.Throws<DefinitionException>(() => FormsService.Core.Composition.LoadEngine(forms, Repo.Fonts).Dispose());
        Assert.StartsWith(path, error.JsonPath, StringComparison.Ordinal);
    }

    /// <summary>
    /// Problems of the request plumbing are worded in one place (<c>Http/Problems.cs</c>) from codes: no other file
    /// of the service makes a problem, and no file of the service or its engine writes a "Kazakh / English" pair.
    /// </summary>
    [Fact]
    public void No_problem_of_the_service_is_worded_inline()
    {
        var api = Path.Combine(Repo.Root, "src", "FormsService.Api");
        var engine = Path.Combine(Repo.Root, "src", "FormsService.Core", "Engine");
        var lines = new[] { api, engine }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .ToList();
        var made = lines.Where(l => l.Text.Contains("TypedResults.Problem(", StringComparison.Ordinal) && Path.GetFileName(l.File) != "Problems.cs")
            .Select(l => $"{Path.GetFileName(l.File)}:{l.Line}").ToList();
        var pairs = lines.Where(l => KazakhEnglishPair().IsMatch(l.Text)).Select(l => $"{Path.GetFileName(l.File)}:{l.Line}").ToList();
        Assert.True(made.Count + pairs.Count == 0, $"problems made outside Http/Problems.cs: {string.Join(", ", made)}; " +
            $"'Kazakh / English' literals, not codes in forms/_messages: {string.Join(", ", pairs)}");
    }

    /// <summary>
    /// <c>Say.Of("code"</c>, the shorthands <c>"@code"</c>, a spreadsheet problem's code (<c>SheetProblem.Refused("code"</c>)
    /// and a problem's title code (<c>"problem-…"</c>).
    /// </summary>
    [GeneratedRegex("""(?:Say\.Of\("|"@|SheetProblem\.[A-Za-z]+\("|"(?=problem-))([a-z][a-z0-9-]*)"?""")]
    private static partial Regex SaidCode();

    /// <summary>A string literal with Cyrillic text, then " / " and an English word.</summary>
    [GeneratedRegex("\\$?\"[^\"]*\\p{IsCyrillic}[^\"]*\\s/\\s[A-Z][a-z][^\"]*\"")]
    private static partial Regex KazakhEnglishPair();

    /// <summary>Where a message is worded: a rule's message, a failure, a warning, a "Kazakh / English" pair.</summary>
    [GeneratedRegex(@"WithMessage|ValidationFailure|yield return|PayloadWarning\(| / ")]
    private static partial Regex MessageContext();

    /// <summary>Kazakh or Russian words in a string literal.</summary>
    [GeneratedRegex("\\$?\"[^\"]*\\p{IsCyrillic}[^\"]*\"")]
    private static partial Regex InlineText();
}
