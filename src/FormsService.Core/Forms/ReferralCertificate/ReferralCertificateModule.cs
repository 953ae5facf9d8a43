using FormsService.Core.Engine.Modules;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.ReferralCertificate;

/// <summary>The referral certificate (Appendix 3): its payload, as the view its template prints.</summary>
internal static class ReferralCertificateModule
{
    public const string Name = "referral-certificate";

    public static IFormModule Create(ModuleServices services, Order733Services order) =>
        RecordModule.Of(Name, new ReferralCertificateValidator(), services.Guard, ReferralCertificateWarnings.For);
}
