using FormsService.Core.Engine.Catalog;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Tests.Calendar;

/// <summary>A broken calendar file fails loading with its file and the JSON path of the broken entry.</summary>
public sealed class CalendarFileErrorTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "calendar-tests-" + Guid.NewGuid().ToString("N"));

    public CalendarFileErrorTests()
    {
        Directory.CreateDirectory(_directory);
        File.Copy(Path.Combine(CalendarData.KzDirectory, StatutoryRules.FileName), Path.Combine(_directory, StatutoryRules.FileName));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("\"date\": \"2025-03-08\"", "\"date\": \"2025-13-08\"", "$.holidays[3].date")]
    [InlineData("\"date\": \"2025-03-08\"", "\"date\": \"2024-03-08\"", "$.holidays[3].date")]
    [InlineData("\"year\": 2025", "\"year\": 2052", "$.year")]
    [InlineData("\"year\": 2025", "\"year\": \"2025\"", "$.year")]
    [InlineData("\"dayOff\": \"2025-01-03\"", "\"dayOff\": \"2025-01-04\"", "$.transfers[0].dayOff")]
    [InlineData("\"workingDay\": \"2025-01-05\"", "\"workingDay\": \"2025-01-06\"", "$.transfers[0].workingDay")]
    [InlineData("\"forHoliday\": \"2025-07-06\"", "\"forHoliday\": \"2025-07-05\"", "$.movedDaysOff[3].forHoliday")]
    [InlineData("\"confirmed\": true }", "\"confirmd\": true }", "$.holidays[0].confirmd")]
    [InlineData("\"date\": \"2025-06-06\",", "\"date\": \"2025-06-06\", \"movesIfWeekend\": false,", "$.kurbanAit.movesIfWeekend")]
    [InlineData("\"movesIfWeekend\": false,", "\"movesIfWeekend\": \"no\",", "$.holidays[2].movesIfWeekend")]
    public void A_broken_entry_is_reported_with_file_and_path(string original, string broken, string path)
    {
        var file = WriteBroken2025(original, broken);

        var error = Assert.Throws<DefinitionException>(() => WorkingCalendar.Load(_directory));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(path + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_reported()
    {
        var file = WriteBroken2025("\"source\": \"Ministry of Labour's official answer citing", "\"sourc\": \"Ministry of Labour's official answer citing");

        var error = Assert.Throws<DefinitionException>(() => WorkingCalendar.Load(_directory));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("$.kurbanAit.sourc", error.Message, StringComparison.Ordinal); // the unknown name is met first
    }

    [Fact]
    public void Invalid_json_is_reported_with_file_and_line()
    {
        var file = WriteBroken2025("\"year\": 2025,", "\"year\": 2025");
        // The parser stops at the line after the missing comma.
        var text = File.ReadAllText(file);
        var line = text[..text.IndexOf("\"year\": 2025", StringComparison.Ordinal)].Count(c => c == '\n') + 2;

        var error = Assert.Throws<DefinitionException>(() => WorkingCalendar.Load(_directory));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_statutory_file_is_reported_with_its_path()
    {
        var file = Path.Combine(_directory, StatutoryRules.FileName);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"month\": 1, \"day\": 7", "\"month\": 13, \"day\": 7", StringComparison.Ordinal));

        var error = Assert.Throws<DefinitionException>(() => WorkingCalendar.Load(_directory));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("$.fixedHolidays[2].month:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_statutory_file_is_reported()
    {
        File.Delete(Path.Combine(_directory, StatutoryRules.FileName));

        var error = Assert.Throws<DefinitionException>(() => WorkingCalendar.Load(_directory));

        Assert.Contains(StatutoryRules.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_json_files_are_ignored_and_a_valid_copy_loads()
    {
        WriteBroken2025("\"year\": 2025", "\"year\": 2025");
        File.WriteAllText(Path.Combine(_directory, "draft-2027.json"), "not json");

        var calendar = WorkingCalendar.Load(_directory);

        Assert.Equal([2025], calendar.YearsWithData);
    }

    private string WriteBroken2025(string original, string broken)
    {
        var text = File.ReadAllText(Path.Combine(CalendarData.KzDirectory, "2025.json"));
        Assert.Contains(original, text, StringComparison.Ordinal); // the test edits what it thinks it edits
        var index = text.IndexOf(original, StringComparison.Ordinal);
        var file = Path.Combine(_directory, "2025.json");
        File.WriteAllText(file, string.Concat(text.AsSpan(0, index), broken, text.AsSpan(index + original.Length)));
        return file;
    }
}
