using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;
using FormsService.Core.Forms.AkimatReports;

namespace FormsService.Tests.Russian;

/// <summary>
/// What Russian grammar asks of the documents' texts: a noun agreeing with the number before it
/// (<c>{path:plural=час,часа,часов}</c>), and the words the forms' views compute (month titles, periods, a verdict's
/// cases) as Russian-language acts write them.
/// </summary>
public sealed class RussianGrammarTests
{
    private static readonly NounForms Hours = new(["час", "часа", "часов"]);

    [Theory]
    [InlineData("1", "1 час")]
    [InlineData("2", "2 часа")]
    [InlineData("3", "3 часа")]
    [InlineData("4", "4 часа")]
    [InlineData("5", "5 часов")]
    [InlineData("0", "0 часов")]
    [InlineData("11", "11 часов")]
    [InlineData("12", "12 часов")]
    [InlineData("14", "14 часов")]
    [InlineData("20", "20 часов")]
    [InlineData("21", "21 час")]
    [InlineData("22", "22 часа")]
    [InlineData("25", "25 часов")]
    [InlineData("101", "101 час")]
    [InlineData("111", "111 часов")]
    [InlineData("112", "112 часов")]
    [InlineData("122", "122 часа")]
    [InlineData("240", "240 часов")]
    [InlineData("1.5", "1.5 часа")]
    [InlineData("100000000000000000001", "100000000000000000001 час")] // past long's range: the last two digits decide
    public void Hours_agree_with_their_number(string number, string expected) => Assert.Equal(expected, Hours.With(number));

    [Theory]
    [InlineData("1", "1 день")]
    [InlineData("2", "2 дня")]
    [InlineData("5", "5 дней")]
    [InlineData("11", "11 дней")]
    [InlineData("21", "21 день")]
    [InlineData("24", "24 дня")]
    public void Days_agree_with_their_number(string number, string expected) =>
        Assert.Equal(expected, new NounForms(["день", "дня", "дней"]).With(number));

    [Fact]
    public void One_form_is_a_noun_that_does_not_change_after_a_number_as_in_Kazakh()
    {
        var kazakh = new NounForms(["сағат"]);
        Assert.Equal("1 сағат", kazakh.With("1"));
        Assert.Equal("5 сағат", kazakh.With("5"));
        Assert.Equal("21 сағат", kazakh.With("21"));
    }

    private static TemplateParser Parser() =>
        new("definition.ru.json", new HashSet<string>(StringComparer.Ordinal) { "hours", "name" }, new HashSet<string>());

    private static string? Render(string template, string json) =>
        DocumentBuilder.Render(Parser().ParseValue(template, "$.body[0]").Parts, new PayloadValues(JsonDocument.Parse(json).RootElement.Clone()));

    [Theory]
    [InlineData("{\"hours\": 120}", "на срок 120 часов")]
    [InlineData("{\"hours\": 21}", "на срок 21 час")]
    [InlineData("{\"hours\": 2}", "на срок 2 часа")]
    public void A_template_writes_the_number_then_the_agreeing_noun(string payload, string expected) =>
        Assert.Equal(expected, Render("на срок {hours:plural=час,часа,часов}", payload));

    [Fact]
    public void A_template_with_no_number_prints_no_noun()
    {
        Assert.Null(Render("{hours:plural=час,часа,часов}", "{}"));
        Assert.Equal("Иванов", Render("{name}[, {hours:plural=час,часа,часов}]", "{\"name\": \"Иванов\"}"));
        Assert.Equal("Иванов, 5 часов", Render("{name}[, {hours:plural=час,часа,часов}]", "{\"name\": \"Иванов\", \"hours\": 5}"));
    }

    [Theory]
    [InlineData("{hours:plural=час,часа}")]
    [InlineData("{hours:plural=час,,часов}")]
    [InlineData("{hours:plural=}")]
    [InlineData("{hours:upper}")]
    [InlineData("{minutes:plural=минута,минуты,минут}")]
    public void A_broken_plural_stops_start_up_with_its_path(string template)
    {
        var error = Assert.Throws<DefinitionException>(() => Parser().ParseValue(template, "$.body[0]"));
        Assert.Equal("$.body[0]", error.JsonPath);
        Assert.EndsWith("definition.ru.json", error.File);
    }

    public static TheoryData<int, string, string> Months => new()
    {
        { 1, "январь", "января" }, { 2, "февраль", "февраля" }, { 3, "март", "марта" }, { 4, "апрель", "апреля" },
        { 5, "май", "мая" }, { 6, "июнь", "июня" }, { 7, "июль", "июля" }, { 8, "август", "августа" },
        { 9, "сентябрь", "сентября" }, { 10, "октябрь", "октября" }, { 11, "ноябрь", "ноября" }, { 12, "декабрь", "декабря" },
    };

    [Theory]
    [MemberData(nameof(Months))]
    public void A_month_s_title_is_nominative_and_a_period_s_month_genitive(int month, string nominative, string genitive)
    {
        var months = FormsService.Tests.AkimatReports.MonthTextsTests.Months("ru");
        var first = new DateOnly(2025, month, 1);
        Assert.Equal($"{nominative} 2025 года", months.Title(first));
        Assert.Equal($"с 1 по 28 {genitive} 2025 года", months.Period(first, first.AddDays(27)));
        Assert.Equal($"5 {genitive} 2025 года", months.Period(first.AddDays(4), first.AddDays(4)));
    }

    [Fact]
    public void A_verdict_and_a_ruling_take_the_cases_their_sentences_need()
    {
        var words = ViewWords.Of("ru");
        Assert.Equal("приговора", words.VerdictOf(null).Genitive);
        Assert.Equal("Приговором", words.VerdictOf("verdict").Instrumental);
        Assert.Equal("постановления", words.VerdictOf("ruling").Genitive);
        Assert.Equal("Постановлением", words.VerdictOf("ruling").Instrumental);
    }

    [Fact]
    public void Every_text_a_view_computes_exists_in_both_languages()
    {
        var kk = ViewWords.Of("kk");
        var ru = ViewWords.Of("ru");
        Assert.Equal("kk", kk.Language);
        Assert.Equal(kk.EvasionKinds.Keys.Order(), ru.EvasionKinds.Keys.Order());
        Assert.All(ru.EvasionKinds.Values, v => Assert.DoesNotMatch("[әғқңөұүһі]", v));
        Assert.All(new[] { ru.NoBreaches, ru.NoExplanation, ru.SentenceServed, ru.FourHours, ru.EightHours },
            v => Assert.DoesNotMatch("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]", v));
    }
}
