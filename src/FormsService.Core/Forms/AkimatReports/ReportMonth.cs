using System.Globalization;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>A month of the akimat's monthly reports, written as <c>YYYY-MM</c>.</summary>
internal static class ReportMonth
{
    /// <summary>The same months as <see cref="Parse"/>, for the schema (1990-01 to 2100-12).</summary>
    public const string Pattern = "^(199[0-9]|20[0-9][0-9]|2100)-(0[1-9]|1[0-2])$";

    public static readonly Engine.Payloads.Message Message = Engine.Payloads.Say.Of("month");

    /// <summary>The first day of the month, or null when the text is not a month of 1990–2100.</summary>
    public static DateOnly? Parse(string? text) =>
        text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && first.Year is >= Engine.Payloads.CommonRules.FirstYear and <= Engine.Payloads.CommonRules.LastYear
            ? first
            : null;

    public static DateOnly Last(DateOnly first) => first.AddMonths(1).AddDays(-1);
}
