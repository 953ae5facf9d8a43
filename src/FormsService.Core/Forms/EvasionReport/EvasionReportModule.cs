using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.EvasionReport;

/// <summary>
/// The evasion report: its view prints each fact's kind in words. Rule 2-1 3) sets no time for it, so the module
/// checks no deadline and gives no warning.
/// </summary>
internal static class EvasionReportModule
{
    public const string Name = "evasion-report";

    public static IFormModule Create(ModuleServices services, Order733Services order) =>
        new RecordModule<EvasionReportPayload, EvasionReportView>(Name,
            new PayloadType<EvasionReportPayload>(new EvasionReportValidator(), services.Guard),
            EvasionReportView.Of);
}
