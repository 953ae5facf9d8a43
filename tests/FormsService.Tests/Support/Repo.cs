namespace FormsService.Tests.Support;

/// <summary>Finds the repository's folders from the test's output folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Forms => Path.Combine(Root, "forms");
    public static string Fonts => Path.Combine(Root, "fonts");

    public static string Example(string formId, string version = "2025-733") =>
        File.ReadAllText(Path.Combine(Forms, formId, version, "example.json"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FormsService.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (FormsService.sln) was not found.");
    }
}
