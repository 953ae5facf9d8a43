using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine.Sheets;

namespace FormsService.Tests.Merge;

/// <summary>
/// Arrays (a time sheet's days): a sheet of their own keyed by the main sheet's row, or indexed columns in a CSV.
/// The layout comes from a schema alone, so a form with arrays needs no code here.
/// </summary>
public sealed class SheetArrayTests
{
    private static readonly SheetLayout Layout = SheetLayout.FromSchema(JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "person": { "type": "object", "title": "Адам", "properties": {
              "surname": { "type": "string", "title": "Тегі", "x-labels": { "ru": "Фамилия" } } } },
            "days": { "type": "array", "title": "Күндер", "x-labels": { "ru": "Дни" }, "items": { "type": "object", "properties": {
              "date": { "type": "string", "format": "date", "title": "Күні", "x-labels": { "ru": "Дата" } },
              "hours": { "type": "integer", "minimum": 0, "maximum": 8, "title": "Сағат", "x-labels": { "ru": "Часы" } } } } },
            "notes": { "type": "array", "title": "Ескертпелер", "items": { "type": "string" } }
          }
        }
        """)!.AsObject());

    private static readonly SheetLimits Limits = new();

    [Fact]
    public void The_layout_gives_arrays_their_own_columns()
    {
        Assert.Equal(["person.surname"], Layout.Columns.Select(c => c.Path));
        var days = Layout.Arrays.Single(a => a.Path == "days");
        Assert.Equal(["date", "hours"], days.Columns.Select(c => c.Path));
        Assert.Equal(CellKind.Date, days.Columns[0].Kind);
        Assert.Equal([""], Layout.Arrays.Single(a => a.Path == "notes").Columns.Select(c => c.Path));
    }

    [Fact]
    public void An_array_sheet_keyed_by_row_fills_each_documents_items_in_order()
    {
        var workbook = new UploadedWorkbook(UploadKind.Xlsx,
        [
            new UploadedSheet("Деректер", [Row(1, "Тегі"), Row(2, "person.surname"), Row(3, "Әбенов"), Row(4, "Бекова")]),
            new UploadedSheet("days", [Row(1, "row", "Күні", "Сағат"), Row(2, 4.0, "2025-11-03", 4.0), Row(3, 3.0, new DateTime(2025, 11, 1), 2.0),
                Row(4, 3.0, 45963.0, "3"), Row(5, null, null, null)]),
        ]);
        var rows = SheetBinder.Bind(workbook, Layout, Limits).Rows;
        Assert.Equal(2, rows.Count);
        var first = rows[0].Payload!.Value;
        Assert.Equal("Әбенов", first.GetProperty("person").GetProperty("surname").GetString());
        var days = first.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(2, days.Count);
        Assert.Equal("2025-11-01", days[0].GetProperty("date").GetString());
        Assert.Equal("2025-11-02", days[1].GetProperty("date").GetString()); // an Excel date serial
        Assert.Equal(3, days[1].GetProperty("hours").GetInt32());
        Assert.Equal("2025-11-03", rows[1].Payload!.Value.GetProperty("days")[0].GetProperty("date").GetString());
    }

    [Fact]
    public void Indexed_columns_fill_arrays_from_one_sheet_and_bad_cells_name_their_item_path()
    {
        var workbook = new UploadedWorkbook(UploadKind.Csv,
        [
            new UploadedSheet("csv", [Row(1, "person.surname", "days[0].date", "days[0].hours", "days[1].date", "days[1].hours", "notes[0]"),
                Row(2, "Әбенов", "03.11.2025", "4", "2025-11-04", "бес", "кешікті")]),
        ]);
        var row = SheetBinder.Bind(workbook, Layout, Limits).Rows.Single();
        Assert.Null(row.Payload);
        Assert.Equal(["days[1].hours"], row.Errors.Keys);

        workbook = new UploadedWorkbook(UploadKind.Csv,
        [
            new UploadedSheet("csv", [Row(1, "person.surname", "days[0].date", "days[0].hours", "notes[0]"), Row(2, "Әбенов", "03.11.2025", "4", "кешікті")]),
        ]);
        var payload = SheetBinder.Bind(workbook, Layout, Limits).Rows.Single().Payload!.Value;
        Assert.Equal("2025-11-03", payload.GetProperty("days")[0].GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Number, payload.GetProperty("days")[0].GetProperty("hours").ValueKind);
        Assert.Equal("кешікті", payload.GetProperty("notes")[0].GetString());
    }

    [Fact]
    public void An_item_for_a_row_the_main_sheet_lacks_is_a_header_problem()
    {
        var workbook = new UploadedWorkbook(UploadKind.Xlsx,
        [
            new UploadedSheet("Деректер", [Row(1, "person.surname"), Row(2, "Әбенов")]),
            new UploadedSheet("days", [Row(1, "row", "date"), Row(2, 9.0, "2025-11-03")]),
        ]);
        var problem = Assert.Throws<SheetProblem>(() => SheetBinder.Bind(workbook, Layout, Limits));
        Assert.Equal(422, problem.Status);
        Assert.Contains("days!A2", problem.Errors!.Keys);
    }

    private static UploadedRow Row(int number, params object?[] cells) => new(number, cells);
}
