using System.Globalization;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>Dates as the reports' tables and titles print them: a table cell holds "03.11.2025", not a drawn blank.</summary>
internal static class DateTexts
{
    public static string Cell(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"2025 жылғы қараша".</summary>
    public static string Month(DateOnly first) => $"{first.Year} жылғы {KazakhMonths.Nominative[first.Month - 1]}";

    /// <summary>
    /// When, inside one month, something was done: "2025 жылғы 1–28 қараша аралығында" for a period, and for one day
    /// the locative "2025 жылғы 5 қарашада" (a single day is no interval).
    /// </summary>
    public static string Period(DateOnly from, DateOnly to) =>
        from == to ? $"{from.Year} жылғы {from.Day} {KazakhMonths.Locative[from.Month - 1]}"
                   : $"{from.Year} жылғы {from.Day}–{to.Day} {KazakhMonths.Nominative[from.Month - 1]} аралығында";
}
