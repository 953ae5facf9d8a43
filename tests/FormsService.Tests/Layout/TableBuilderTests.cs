using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;
using FormsService.Tests.Support;

namespace FormsService.Tests.Layout;

/// <summary>How the builder turns a table template and the values into a model table: widths, spans, looks, paths.</summary>
public sealed class TableBuilderTests
{
    private static readonly JsonElement Values = TimeSheetFixture.Payload(5);

    private static FormVersion Changed(Action<JsonObject> change)
    {
        var dir = Tools.TempDir("table-builder");
        var target = Path.Combine(dir, "time-sheet-fixture", "1");
        Directory.CreateDirectory(target);
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(TimeSheetFixture.FormsDirectory, "time-sheet-fixture", "1", "definition.json")))!.AsObject();
        change(node);
        File.WriteAllText(Path.Combine(target, "definition.json"), node.ToJsonString());
        return TimeSheetFixture.Load(dir).Find("time-sheet-fixture")!.Versions[0];
    }

    private static Table Build(FormVersion version, JsonElement? values = null) =>
        new DocumentBuilder(new Dictionary<string, IFigureSource>(), FormsService.Core.Engine.Locale.DateLocales.Load(Path.Combine(Repo.Forms, "_locale"))).Build(version, values ?? Values).Blocks.OfType<Table>().Single();

    private static JsonObject TableOf(JsonObject definition) => definition["body"]![1]!["table"]!.AsObject();

    private static string Text(TableCell cell) => string.Concat(cell.Content.SelectMany(p => p.Inlines).OfType<TextRun>().Select(t => t.Text));

    [Fact]
    public void Fixed_columns_keep_their_width_and_shares_split_the_rest_of_the_line()
    {
        var table = Build(TimeSheetFixture.Version);
        var content = Units.MmToPt(297 - 15 - 10);
        Assert.Equal(33, table.Columns.Count);
        Assert.Equal(Units.MmToPt(9), table.Columns[0], 0.01f);
        Assert.Equal(Units.MmToPt(6.2f), table.Columns[5], 0.01f);
        Assert.Equal(content, table.WidthPt, 0.05f);
        Assert.Equal(content - Units.MmToPt(9 + 16 + 30 * 6.2f), table.Columns[1], 0.05f);
    }

    [Fact]
    public void Columns_wider_than_the_page_shrink_together()
    {
        var version = Changed(d => TableOf(d)["columns"]![2]!["widthMm"] = 12);
        var table = Build(version);
        var content = Units.MmToPt(297 - 15 - 10);
        Assert.Equal(content, table.WidthPt, 0.05f);
        Assert.Equal(table.Columns[2], table.Columns[3], 0.001f);
    }

    [Fact]
    public void Repeated_rows_read_their_item_its_number_and_the_whole_payload()
    {
        var version = Changed(d =>
        {
            var cells = TableOf(d)["rows"]![0]!["cells"]!.AsArray();
            cells[0] = JsonNode.Parse("""{ "paragraph": [{ "value": "{$number}/{$index}" }] }""");
            cells[1] = JsonNode.Parse("""{ "paragraph": [{ "value": "{surname}, {$root.month}, {$root.persons[0].surname}" }] }""");
        });
        var table = Build(version);
        var rows = table.Rows.Take(5).ToList();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal($"{i + 1}/{i}", Text(rows[i].Cells[0]));
            Assert.Equal($"Тегі{i + 1:000}, 2025 жылғы қараша, Тегі001", Text(rows[i].Cells[1]));
        }
        // The days of each person: item i of the person's own array in day column i.
        Assert.Equal("4", Text(rows[0].Cells.Single(c => c.Column == 2)));
        Assert.Equal("", Text(rows[0].Cells.Single(c => c.Column == 2 + 5)));
    }

    [Fact]
    public void A_cells_look_comes_from_the_cell_then_the_row_then_the_table()
    {
        var version = Changed(d =>
        {
            var t = TableOf(d);
            t["borders"] = 1;
            t["shading"] = "#EEEEEE";
            var row = t["rows"]![0]!.AsObject();
            row["borders"] = JsonNode.Parse("""{ "top": 0 }""");
            row["valign"] = "bottom";
            var cell = row["cells"]![3]!.AsObject();
            cell["borders"] = JsonNode.Parse("""{ "bottom": 2, "color": "#FF0000" }""");
            cell["shading"] = "#00FF00";
            cell["paddingMm"] = JsonNode.Parse("[1, 2, 3, 4]");
        });
        var row = Build(version).Rows[0];
        var name = row.Cells.Single(c => c.Column == 1).Style;
        Assert.Equal(new Border(0), name.Borders.Top);
        Assert.Equal(new Border(1), name.Borders.Left);
        Assert.Equal(VerticalAlignment.Bottom, name.VerticalAlign);
        Assert.Equal(new InkColor(0xEE, 0xEE, 0xEE), name.Shading);
        var total = row.Cells.Single(c => c.Column == 32).Style;
        Assert.Equal(new Border(2, new InkColor(255, 0, 0)), total.Borders.Bottom);
        Assert.Equal(new Border(0), total.Borders.Top);
        Assert.Equal(new InkColor(0, 255, 0), total.Shading);
        Assert.Equal(new Padding(Units.MmToPt(1), Units.MmToPt(2), Units.MmToPt(3), Units.MmToPt(4)), total.Padding);
        // A day-off column's shading wins over the row's and the table's.
        Assert.Equal(new InkColor(0xD9, 0xD9, 0xD9), row.Cells.Single(c => c.Column == 2 + 5).Style.Shading);
    }

    [Fact]
    public void Cells_below_a_row_span_take_the_next_free_columns()
    {
        var header = Build(TimeSheetFixture.Version).HeaderRows;
        Assert.Equal([0, 1, 2, 32], header[0].Cells.Select(c => c.Column));
        Assert.Equal([2, 1], header[0].Cells.Take(1).Select(c => c.RowSpan).Append(header[1].Cells[0].RowSpan));
        Assert.Equal(Enumerable.Range(2, 30), header[1].Cells.Select(c => c.Column));
        Assert.Equal(Enumerable.Range(1, 30).Select(d => d.ToString()), header[1].Cells.Select(Text));
    }

    [Fact]
    public void An_empty_array_gives_no_rows_and_the_table_still_has_its_header()
    {
        var empty = JsonSerializer.SerializeToElement(new { month = "x", days = Array.Empty<object>(), persons = Array.Empty<object>(), totalHours = 0 });
        var table = Build(TimeSheetFixture.Version, empty);
        Assert.Equal(2, table.HeaderRows.Count);
        Assert.Single(table.Rows); // the total row only
        Assert.Equal(3, table.Columns.Count); // №, name, total: no day columns
        Assert.Equal(["№", "Тегі, аты, әкесінің аты", "Барлығы"], table.HeaderRows[0].Cells.Select(Text));
        Assert.Equal(2, table.HeaderRows[0].Cells[^1].Column);
        Assert.Empty(table.HeaderRows[1].Cells);
    }
}
