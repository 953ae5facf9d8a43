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
using var engine = FormsEngine.Load(args[0], args[1]);
var lines = new List<string>();
foreach (var entry in engine.Catalog.Forms)
foreach (var version in entry.Versions)
foreach (var format in version.Definition.Formats)
{
    lines.Add(Line(version.FormId, version.Version, format, "example", engine.Render(version, version.Example, format)));
    lines.Add(Line(version.FormId, version.Version, format, "blank", engine.Render(version, null, format)));
}
lines.Sort(StringComparer.Ordinal);
foreach (var line in lines)
    Console.WriteLine(line);
return 0;

static string Line(string formId, string version, string format, string filling, byte[] bytes) =>
    $"{formId} {version} {format} {filling} {bytes.Length} {Convert.ToHexStringLower(SHA256.HashData(bytes))}";
