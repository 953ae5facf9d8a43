using FormsService.Core.Engine.Modules;
using FormsService.Core.Forms.Order733;
using FormsService.Core.Forms.Order733.Calendar;
using FormsService.Core.Forms.ReferralCertificate;
using FormsService.Core.Forms.VestSpecimen;
using FormsService.Core.Forms.WorkOrder;

namespace FormsService.Core.Forms;

/// <summary>The forms the code knows, and what the order's forms share (its deadlines on the working calendar).</summary>
/// <param name="Modules">What a definition's <c>payloadType</c> may name.</param>
internal sealed record FormLibrary(IReadOnlyList<IFormModule> Modules, DeadlineCalculator Deadlines);

/// <summary>
/// The one list of forms: a new form is a folder under <c>forms/</c>, a module folder beside this file, and one line
/// here.
/// </summary>
internal static class FormModules
{
    public static FormLibrary Create(ModuleServices services)
    {
        var order = Order733Services.Load(services);
        IFormModule[] modules =
        [
            ReferralCertificateModule.Create(services, order),
            WorkOrderModule.Create(services, order),
            VestSpecimenModule.Create(services, order),
        ];
        return new FormLibrary(modules, order.Deadlines);
    }
}
