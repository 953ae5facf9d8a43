using FormsService.Core.Engine;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Api.Http;

/// <summary>The archival switch of the PDF routes: <c>pdfa=2b</c> or <c>conformance=pdfa-2b</c>.</summary>
internal static class PdfA
{
    public static (bool Archival, IResult? Error) Parse(HttpContext context, string? pdfa, string? conformance, string format)
    {
        var asked = !string.IsNullOrEmpty(pdfa) || !string.IsNullOrEmpty(conformance);
        if (!asked) return (false, null);
        var ok = (string.IsNullOrEmpty(pdfa) || pdfa.Trim().Equals("2b", StringComparison.OrdinalIgnoreCase))
                 && (string.IsNullOrEmpty(conformance) || conformance.Trim().Equals("pdfa-2b", StringComparison.OrdinalIgnoreCase));
        if (!ok)
            return (false, Problems.InvalidParameter(context, string.IsNullOrEmpty(pdfa) ? "conformance" : "pdfa", Say.Of("pdfa-only-2b")));
        if (format != OutputFormats.Pdf)
            return (false, Problems.InvalidParameter(context, "pdfa", Say.Of("pdfa-needs-pdf")));
        return (true, null);
    }
}
