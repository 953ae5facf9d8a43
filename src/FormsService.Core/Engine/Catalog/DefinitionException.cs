namespace FormsService.Core.Engine.Catalog;

/// <summary>A definition that cannot be served: names the file and the JSON path, so start-up fails with a useful message.</summary>
internal sealed class DefinitionException(string file, string jsonPath, string message)
    : Exception($"{file}: {jsonPath}: {message}")
{
    public string File { get; } = file;
    public string JsonPath { get; } = jsonPath;
}
