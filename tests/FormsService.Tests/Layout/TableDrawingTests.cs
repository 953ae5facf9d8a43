using FormsService.Tests.Support;
using System.Text.Json;
using FormsService.Core.Engine.Layout;
using FormsService.Tests.TimeSheet;

namespace FormsService.Tests.Layout;

/// <summary>
/// What a table draws, page by page, for the shipped 60-person time sheet: every edge of every cell is on a rule and
/// every shaded cell inside a shaded box, with the grid drawn as long rules (one per row line and column line) rather
/// than four per cell.
/// </summary>
public sealed class TableDrawingTests
{
    private const float Touch = 0.02f;

    private static readonly Lazy<(LaidOutTable Table, List<Piece> Pieces)> Sheet = new(() =>
    {
        var engine = TimeSheetFixture.Engine;
        var laid = engine.Lay(Catalogue.InForce(engine, "time-sheet"), JsonDocument.Parse(TimeSheetDocumentTests.Sheet(60)).RootElement.Clone());
        var table = laid.Blocks.OfType<LaidOutTable>().Single();
        var pieces = new List<Piece>();
        table.Emit(pieces.Add);
        return (table, pieces);
    });

    [Fact]
    public void Every_cell_edge_is_drawn_and_the_grid_is_long_rules()
    {
        var (table, pieces) = Sheet.Value;
        var rules = pieces.OfType<RulePiece>().ToList();
        foreach (var page in table.Rows.Select(r => r.Page).Distinct())
        {
            var onPage = rules.Where(r => r.Page == page).ToList();
            var rows = table.Rows.Where(r => r.Page == page).ToList();
            foreach (var cell in rows.SelectMany(r => r.Cells))
            {
                float l = cell.X, t = cell.Top, r = cell.X + cell.Width, b = cell.Top + cell.Height;
                Assert.True(Covered(onPage, true, t, l, r), $"top of a cell at ({l:F1}, {t:F1}) on page {page + 1}");
                Assert.True(Covered(onPage, true, b, l, r), $"bottom of a cell at ({l:F1}, {b:F1}) on page {page + 1}");
                Assert.True(Covered(onPage, false, l, t, b), $"left of a cell at ({l:F1}, {t:F1}) on page {page + 1}");
                Assert.True(Covered(onPage, false, r, t, b), $"right of a cell at ({r:F1}, {t:F1}) on page {page + 1}");
            }
            var lines = rows.Count + 1 + table.Source.Columns.Count + 1;
            Assert.True(onPage.Count <= 2 * lines, $"page {page + 1}: {onPage.Count} rules for {rows.Count} rows");
        }
    }

    [Fact]
    public void Every_shaded_cell_lies_in_a_box_of_its_shade_and_the_boxes_are_whole_columns()
    {
        var (table, pieces) = Sheet.Value;
        var fills = pieces.OfType<FillPiece>().ToList();
        foreach (var row in table.Rows)
            foreach (var cell in row.Cells.Where(c => c.Source.Style.Shading is not null))
                Assert.Contains(fills, f => f.Page == row.Page && f.Color == cell.Source.Style.Shading && Math.Abs(f.X - cell.X) < Touch
                    && Math.Abs(f.Width - cell.Width) < Touch && f.Y <= cell.Top + Touch && f.Y + f.Height >= cell.Top + cell.Height - Touch);
        // November 2025 has ten days off: one box per day-off column and page.
        var pages = table.Rows.Select(r => r.Page).Distinct().Count();
        Assert.Equal(10 * pages, fills.Count);
    }

    private static bool Covered(List<RulePiece> rules, bool horizontal, float at, float from, float to) =>
        rules.Any(r => horizontal
            ? Math.Abs(r.Y1 - at) < Touch && Math.Abs(r.Y2 - at) < Touch && r.X1 <= from + Touch && r.X2 >= to - Touch
            : Math.Abs(r.X1 - at) < Touch && Math.Abs(r.X2 - at) < Touch && r.Y1 <= from + Touch && r.Y2 >= to - Touch);
}
