using System.Text.Json;
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

    /// <summary>
    /// A page rendered from a payload made in code (a large time sheet), bound and checked once beforehand like the
    /// examples (the check's own cost is the first line of <c>stages</c>).
    /// </summary>
    private static Case Generated(string name, string formId, string format, Func<string> payloadJson)
    {
        FormVersion? version = null;
        PayloadCheck? payload = null;
        return new Case(name, formId, format, () =>
        {
            if (version is null)
            {
                version = Fixture.VersionOf(formId);
                payload = Fixture.Engine.Check(version, JsonDocument.Parse(payloadJson()).RootElement.Clone());
                if (payload.Errors.Count > 0)
                    throw new InvalidOperationException($"The generated payload of {name} does not pass its rules.");
            }
            return Fixture.Engine.Render(version, payload, format);
        });
    }

    /// <summary>The same page with its payload bound and checked inside every render (the API's whole work for a request).</summary>
    private static Case GeneratedChecked(string name, string formId, string format, Func<string> payloadJson)
    {
        FormVersion? version = null;
        JsonElement payload = default;
        return new Case(name, formId, format, () =>
        {
            if (version is null)
            {
                version = Fixture.VersionOf(formId);
                payload = JsonDocument.Parse(payloadJson()).RootElement.Clone();
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
        Page("VerdictReceiptNoticePdf", "verdict-receipt-notice", OutputFormats.Pdf),
        Page("VerdictReceiptNoticeDocx", "verdict-receipt-notice", OutputFormats.Docx),
        Page("ConductReportPdf", "conduct-report", OutputFormats.Pdf),
        Page("ConductReportDocx", "conduct-report", OutputFormats.Docx),
        Page("EvasionReportPdf", "evasion-report", OutputFormats.Pdf),
        Page("EvasionReportDocx", "evasion-report", OutputFormats.Docx),
        Page("WorkActPdf", "work-act", OutputFormats.Pdf),
        Page("WorkActDocx", "work-act", OutputFormats.Docx),
        Generated("TimeSheet60x30Pdf", "time-sheet", OutputFormats.Pdf, () => TimeSheetPayloads.Month(60)),
        Generated("TimeSheet60x30Docx", "time-sheet", OutputFormats.Docx, () => TimeSheetPayloads.Month(60)),
        GeneratedChecked("TimeSheet60x30CheckedPdf", "time-sheet", OutputFormats.Pdf, () => TimeSheetPayloads.Month(60)),
        GeneratedChecked("TimeSheet60x30CheckedDocx", "time-sheet", OutputFormats.Docx, () => TimeSheetPayloads.Month(60)),
    ];

    public static Case Get(string name) => All.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"No case '{name}'. Known: {string.Join(", ", All.Select(c => c.Name))}");
}
