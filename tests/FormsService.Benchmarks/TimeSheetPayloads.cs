using System.Text.Json.Nodes;

namespace FormsService.Benchmarks;

/// <summary>Large time sheets for the benchmarks: the example's header with many persons, each working every day of November 2025.</summary>
internal static class TimeSheetPayloads
{
    /// <summary><paramref name="persons"/> persons × 30 days of 4 hours (28 a week: inside the limits for anyone).</summary>
    public static string Month(int persons)
    {
        var sheet = JsonNode.Parse(Fixture.ExampleText("time-sheet"))!.AsObject();
        var template = sheet["persons"]![0]!;
        var rows = new JsonArray();
        for (var i = 0; i < persons; i++)
        {
            var person = template.DeepClone().AsObject();
            person["convict"]!["surname"] = $"Сейтқалиев-{i + 1:000}";
            person["sentenceHours"] = 600;
            person["hoursBefore"] = i * 3;
            person["days"] = new JsonArray([.. Enumerable.Range(1, 30).Select(d => (JsonNode)new JsonObject { ["day"] = d, ["hours"] = 4 })]);
            rows.Add(person);
        }
        sheet["persons"] = rows;
        sheet["compiledBy"]!["date"] = "2025-11-30";
        return sheet.ToJsonString();
    }
}
