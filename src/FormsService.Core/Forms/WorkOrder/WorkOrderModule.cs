using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.WorkOrder;

/// <summary>
/// The akimat's order (өкім): its payload with the words chosen for it as the view, a late order reported as a warning, and the order's deadlines
/// shown under the day the verdict was received.
/// </summary>
internal static class WorkOrderModule
{
    public const string Name = "work-order";

    public static IFormModule Create(ModuleServices services, Order733Services order) =>
        new RecordModule<WorkOrderPayload, WorkOrderView>(Name,
            new PayloadType<WorkOrderPayload>(new WorkOrderValidator(), services.Guard,
                new WorkOrderWarnings(order.Deadlines, order.Calendar, TimeProvider.System).For),
            WorkOrderView.Of,
            new PageHints(DeadlinesFrom: "verdict.receivedDate"));
}
