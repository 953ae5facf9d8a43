using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.ReferralCertificate;

/// <summary>What a referral may carry but a clerk should look at again: a person who may still have been 13.</summary>
internal static class ReferralCertificateWarnings
{
    public static IEnumerable<PayloadWarning> For(ReferralCertificatePayload payload) =>
        AgeWarnings.For(payload.Convict, payload.Verdict?.Date);
}
