using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using FormsService.Core.Engine;

namespace FormsService.Api.Operations;

/// <summary>
/// What every document's bytes depend on besides its request: the service's code and the data it loaded. A hash of
/// the service's own assemblies (deterministic builds: same source, same bytes) and the versions of the libraries that
/// draw and write documents, and of every file under the forms and fonts folders, read once at start-up. It goes into
/// every ETag and the <c>X-Engine-Digest</c> header, so a layout fix or a changed definition changes every ETag and no
/// client keeps stale bytes on a 304.
/// </summary>
internal sealed class EngineDigest
{
    public const string Header = "X-Engine-Digest";

    private static readonly Assembly[] Code = [typeof(EngineDigest).Assembly, typeof(FormsEngine).Assembly];
    private static readonly string[] Libraries = ["SkiaSharp", "HarfBuzzSharp", "DocumentFormat.OpenXml", "DocumentFormat.OpenXml.Framework"];

    public EngineDigest(string formsPath, string fontsPath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var assembly in Code)
            Append(hash, assembly.GetName().Name!, File.ReadAllBytes(assembly.Location));
        foreach (var name in Libraries)
            Append(hash, name, Encoding.UTF8.GetBytes(LibraryVersion(name)));
        AppendFolder(hash, "forms", formsPath);
        AppendFolder(hash, "fonts", fontsPath);
        Value = Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>16 hex digits.</summary>
    public string Value { get; }

    private static void AppendFolder(IncrementalHash hash, string label, string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (relative, full) in files)
            Append(hash, $"{label}/{relative}", File.ReadAllBytes(full));
    }

    private static void Append(IncrementalHash hash, string name, byte[] content)
    {
        hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{content.Length}\n"));
        hash.AppendData(content);
    }

    private static string LibraryVersion(string name)
    {
        try
        {
            var assembly = Assembly.Load(new AssemblyName(name));
            return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "";
        }
        catch (FileNotFoundException)
        {
            return "absent";
        }
    }
}
