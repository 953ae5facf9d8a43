using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.WorkAct;

/// <summary>The act of work done: its view adds the period, the works in date order and the total.</summary>
internal static class WorkActModule
{
    public const string Name = "work-act";

    public static IFormModule Create(ModuleServices services, Order733Services order) =>
        new RecordModule<WorkActPayload, WorkActView>(Name,
            new PayloadType<WorkActPayload>(new WorkActValidator(), services.Guard, new WorkActWarnings(order.Calendar).For),
            (record, language) => WorkActView.Of(record, order.Months(language)));
}
