using FormsService.Tests.Support;
using System.Text.Json;
using FormsService.Core.Engine.Layout;
using FormsService.Tests.TimeSheet;

namespace FormsService.Tests.Layout;

/// <summary>
/// A placed cell draws its text from the lines set once per paragraph and width, and makes its own placed lines only
/// when asked for them: both ways must give the page the same pieces, and the lines their cell's box.
/// </summary>
public sealed class PlacedCellLinesTests
{
    private static LaidOutDocument Lay()
    {
        var engine = TimeSheetFixture.Engine;
        var version = Catalogue.InForce(engine, "time-sheet");
        return engine.Lay(version, JsonDocument.Parse(TimeSheetDocumentTests.Sheet(60)).RootElement.Clone());
    }

    [Fact]
    public void Pieces_drawn_from_the_set_lines_are_those_the_placed_lines_draw()
    {
        var straight = Lay();
        var placed = Lay();
        var table = placed.Blocks.OfType<LaidOutTable>().Single();
        var lines = 0;
        foreach (var row in table.Rows)
            foreach (var cell in row.Cells)
                lines += cell.Lines.Count;
        Assert.True(lines > 2000, $"{lines} lines");

        for (var page = 0; page < straight.PageCount; page++)
            Assert.Equal(straight.PiecesOn(page), placed.PiecesOn(page));
    }

    [Fact]
    public void A_cells_lines_are_made_once_and_sit_in_its_box()
    {
        var table = Lay().Blocks.OfType<LaidOutTable>().Single();
        foreach (var row in table.Rows)
        {
            foreach (var cell in row.Cells)
            {
                Assert.Same(cell.Lines, cell.Lines);
                Assert.All(cell.Lines, l =>
                {
                    Assert.Equal(row.Page, l.Page);
                    Assert.InRange(l.Top, cell.Top - 0.01f, cell.Top + cell.Height + 0.01f);
                    Assert.All(l.Segments, s => Assert.InRange(s.X, cell.X - 0.01f, cell.X + cell.Width + 0.01f));
                });
            }
        }
    }
}
