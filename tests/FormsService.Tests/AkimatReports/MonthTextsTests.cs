using FormsService.Core.Engine.Locale;
using FormsService.Core.Forms.AkimatReports;
using FormsService.Tests.Support;

namespace FormsService.Tests.AkimatReports;

/// <summary>
/// Months as the reports' code writes them come from the shipped date words (<c>forms/_locale</c>), the ones the
/// templates' dates print with: a month's name mended there is mended in every title and period too.
/// </summary>
public sealed class MonthTextsTests
{
    internal static MonthTexts Months(string language) => MonthTexts.Of(DateLocales.Load(Path.Combine(Repo.Forms, "_locale")), language);

    public static TheoryData<int, string, string> Kazakh => new()
    {
        { 1, "қаңтар", "қаңтарда" }, { 2, "ақпан", "ақпанда" }, { 3, "наурыз", "наурызда" }, { 4, "сәуір", "сәуірде" },
        { 5, "мамыр", "мамырда" }, { 6, "маусым", "маусымда" }, { 7, "шілде", "шілдеде" }, { 8, "тамыз", "тамызда" },
        { 9, "қыркүйек", "қыркүйекте" }, { 10, "қазан", "қазанда" }, { 11, "қараша", "қарашада" }, { 12, "желтоқсан", "желтоқсанда" },
    };

    [Theory]
    [MemberData(nameof(Kazakh))]
    public void A_Kazakh_title_names_the_month_a_period_spans_it_and_one_day_is_locative(int month, string name, string locative)
    {
        var months = Months("kk");
        var first = new DateOnly(2025, month, 1);
        Assert.Equal($"2025 жылғы {name}", months.Title(first));
        Assert.Equal($"2025 жылғы 1–28 {name} аралығында", months.Period(first, first.AddDays(27)));
        Assert.Equal($"2025 жылғы 5 {locative}", months.Period(first.AddDays(4), first.AddDays(4)));
    }

    [Fact]
    public void A_month_name_changed_in_the_date_words_changes_the_titles()
    {
        var locale = Tools.TempDir("locale");
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Forms, "_locale")))
            File.WriteAllText(Path.Combine(locale, Path.GetFileName(file)), File.ReadAllText(file).Replace("\"қараша\"", "\"ҚАРАША\"", StringComparison.Ordinal));
        var months = MonthTexts.Of(DateLocales.Load(locale), "kk");
        Assert.Equal("2025 жылғы ҚАРАША", months.Title(new DateOnly(2025, 11, 1)));
        Directory.Delete(locale, true);
    }
}
