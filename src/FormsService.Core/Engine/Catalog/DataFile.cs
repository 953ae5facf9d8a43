using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FormsService.Core.Engine.Catalog;

/// <summary>
/// The one way data files under <c>forms/</c> are read (definitions, labels, the vest spec, calendars, and whatever a
/// form adds): strict System.Text.Json into records — unknown members, missing required members and nulls where a
/// record allows none are refused — then the record's own checks; every fault a <see cref="DefinitionException"/>
/// with the file and the JSON path.
/// </summary>
internal static class DataFile
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Reads <paramref name="file"/> into <typeparamref name="T"/>. Members whose name starts with <c>$</c>
    /// (<c>$schema</c>, <c>$comment</c>) are the file's annotations for editors and readers, at any depth: they are
    /// dropped before binding, so records need not declare them.
    /// </summary>
    public static T Read<T>(string file) where T : class
    {
        if (!File.Exists(file))
            throw new DefinitionException(file, "$", "the file is missing.");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllBytes(file), documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new DefinitionException(file, ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
        }
        if (node is null)
            throw new DefinitionException(file, "$", "the file holds null.");
        DropAnnotations(node);
        try
        {
            return node.Deserialize<T>(Options) ?? throw new DefinitionException(file, "$", "the file holds null.");
        }
        catch (JsonException ex)
        {
            throw new DefinitionException(file, ex.Path ?? "$", ex.Message);
        }
    }

    /// <summary>Reads a file and runs its checks; the first fault (with a count of the others) stops start-up.</summary>
    public static T Read<T>(string file, Func<T, IEnumerable<DataFault>> check) where T : class
    {
        var value = Read<T>(file);
        Throw(file, check(value));
        return value;
    }

    /// <summary>Throws the first of <paramref name="faults"/>, naming how many more there are.</summary>
    public static void Throw(string file, IEnumerable<DataFault> faults)
    {
        var list = faults.ToList();
        if (list.Count == 0)
            return;
        var more = list.Count > 1 ? $" (and {list.Count - 1} more: {string.Join("; ", list.Skip(1).Select(f => $"{f.Path}: {f.Message}"))})" : "";
        throw new DefinitionException(file, list[0].Path, list[0].Message + more);
    }

    private static void DropAnnotations(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith('$')).ToList())
                    obj.Remove(key);
                foreach (var (_, child) in obj)
                    if (child is not null) DropAnnotations(child);
                break;
            case JsonArray array:
                foreach (var child in array)
                    if (child is not null) DropAnnotations(child);
                break;
        }
    }
}

/// <summary>One fault of a data file: its JSON path (<c>$.holidays[3].date</c>) and what is wrong.</summary>
internal readonly record struct DataFault(string Path, string Message);
