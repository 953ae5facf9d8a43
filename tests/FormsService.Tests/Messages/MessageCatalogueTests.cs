using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Payloads;
using FormsService.Tests.Support;

namespace FormsService.Tests.Messages;

/// <summary>
/// Every message of <c>forms/_messages</c> with its arguments filled, in Kazakh, Russian and English, against an
/// approved file read by a person (<c>Approved/messages.txt</c>): a change of wording shows as a diff. With
/// APPROVE=1 the file is rewritten instead (read the diff, then commit it). And the counts: Russian and English nouns
/// agree with every number.
/// </summary>
public sealed partial class MessageCatalogueTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string ApprovedPath => Path.Combine(Repo.Root, "tests", "FormsService.Tests", "Approved", "messages.txt");

    /// <summary>A plausible value for each parameter name; any other name prints as ‹name›.</summary>
    private static readonly Dictionary<string, object> Samples = new(StringComparer.Ordinal)
    {
        ["hours"] = 41, ["max"] = 21, ["min"] = 1, ["day"] = 3, ["days"] = 30, ["month"] = "2025-11", ["year"] = 2025,
        ["due"] = "2025-11-28", ["received"] = "2025-10-16", ["date"] = "2025-10-18", ["today"] = "2025-10-17",
        ["from"] = "2025-10-27", ["to"] = "2025-11-02", ["on"] = "2025-10-14", ["total"] = 122, ["sentence"] = 120,
        ["before"] = 125, ["name"] = "Сейтқалиев Н.", ["count"] = 502, ["rows"] = 1001, ["columns"] = 22, ["parts"] = 111,
        ["megapixels"] = "2.5", ["seconds"] = 60, ["budget"] = 512, ["needs"] = 64, ["ms"] = 30000, ["line"] = 3, ["byte"] = 17,
        ["formId"] = "work-order", ["version"] = "2025-733", ["formats"] = "pdf, docx", ["value"] = "12",
    };

    private static IReadOnlyDictionary<string, string> Kazakh() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Forms, "_messages", "kk.json")))!["messages"]!.AsObject()
            .ToDictionary(m => m.Key, m => m.Value!.GetValue<string>());

    private static string Filled(MessageTable table, string code, string kazakh, string language)
    {
        var names = Parameter().Matches(kazakh).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);
        var args = names.Select(n => (n, Samples.TryGetValue(n, out var v) ? v : (object)$"‹{n}›")).ToArray();
        return table.Text(Say.Of(code, args), language);
    }

    [Fact]
    public void Every_message_filled_in_three_languages_matches_the_approved_file()
    {
        using var engine = FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts);
        var text = new StringBuilder();
        foreach (var (code, kazakh) in Kazakh().OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            text.Append(code).Append('\n');
            foreach (var language in new[] { "kk", "ru", "en" })
                text.Append("  ").Append(language).Append(": ").Append(Filled(engine.Messages, code, kazakh, language)).Append('\n');
        }
        var received = text.ToString();
        var approved = File.Exists(ApprovedPath) ? File.ReadAllText(ApprovedPath).ReplaceLineEndings("\n") : "";
        if (received == approved)
            return;
        if (Environment.GetEnvironmentVariable("APPROVE") == "1")
        {
            File.WriteAllText(ApprovedPath, received);
            return;
        }
        var path = Path.Combine(Tools.TempDir("messages"), "messages.received.txt");
        File.WriteAllText(path, received);
        var first = received.Split('\n').Zip(approved.Split('\n')).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
        Assert.Fail($"The messages differ from {ApprovedPath} at line {first.i + 1}:\n- {first.p.Second}\n+ {first.p.First}\n" +
            $"The whole text is at {path}: diff it, and if the change is intended run with APPROVE=1 and commit the file.");
    }

    [Fact]
    public void No_message_leaves_a_placeholder_unfilled()
    {
        using var engine = FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts);
        foreach (var (code, kazakh) in Kazakh())
            foreach (var language in new[] { "kk", "ru", "en" })
                Assert.DoesNotMatch(@"\{[A-Za-z]", Filled(engine.Messages, code, kazakh, language));
    }

    [Theory]
    [InlineData(1, "1 час", "1 hour")]
    [InlineData(2, "2 часа", "2 hours")]
    [InlineData(5, "5 часов", "5 hours")]
    [InlineData(11, "11 часов", "11 hours")]
    [InlineData(21, "21 час", "21 hours")]
    [InlineData(22, "22 часа", "22 hours")]
    [InlineData(25, "25 часов", "25 hours")]
    [InlineData(111, "111 часов", "111 hours")]
    public async Task A_count_of_hours_takes_its_plural_form_in_russian_and_english(int sentence, string ru, string en)
    {
        // 1200 hours worked before a sentence of n hours: the message names both counts.
        var payload = JsonNode.Parse(Repo.Example("time-sheet"))!.AsObject();
        payload["persons"]![0]!["sentenceHours"] = sentence;
        payload["persons"]![0]!["hoursBefore"] = 1200;
        var body = payload.ToJsonString();
        foreach (var (language, expected, full) in new[]
                 {
                     ("ru", $"({ru})", "Часы, отработанные ранее (1200 часов), превышают срок наказания"),
                     ("en", $"sentence of {en}", "1200 hours worked before exceed the sentence of"),
                     ("kk", $"({sentence} сағат)", "Бұрын өтелген 1200 сағат жаза мерзімінен"),
                 })
        {
            var response = await _client.PostJson("/api/forms/time-sheet/validate", body, language);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var message = (await response.ProblemAsync()).GetProperty("errors").GetProperty("persons[0].hoursBefore")[0].GetString()!;
            Assert.Contains(full, message);
            Assert.Contains(expected, message);
        }
    }

    [Theory]
    [InlineData(1, "Не более 1 символа", "At most 1 character.")]
    [InlineData(2, "Не более 2 символов", "At most 2 characters.")]
    [InlineData(5, "Не более 5 символов", "At most 5 characters.")]
    [InlineData(11, "Не более 11 символов", "At most 11 characters.")]
    [InlineData(21, "Не более 21 символа", "At most 21 characters.")]
    [InlineData(22, "Не более 22 символов", "At most 22 characters.")]
    [InlineData(25, "Не более 25 символов", "At most 25 characters.")]
    [InlineData(111, "Не более 111 символов", "At most 111 characters.")]
    public void Every_counted_noun_agrees_with_its_number(int n, string ru, string en)
    {
        using var engine = FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts);
        Assert.Equal(ru, engine.Messages.Text(Say.TooLong(n), "ru"));
        Assert.Equal(en, engine.Messages.Text(Say.TooLong(n), "en"));
        var forms = new Dictionary<int, (string Days, string Persons, string Rows)>
        {
            [1] = ("1 день", "до 1 человека", "1 строка"), [2] = ("2 дня", "до 2 человек", "2 строки"), [5] = ("5 дней", "до 5 человек", "5 строк"),
            [11] = ("11 дней", "до 11 человек", "11 строк"), [21] = ("21 день", "до 21 человека", "21 строка"),
            [22] = ("22 дня", "до 22 человек", "22 строки"), [25] = ("25 дней", "до 25 человек", "25 строк"),
            [111] = ("111 дней", "до 111 человек", "111 строк"),
        }[n];
        Assert.EndsWith(forms.Days, engine.Messages.Text(Say.Of("month-has-days", ("month", "2025-11"), ("days", n)), "ru"));
        Assert.EndsWith(forms.Persons, engine.Messages.Text(Say.Of("persons-between", ("max", n)), "ru"));
        Assert.Contains(forms.Rows + " данных", engine.Messages.Text(Say.Of("sheet-too-many-rows", ("rows", n), ("max", 1000)), "ru"));
        Assert.StartsWith($"{n} {(n % 10 == 1 && n % 100 != 11 ? "час" : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? "часа" : "часов")} в неделю",
            engine.Messages.Text(Say.Of("hours-per-week-order", ("hours", n)), "ru"));
    }

    [Fact]
    public async Task Russian_and_kazakh_deadlines_read_as_dates_that_leave_no_doubt()
    {
        var late = JsonNode.Parse(Repo.Example("work-order"))!.AsObject();
        late["order"]!["date"] = "2025-10-24";
        foreach (var (language, expected) in new[]
                 {
                     ("ru", "приговор (постановление) суда поступил 16.10.2025, распоряжение нужно было издать не позднее 23.10.2025"),
                     ("kk", "сот үкімі (қаулысы) 16.10.2025 келіп түскен, өкім 23.10.2025 күнінен кешіктірмей (5 жұмыс күні ішінде) шығарылуы тиіс еді"),
                 })
        {
            var response = await _client.PostJson("/api/forms/work-order/validate", late.ToJsonString(), language);
            var warning = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("warnings")[0];
            Assert.Contains(expected, warning.GetProperty("message").GetString());
            Assert.DoesNotContain(" до ", warning.GetProperty("message").GetString());
            Assert.DoesNotContain("} дейін", warning.GetProperty("message").GetString());
        }
    }

    [Fact]
    public void No_kazakh_message_breaks_the_genitive_chain_of_a_citation()
    {
        foreach (var (code, text) in Kazakh())
        {
            Assert.False(BrokenChain().IsMatch(text), $"{code}: {text}");
            Assert.DoesNotContain("} дейін", text);
        }
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex Parameter();

    /// <summary>"2-тармағы 2) тармақшасы": a paragraph that owns a subparagraph takes the genitive ("2-тармағының").</summary>
    [GeneratedRegex(@"тармағы \d")]
    private static partial Regex BrokenChain();
}
