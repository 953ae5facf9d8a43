using FormsService.Core.Forms.ReferralCertificate;
using FormsService.Core.Payloads;

namespace FormsService.Core.Forms;

/// <summary>The payload types the code knows: what a definition's <c>payloadType</c> may name.</summary>
internal static class PayloadRegistry
{
    public static IReadOnlyDictionary<string, IPayloadType> Create(TextGuard guard, string formsDirectory)
    {
        IPayloadType[] types =
        [
            new PayloadType<ReferralCertificatePayload>("referral-certificate", new ReferralCertificateValidator(), guard),
        ];
        return types.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }
}

/// <summary>The figures a definition may place, by id.</summary>
internal static class FigureRegistry
{
    public static IReadOnlyDictionary<string, Documents.IFigureSource> Create(Fonts.FontLibrary fonts, string formsDirectory) =>
        new Dictionary<string, Documents.IFigureSource>(StringComparer.Ordinal);
}
