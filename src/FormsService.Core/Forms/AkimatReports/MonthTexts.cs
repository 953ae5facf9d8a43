using FormsService.Core.Engine.Locale;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>
/// A month, and days inside one, as the reports' code writes them: "2025 жылғы қараша" / "ноябрь 2025 года" for a
/// title, "2025 жылғы 1–28 қараша аралығында" / "с 1 по 28 ноября 2025 года" for a period, and one day as the
/// language's dates print it ("2025 жылғы 5 қарашада", "5 ноября 2025 года"). The month names and the Kazakh
/// suffixes are the engine's date words (<c>forms/_locale</c>), the same the templates' dates print with; only the
/// Russian nominative a title needs is here, since a Russian date names its month in the genitive.
/// </summary>
internal sealed class MonthTexts
{
    private static readonly string[] RussianNominative =
        ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];

    private readonly DateLocale _dates;

    private MonthTexts(DateLocale dates) => _dates = dates;

    /// <summary>The texts of <paramref name="language"/>'s date words; a language without them stops start-up.</summary>
    public static MonthTexts Of(DateLocales locales, string language) =>
        new(locales.Find(language) ?? throw new InvalidOperationException($"No date words for '{language}' in the forms' _locale folder."));

    public string Language => _dates.Language;

    private bool Russian => _dates.Language == "ru";

    /// <summary>A month as a title.</summary>
    public string Title(DateOnly first) => Russian
        ? $"{RussianNominative[first.Month - 1]} {first.Year} года"
        : $"{first.Year} жылғы {_dates.Month(first.Month, MonthForm.Name)}";

    /// <summary>When, inside one month, something was done: a period, or one day (a single day is no interval).</summary>
    public string Period(DateOnly from, DateOnly to)
    {
        if (from == to)
            return _dates.Format(from, Russian ? DateStyle.Plain : DateStyle.Locative);
        var month = _dates.Month(from.Month, MonthForm.Name);
        return Russian
            ? $"с {from.Day} по {to.Day} {month} {from.Year} года"
            : $"{from.Year} жылғы {from.Day}–{to.Day} {month} аралығында";
    }
}
