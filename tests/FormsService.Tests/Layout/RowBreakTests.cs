using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Tests.Layout;

/// <summary>What a row does at the foot of a page: split between its lines, or move whole when kept together.</summary>
public sealed class RowBreakTests
{
    private const float Column = 200;

    private static LaidOutDocument LayTallRowNearTheFoot(bool keepTogether)
    {
        var header = new TableRow([Models.Cell(0, Models.Text("Баған"))], false, false);
        var tall = Models.Row(keepTogether, Models.Lines(6));
        var table = new Table([Column], [header], [Models.Row(false, Models.Text("бірінші")), tall], 0, 0);
        // About three lines of room left: the second row (six lines) cannot fit whole.
        return Models.Lay(Models.Document([.. Models.FillPage(3 * 13.8f + 2 * 16f), table]));
    }

    [Fact]
    public void A_row_that_does_not_fit_splits_between_its_lines_and_continues_under_the_repeated_header()
    {
        var laid = LayTallRowNearTheFoot(keepTogether: false);
        var rows = laid.Blocks.OfType<LaidOutTable>().Single().Rows;
        var parts = rows.Where(r => !r.IsHeader && r.RowIndex == 1).ToList();
        Assert.Equal(2, parts.Count);
        Assert.Equal(0, parts[0].Page);
        Assert.Equal(1, parts[1].Page);
        Assert.True(parts[1].Continued);
        var first = parts[0].Cells[0].Lines.Count;
        var second = parts[1].Cells[0].Lines.Count;
        Assert.True(first > 0 && second > 0, $"{first} + {second} lines");
        Assert.Equal(6, first + second);
        // The header comes back on page 2 above the rest of the row.
        var header2 = rows.Single(r => r.IsHeader && r.Page == 1);
        Assert.True(header2.Top + header2.Height <= parts[1].Top + 0.01f);
        var page = laid.Source.Page;
        Assert.True(parts[0].Top + parts[0].Height <= page.Height - page.MarginBottom + 0.01f);
    }

    [Fact]
    public void A_row_kept_together_moves_whole_to_the_next_page()
    {
        var laid = LayTallRowNearTheFoot(keepTogether: true);
        var rows = laid.Blocks.OfType<LaidOutTable>().Single().Rows;
        var parts = rows.Where(r => !r.IsHeader && r.RowIndex == 1).ToList();
        var row = Assert.Single(parts);
        Assert.Equal(1, row.Page);
        Assert.Equal(6, row.Cells[0].Lines.Count);
        Assert.All(row.Cells[0].Lines, l => Assert.Equal(1, l.Page));
        // Directly under the header repeated at the top of page 2.
        var header2 = rows.Single(r => r.IsHeader && r.Page == 1);
        Assert.Equal(laid.Source.Page.MarginTop, header2.Top, 0.01f);
        Assert.Equal(header2.Top + header2.Height, row.Top, 0.01f);
    }

    [Fact]
    public void Rows_joined_by_a_row_span_move_together()
    {
        var spanning = new TableCell(0, 1, 2, [Models.Lines(2)], new CellStyle(Borders.None, Padding.All(2), Alignment.Left, VerticalAlignment.Middle, null));
        var a = new TableRow([spanning, Models.Cell(1, Models.Text("а"))], false, false);
        var b = new TableRow([Models.Cell(1, Models.Text("б"))], false, false);
        var table = new Table([100, 100], [], [a, b], 0, 0);
        // Room for one row, not two.
        var laid = Models.Lay(Models.Document([.. Models.FillPage(20), table]));
        var rows = laid.Blocks.OfType<LaidOutTable>().Single().Rows;
        Assert.All(rows, r => Assert.Equal(1, r.Page));
        var cell = rows[0].Cells.Single(c => c.Source.RowSpan == 2);
        Assert.Equal(rows[0].Height + rows[1].Height, cell.Height, 0.01f);
    }

    [Fact]
    public void A_row_marked_to_break_starts_a_new_page()
    {
        var rows = new[] { Models.Row(false, Models.Text("1")), Models.Row(false, Models.Text("2")) with { BreakBefore = true } };
        var laid = Models.Lay(Models.Document(new Table([Column], [], rows, 0, 0)));
        var placed = laid.Blocks.OfType<LaidOutTable>().Single().Rows;
        Assert.Equal([0, 1], placed.Select(r => r.Page));
        Assert.Equal(2, laid.PageCount);
    }

    [Fact]
    public void A_page_break_block_moves_the_flow_to_the_top_of_the_next_page()
    {
        var laid = Models.Lay(Models.Document(Models.Text("бір"), PageBreak.Instance, Models.Text("екі")));
        var paragraphs = laid.Blocks.OfType<LaidOutParagraph>().ToList();
        Assert.Equal(0, paragraphs[0].Lines[0].Page);
        Assert.Equal(1, paragraphs[1].Lines[0].Page);
        Assert.Equal(laid.Source.Page.MarginTop, paragraphs[1].Lines[0].Top, 0.01f);
    }

    [Fact]
    public void Cell_text_is_aligned_and_kept_inside_its_padding()
    {
        var style = new CellStyle(Borders.None, new Padding(3, 4, 3, 4), Alignment.Right, VerticalAlignment.Bottom, null);
        var row = new TableRow([new TableCell(0, 1, 1, [Models.Text("оң") with { Style = new ParagraphStyle(Align: Alignment.Right) }], style)], false, false, MinHeightPt: 60);
        var laid = Models.Lay(Models.Document(new Table([Column], [], [row], 0, 0)));
        var cell = laid.Blocks.OfType<LaidOutTable>().Single().Rows[0].Cells[0];
        var segment = cell.Lines[0].Segments[0];
        Assert.Equal(cell.X + Column - 4, segment.X + segment.Width, 0.05f);
        Assert.Equal(cell.Top + 60 - 3, cell.Lines[0].Top + cell.Lines[0].Height, 0.05f);
    }

    [Fact]
    public void Layout_stops_when_the_render_is_cancelled()
    {
        var rows = Enumerable.Range(0, 500).Select(i => Models.Row(false, Models.Text($"{i}"))).ToList();
        var document = Models.Document(new Table([Column], [], rows, 0, 0));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => Models.Lay(document, cancelled.Token));
    }

    [Fact]
    public void Every_kind_of_block_in_the_model_has_a_layout()
    {
        var kinds = typeof(Block).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Block)) && !t.IsAbstract).ToList();
        Assert.Contains(typeof(Table), kinds);
        Assert.All(kinds, k => Assert.Contains(k, LayoutEngine.LaidOutKinds));
    }
}
