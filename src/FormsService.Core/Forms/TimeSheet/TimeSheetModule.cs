using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.TimeSheet;

/// <summary>The monthly time sheet: its view adds the month's days (days off from the calendar) and every total.</summary>
internal static class TimeSheetModule
{
    public const string Name = "time-sheet";

    public static IFormModule Create(ModuleServices services, Order733Services order) =>
        new RecordModule<TimeSheetPayload, TimeSheetView>(Name,
            new PayloadType<TimeSheetPayload>(new TimeSheetValidator(), services.Guard, new TimeSheetWarnings(order.Calendar).For),
            (sheet, language) => TimeSheetView.Of(sheet, order.Calendar, order.Months(language)),
            blank: (options, language) => TimeSheetView.Blank(options.Month, order.Calendar, order.Months(language)));
}
