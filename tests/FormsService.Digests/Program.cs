using System.Security.Cryptography;
using FormsService.Core.Engine;

// Prints a SHA-256 of every document the catalogue can make from its shipped data — each form version × format,
// filled with its example and blank — one line each, sorted. Run in two processes (and under another culture),
// the lines must be the same: that is what makes ETags and approved files honest across replicas.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: FormsService.Digests <forms folder> <fonts folder>");
    return 2;
}
using var engine = FormsService.Core.Composition.LoadEngine(args[0], args[1]);
var lines = new List<string>();
foreach (var entry in engine.Catalog.Forms)
foreach (var own in entry.Versions)
foreach (var language in own.Languages)
{
    // Each language a version is offered in: its own definition's first, then its variants (a Russian text).
    var version = own.In(language);
    var label = language == own.Languages[0] ? "" : "." + language;
    foreach (var format in version.Definition.Formats)
    {
        lines.Add(Line(version.FormId, version.Version, format, "example" + label, engine.Render(version, version.Example, format)));
        lines.Add(Line(version.FormId, version.Version, format, "blank" + label, engine.Render(version, null, format)));
    }
}
// PDF/A-2b and a merged PDF: Skia's time-based ids are replaced by ones derived from the content.
var book = new FormsService.Core.Engine.Rendering.PdfBook(engine.Fonts);
foreach (var version in engine.Catalog.Forms.SelectMany(f => f.Versions).Where(v => v.Definition.Formats.Contains("pdf")))
{
    lines.Add(Line(version.FormId, version.Version, "pdf", "pdfa-2b", book.Render([engine.Lay(version, version.Example)], new(version.Definition.Language, true))));
    lines.Add(Line(version.FormId, version.Version, "pdf", "merged", book.Render([engine.Lay(version, version.Example), engine.Lay(version, null)], new(version.Definition.Language, false))));
}
lines.Sort(StringComparer.Ordinal);
foreach (var line in lines)
    Console.WriteLine(line);
return 0;

static string Line(string formId, string version, string format, string filling, byte[] bytes) =>
    $"{formId} {version} {format} {filling} {bytes.Length} {Convert.ToHexStringLower(SHA256.HashData(bytes))}";
