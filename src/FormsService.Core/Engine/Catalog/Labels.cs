namespace FormsService.Core.Engine.Catalog;

/// <summary>
/// A version's Kazakh and Russian labels of payload fields, from <c>labels.json</c> beside its definition
/// (<c>{ "convict.surname": ["Тегі", "Фамилия"] }</c>): the schema's titles and the clerks' page's field names.
/// </summary>
public sealed class Labels
{
    public const string FileName = "labels.json";

    public static readonly Labels None = new(new Dictionary<string, string[]>());

    private Labels(IReadOnlyDictionary<string, string[]> byPath) => ByPath = byPath;

    /// <summary>Field path → [Kazakh, Russian], in the file's order.</summary>
    public IReadOnlyDictionary<string, string[]> ByPath { get; }

    /// <summary>The labels of a version folder (none when it has no file); every label names a field of the payload.</summary>
    public static Labels Load(string directory, IReadOnlySet<string> paths)
    {
        var file = Path.Combine(directory, FileName);
        if (!File.Exists(file))
            return None;
        var labels = DataFile.Read<Dictionary<string, string?[]>>(file, labels => Faults(labels, paths));
        return new Labels(labels.ToDictionary(l => l.Key, l => l.Value.Select(v => v!).ToArray(), StringComparer.Ordinal));
    }

    private static IEnumerable<DataFault> Faults(Dictionary<string, string?[]> labels, IReadOnlySet<string> paths)
    {
        foreach (var (path, pair) in labels)
        {
            if (!paths.Contains(path))
                yield return new DataFault("$." + path, $"'{path}' is not a field of the payload.");
            else if (pair.Length != 2 || pair.Any(string.IsNullOrWhiteSpace))
                yield return new DataFault("$." + path, "a label is [\"Kazakh\", \"Russian\"].");
        }
    }
}
