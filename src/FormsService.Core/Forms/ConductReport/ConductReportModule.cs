using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.ConductReport;

/// <summary>The conduct report: its view names the month in words and says when there were no breaches.</summary>
internal static class ConductReportModule
{
    public const string Name = "conduct-report";

    public static IFormModule Create(ModuleServices services, Order733Services order) =>
        new RecordModule<ConductReportPayload, ConductReportView>(Name,
            new PayloadType<ConductReportPayload>(new ConductReportValidator(), services.Guard, new ConductReportWarnings(order.Calendar).For),
            (record, language) => ConductReportView.Of(record, order.Months(language)));
}
