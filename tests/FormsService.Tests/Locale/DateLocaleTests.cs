using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Locale;
using FormsService.Tests.Support;

namespace FormsService.Tests.Locale;

/// <summary>The date words the service ships (<c>forms/_locale</c>), as the documents print them.</summary>
public sealed class DateLocaleTests
{
    private static readonly DateLocales Shipped = DateLocales.Load(Path.Combine(Repo.Forms, "_locale"));
    private static DateLocale Kk => Shipped.Find("kk")!;

    // The order's own spellings (FORMS-SOURCE.md, "Kazakh dates in running text"): every month, both forms.
    public static TheoryData<int, string, string> KazakhMonths => new()
    {
        { 1, "қаңтардағы", "қаңтарда" }, { 2, "ақпандағы", "ақпанда" }, { 3, "наурыздағы", "наурызда" },
        { 4, "сәуірдегі", "сәуірде" }, { 5, "мамырдағы", "мамырда" }, { 6, "маусымдағы", "маусымда" },
        { 7, "шілдедегі", "шілдеде" }, { 8, "тамыздағы", "тамызда" }, { 9, "қыркүйектегі", "қыркүйекте" },
        { 10, "қазандағы", "қазанда" }, { 11, "қарашадағы", "қарашада" }, { 12, "желтоқсандағы", "желтоқсанда" },
    };

    [Theory]
    [MemberData(nameof(KazakhMonths))]
    public void Every_Kazakh_month_takes_the_suffix_its_vowels_and_last_sound_call_for(int month, string attributive, string locative)
    {
        var date = new DateOnly(2025, month, 14);
        Assert.Equal($"2025 жылғы 14 {attributive}", Kk.Format(date, DateStyle.Attributive));
        Assert.Equal($"2025 жылғы 14 {locative}", Kk.Format(date, DateStyle.Locative));
    }

    [Fact]
    public void The_order_s_own_dates_read_back()
    {
        Assert.Equal("2014 жылғы 15 тамыздағы", Kk.Format(new DateOnly(2014, 8, 15), DateStyle.Attributive));
        Assert.Equal("2025 жылғы 30 қыркүйектегі", Kk.Format(new DateOnly(2025, 9, 30), DateStyle.Attributive));
        Assert.Equal("2025 жылғы 14 қазан", Kk.Format(new DateOnly(2025, 10, 14), DateStyle.Plain));
        Assert.Equal("2025 жылғы 5 қазан", Kk.Format(new DateOnly(2025, 10, 5), DateStyle.Plain)); // no leading zero in text
    }

    public static TheoryData<int, string> RussianMonths => new()
    {
        { 1, "января" }, { 2, "февраля" }, { 3, "марта" }, { 4, "апреля" }, { 5, "мая" }, { 6, "июня" },
        { 7, "июля" }, { 8, "августа" }, { 9, "сентября" }, { 10, "октября" }, { 11, "ноября" }, { 12, "декабря" },
    };

    /// <summary>
    /// Every month in the genitive, the year followed by "года", in every style a definition may use: Russian writes an
    /// attributive date with "от" before it, and that is the text's, not the date's.
    /// </summary>
    [Theory]
    [MemberData(nameof(RussianMonths))]
    public void Every_Russian_month_is_in_the_genitive_with_the_year_followed_by_goda(int month, string genitive)
    {
        var ru = Shipped.Find("ru")!;
        var date = new DateOnly(2025, month, 3);
        foreach (var style in new[] { DateStyle.Plain, DateStyle.Attributive, DateStyle.Locative })
            Assert.Equal($"3 {genitive} 2025 года", ru.Format(date, style));
        Assert.Equal(month, ru.MonthOf(genitive));
    }

    [Fact]
    public void Russian_dates_read_as_russian_acts_write_them()
    {
        var ru = Shipped.Find("ru")!;
        Assert.Equal("3 ноября 2025 года", ru.Format(new DateOnly(2025, 11, 3), DateStyle.Plain));
        Assert.Equal("14 октября 2025 года", ru.Format(new DateOnly(2025, 10, 14), DateStyle.Attributive));
        // The drawn date: «03» ноября 2025 года; blank, «___» __________ 20__ года.
        Assert.Equal(["«", "{day}", "» ", "{month}", " ", "{year}", " года"], Shape(ru.Pattern(DateStyle.Blank)));
        Assert.Equal("20", ru.BlankYearPrefix);
        Assert.Equal("03", ru.Value(new DateOnly(2025, 11, 3), new DateSlot(DatePart.Day), DateStyle.Blank));
    }

    [Fact]
    public void The_blank_style_is_the_form_s_drawn_shape()
    {
        Assert.Equal(["{year}", " жылғы \"", "{day}", "\" ", "{month}"], Shape(Kk.Pattern(DateStyle.Blank)));
        Assert.Equal("20", Kk.BlankYearPrefix);
        Assert.Equal("05", Kk.Value(new DateOnly(2025, 10, 5), new DateSlot(DatePart.Day), DateStyle.Blank));
    }

    [Theory]
    [InlineData("\"months\": [\"a\"]", "$.months")]
    [InlineData("\"dates\": { \"blank\": \"{year} {day}\", \"plain\": \"{day} {month} {year}\", \"attributive\": \"{day} {month} {year}\", \"locative\": \"{day} {month} {year}\" }", "$.dates.blank")]
    [InlineData("\"dates\": { \"blank\": \"{day} {month} {year}\", \"plain\": \"{day} {month.locative} {year}\", \"attributive\": \"{day} {month} {year}\", \"locative\": \"{day} {month} {year}\" }", "$.dates.plain")]
    [InlineData("\"dates\": { \"blank\": \"{day} {month} {year}\", \"plain\": \"{day} {month} {year}\", \"attributive\": \"{day} {when} {year}\", \"locative\": \"{day} {month} {year}\" }", "$.dates.attributive")]
    public void A_broken_locale_file_stops_start_up_with_its_path(string replacement, string path)
    {
        var dir = Tools.TempDir("locale");
        var key = replacement[..replacement.IndexOf(':')];
        var lines = key == "\"months\"" ? replacement + ",\n" + Dates : Months + ",\n" + replacement;
        File.WriteAllText(Path.Combine(dir, "xx.json"), "{ \"language\": \"xx\",\n" + lines + " }");

        var error = Assert.Throws<DefinitionException>(() => DateLocales.Load(dir));
        Assert.Equal(path, error.JsonPath);
        Assert.EndsWith("xx.json", error.File);
    }

    [Fact]
    public void A_definition_in_a_language_without_date_words_stops_start_up()
    {
        var error = Assert.Throws<DefinitionException>(() => Shipped.For("de", "definition.json"));
        Assert.Equal("$.language", error.JsonPath);
        Assert.Contains("kk", error.Message);
    }

    private const string Months = "\"months\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\"]";
    private const string Dates = "\"dates\": { \"blank\": \"{day} {month} {year}\", \"plain\": \"{day} {month} {year}\", \"attributive\": \"{day} {month} {year}\", \"locative\": \"{day} {month} {year}\" }";

    private static string[] Shape(IReadOnlyList<DatePiece> pieces) =>
        [.. pieces.Select(p => p switch { DateText t => t.Text, DateSlot s => "{" + s.Part.ToString().ToLowerInvariant() + "}", _ => "?" })];
}
