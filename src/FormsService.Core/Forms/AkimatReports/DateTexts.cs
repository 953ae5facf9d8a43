using System.Globalization;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>Dates as the reports' tables print them: a table cell holds "03.11.2025", not a drawn blank (titles and periods: <see cref="MonthTexts"/>).</summary>
internal static class DateTexts
{
    public static string Cell(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
