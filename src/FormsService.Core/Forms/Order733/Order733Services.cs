using FormsService.Core.Engine.Modules;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core.Forms.Order733;

/// <summary>What every form of order No. 733 may use: Kazakhstan's working calendar and the order's deadlines on it.</summary>
internal sealed record Order733Services(WorkingCalendar Calendar, DeadlineCalculator Deadlines)
{
    /// <summary>The calendar folder of the forms directory; a broken file stops start-up with its file and JSON path.</summary>
    public const string CalendarFolder = "_calendar/kz";

    public static Order733Services Load(ModuleServices services)
    {
        var calendar = WorkingCalendar.Load(Path.Combine(services.FormsDirectory, CalendarFolder));
        return new Order733Services(calendar, new DeadlineCalculator(calendar));
    }
}
