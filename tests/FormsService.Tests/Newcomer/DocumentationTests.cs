using System.Text.RegularExpressions;
using FormsService.Tests.Support;

namespace FormsService.Tests.Newcomer;

/// <summary>
/// The README stays a page of essentials and the documentation it points into stays whole: a newcomer who follows a
/// link finds the file, and every decision reads the same way.
/// </summary>
public sealed partial class DocumentationTests
{
    private static string Docs => Path.Combine(Repo.Root, "docs");

    [Fact]
    public void The_README_is_at_most_200_lines_and_names_no_issue_and_no_run()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"));
        Assert.True(lines.Length <= 200, $"README.md has {lines.Length} lines; details belong in docs/.");
        var text = string.Join('\n', lines);
        Assert.DoesNotMatch(IssueNumber(), text);
        Assert.DoesNotMatch(RunFigure(), text);
    }

    [Fact]
    public void The_README_gives_the_test_command_that_ci_runs()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var ci = File.ReadAllText(Path.Combine(Repo.Root, ".ci", "run"));
        const string command = "dotnet test FormsService.sln";
        Assert.Contains(command, readme);
        Assert.Contains(command, ci);
    }

    public static TheoryData<string> MarkdownFiles =>
    [
        .. new[] { Path.Combine(Repo.Root, "README.md") }
            .Concat(Directory.GetFiles(Docs, "*.md", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Repo.Root, f)),
    ];

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_relative_link_points_to_a_file_that_exists(string file)
    {
        var path = Path.Combine(Repo.Root, file);
        var missing = Link().Matches(File.ReadAllText(path))
            .Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://") && !t.StartsWith('#'))
            .Select(t => t.Split('#')[0])
            .Where(t => !File.Exists(Path.Combine(Path.GetDirectoryName(path)!, t)) && !Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, t)))
            .ToList();
        Assert.True(missing.Count == 0, $"{file} links to missing files: {string.Join(", ", missing)}");
    }

    public static TheoryData<string> Decisions =>
        [.. Directory.GetFiles(Path.Combine(Docs, "decisions"), "*.md").Where(f => Path.GetFileName(f) != "README.md").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Every_decision_has_its_context_decision_and_consequences_and_is_indexed(string file)
    {
        var text = File.ReadAllText(Path.Combine(Docs, "decisions", file));
        Assert.StartsWith("# ", text);
        foreach (var heading in new[] { "## Context", "## Decision", "## Consequences" })
            Assert.Contains(heading, text);
        Assert.Contains($"({file})", File.ReadAllText(Path.Combine(Docs, "decisions", "README.md")));
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\b[Ii]ssues? #?\d+")]
    private static partial Regex IssueNumber();

    /// <summary>Traces of one particular run: a load average, a time of day with UTC, a date of a run.</summary>
    [GeneratedRegex(@"load average|\d\d:\d\d UTC|\b20\d\d-\d\d-\d\d \d\d:\d\d")]
    private static partial Regex RunFigure();
}
