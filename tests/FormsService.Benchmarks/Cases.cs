using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Benchmarks;

/// <summary>
/// Every form × format the service renders, by a stable name used by the benchmarks, the size column and the loops.
/// Each renders from a payload bound and checked once beforehand, as the API renders after its check.
/// </summary>
internal static class Cases
{
    public sealed record Case(string Name, string FormId, string Format, Func<byte[]> Render);

    private static Case Page(string name, string formId, string format, string? overrides = null)
    {
        FormVersion? version = null;
        PayloadCheck? payload = null;
        return new Case(name, formId, format, () =>
        {
            if (version is null)
            {
                version = Fixture.VersionOf(formId);
                payload = Fixture.Checked(formId, overrides);
            }
            return Fixture.Engine.Render(version, payload, format);
        });
    }

    private static Case Artwork(string name, string format, string? overrides = null)
    {
        FormVersion? version = null;
        PayloadCheck? payload = null;
        return new Case(name, "vest-specimen", format, () =>
        {
            if (version is null)
            {
                version = Fixture.VersionOf("vest-specimen");
                payload = Fixture.Checked("vest-specimen", overrides);
            }
            return Fixture.Engine.RenderArtwork(version, payload!, format);
        });
    }

    private static Case Preview(string name, string formId, int dpi)
    {
        FormVersion? version = null;
        PayloadCheck? payload = null;
        return new Case(name, formId, OutputFormats.Png, () =>
        {
            if (version is null)
            {
                version = Fixture.VersionOf(formId);
                payload = Fixture.Checked(formId);
            }
            return Fixture.Engine.PreviewPng(version, payload, dpi);
        });
    }

    public static readonly IReadOnlyList<Case> All =
    [
        Page("ReferralCertificatePdf", "referral-certificate", OutputFormats.Pdf),
        Page("ReferralCertificateDocx", "referral-certificate", OutputFormats.Docx),
        Page("WorkOrderPdf", "work-order", OutputFormats.Pdf),
        Page("WorkOrderDocx", "work-order", OutputFormats.Docx),
        Artwork("VestPng96dpi", OutputFormats.Png, """{"dpi":96}"""),
        Artwork("VestPng150dpi", OutputFormats.Png, """{"dpi":150}"""),
        Artwork("VestSvg", OutputFormats.Svg),
        Artwork("VestArtworkPdf", OutputFormats.Pdf),
        Page("VestAppendixPdf", "vest-specimen", OutputFormats.Pdf),
        Page("VestAppendixDocx", "vest-specimen", OutputFormats.Docx),
        Preview("ReferralCertificatePreviewPng96dpi", "referral-certificate", 96),
    ];

    public static Case Get(string name) => All.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"No case '{name}'. Known: {string.Join(", ", All.Select(c => c.Name))}");
}
