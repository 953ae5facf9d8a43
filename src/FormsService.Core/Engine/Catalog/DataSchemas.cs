using System.Text.Json;

namespace FormsService.Core.Engine.Catalog;

/// <summary>
/// The JSON Schemas of the data files under <c>forms/</c> (<c>forms/_schemas/*.schema.json</c>): the files name them
/// with <c>$schema</c> for editors, and the service publishes them. Read once at start-up.
/// </summary>
internal sealed class DataSchemas
{
    public const string Folder = "_schemas";
    private const string Suffix = ".schema.json";

    private readonly Dictionary<string, string> _byName;

    private DataSchemas(Dictionary<string, string> byName) => _byName = byName;

    /// <summary>The schemas' names (<c>vest.schema.json</c>), in order.</summary>
    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public string? Find(string name) => _byName.GetValueOrDefault(name);

    public static DataSchemas Load(string formsDirectory)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(formsDirectory, Folder);
        if (!Directory.Exists(folder))
            return new DataSchemas(byName);
        foreach (var file in Directory.EnumerateFiles(folder, "*" + Suffix).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new DefinitionException(file, "$", "a schema is a JSON object.");
            }
            catch (JsonException ex)
            {
                throw new DefinitionException(file, ex.Path ?? "$", ex.Message);
            }
            byName[Path.GetFileName(file)] = text;
        }
        return new DataSchemas(byName);
    }
}
