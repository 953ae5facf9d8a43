using System.Globalization;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>Dates as the reports' tables and titles print them: a table cell holds "03.11.2025", not a drawn blank.</summary>
internal static class DateTexts
{
    public static string Cell(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"2025 жылғы қараша" (Kazakh; <see cref="ViewWords.Month"/> in a document's language).</summary>
    public static string Month(DateOnly first) => ViewWords.Kazakh.Month(first);

    /// <summary>
    /// When, inside one month, something was done: "2025 жылғы 1–28 қараша аралығында" for a period, and for one day
    /// the locative "2025 жылғы 5 қарашада" (a single day is no interval).
    /// </summary>
    public static string Period(DateOnly from, DateOnly to) => ViewWords.Kazakh.Period(from, to);
}
