using FormsService.Core.Engine.Modules;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core.Forms.Order733;

/// <summary>
/// What every form of order No. 733 may use: Kazakhstan's working calendar, the order's deadlines on it, and months as
/// the reports write them in each language of the date words.
/// </summary>
internal sealed record Order733Services(WorkingCalendar Calendar, DeadlineCalculator Deadlines, IReadOnlyDictionary<string, AkimatReports.MonthTexts> MonthTexts)
{
    /// <summary>Months in <paramref name="language"/> (a document's definition language).</summary>
    public AkimatReports.MonthTexts Months(string language) => MonthTexts[language];

    /// <summary>The calendar folder of the forms directory; a broken file stops start-up with its file and JSON path.</summary>
    public const string CalendarFolder = "_calendar/kz";

    public static Order733Services Load(ModuleServices services)
    {
        var calendar = WorkingCalendar.Load(Path.Combine(services.FormsDirectory, CalendarFolder));
        var months = services.Dates.Languages.ToDictionary(l => l, l => AkimatReports.MonthTexts.Of(services.Dates, l), StringComparer.Ordinal);
        return new Order733Services(calendar, new DeadlineCalculator(calendar), months);
    }
}
