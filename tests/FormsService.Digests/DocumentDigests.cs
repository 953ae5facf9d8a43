using System.Security.Cryptography;
using FormsService.Core.Engine;

namespace FormsService.Digests;

/// <summary>
/// A SHA-256 of every document the catalogue can make from its shipped data — each form version in each of its
/// languages × format, filled with its example and blank, and each PDF version as PDF/A-2b and merged — one line
/// each, sorted. The digest tool prints these; the determinism test computes them in its own process too (this file
/// is compiled into both), so the two can only differ by the process they ran in.
/// </summary>
internal static class DocumentDigests
{
    public static List<string> Of(FormsEngine engine)
    {
        var lines = new List<string>();
        foreach (var entry in engine.Catalog.Forms)
        foreach (var own in entry.Versions)
        foreach (var language in own.Languages)
        {
            // Its own definition's language first, then its variants (a Russian text).
            var version = own.In(language) ?? throw new InvalidOperationException($"{own.FormId} {own.Version} lists {language} but has no text in it.");
            var label = language == own.Languages[0] ? "" : "." + language;
            foreach (var format in version.Definition.Formats)
            {
                lines.Add(Line(version.FormId, version.Version, format, "example" + label, engine.Render(version, version.Example, format)));
                lines.Add(Line(version.FormId, version.Version, format, "blank" + label, engine.Render(version, null, format)));
            }
        }
        // PDF/A-2b and a merged PDF: Skia's time-based ids are replaced by ones derived from the content.
        var book = new Core.Engine.Rendering.PdfBook(engine.Fonts);
        foreach (var version in engine.Catalog.Forms.SelectMany(f => f.Versions).Where(v => v.Definition.Formats.Contains("pdf")))
        {
            lines.Add(Line(version.FormId, version.Version, "pdf", "pdfa-2b", book.Render([engine.Lay(version, version.Example)], new(version.Definition.Language, true))));
            lines.Add(Line(version.FormId, version.Version, "pdf", "merged",
                book.Render([engine.Lay(version, version.Example), engine.Lay(version, null)], new(version.Definition.Language, false))));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Line(string formId, string version, string format, string filling, byte[] bytes) =>
        $"{formId} {version} {format} {filling} {bytes.Length} {Convert.ToHexStringLower(SHA256.HashData(bytes))}";
}
