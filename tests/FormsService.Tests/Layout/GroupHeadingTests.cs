using FormsService.Tests.Support;
using System.Text.Json;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Tests.TimeSheet;

namespace FormsService.Tests.Layout;

/// <summary>
/// The shipped time sheet's two header rows by position: "Айдың күндері" (<c>"colSpan": "group"</c>) over the day
/// numbers, the other headings spanning both rows, on every page of a 60-person sheet of November 2025.
/// </summary>
public sealed class GroupHeadingTests
{
    private const float Tolerance = 0.01f;

    private static readonly Lazy<LaidOutTable> Sheet = new(() =>
    {
        var engine = TimeSheetFixture.Engine;
        var version = Catalogue.InForce(engine, "time-sheet");
        var laid = engine.Lay(version, JsonDocument.Parse(TimeSheetDocumentTests.Sheet(60)).RootElement.Clone());
        Assert.True(laid.PageCount >= 2, $"{laid.PageCount} page(s)");
        return laid.Blocks.OfType<LaidOutTable>().Single();
    });

    private static string Text(TableCell cell) => string.Concat(cell.Content.SelectMany(p => p.Inlines).OfType<TextRun>().Select(t => t.Text));

    private static IEnumerable<(PlacedRow Days, PlacedRow Numbers)> HeadersByPage() =>
        Sheet.Value.Rows.Where(r => r.IsHeader).GroupBy(r => r.Page).Select(g =>
        {
            var rows = g.ToList();
            Assert.Equal([0, 1], rows.Select(r => r.RowIndex));
            return (rows[0], rows[1]);
        });

    [Fact]
    public void The_heading_over_the_days_starts_at_the_first_day_column_and_is_as_wide_as_the_month()
    {
        var pages = 0;
        foreach (var (days, numbers) in HeadersByPage())
        {
            pages++;
            var heading = days.Cells.Single(c => Text(c.Source) == "Айдың күндері");
            var dayCells = numbers.Cells.OrderBy(c => c.X).ToList();
            Assert.Equal(Enumerable.Range(1, 30).Select(d => d.ToString()), dayCells.Select(c => Text(c.Source)));
            Assert.Equal(dayCells[0].X, heading.X, Tolerance);
            Assert.Equal(dayCells[^1].X + dayCells[^1].Width - dayCells[0].X, heading.Width, Tolerance);
            Assert.Equal(dayCells.Sum(c => c.Width), heading.Width, 0.05f);
            // The day numbers start where the heading ends, and the headings beside it begin at its right edge.
            Assert.All(dayCells, c => Assert.Equal(heading.Top + heading.Height, c.Top, Tolerance));
            var right = days.Cells.Where(c => c.X > heading.X).OrderBy(c => c.X).First();
            Assert.Equal(heading.X + heading.Width, right.X, Tolerance);
            Assert.Equal("Жаза мерзімі, сағат", Text(right.Source));
            // Its one line is centred over the group.
            var line = Assert.Single(heading.Lines);
            var left = line.Segments.Min(s => s.X);
            var end = line.Segments.Max(s => s.X + s.Width);
            Assert.Equal(heading.X + heading.Width / 2, (left + end) / 2, 0.5f);
        }
        Assert.Equal(Sheet.Value.Rows.Max(r => r.Page) + 1, pages);
    }

    [Fact]
    public void Headings_beside_the_group_span_both_header_rows_and_hold_their_lines()
    {
        foreach (var (days, numbers) in HeadersByPage())
        {
            var bottom = numbers.Top + numbers.Height;
            var spanning = days.Cells.Where(c => c.Source.RowSpan == 2).ToList();
            Assert.Equal(6, spanning.Count);
            foreach (var cell in spanning)
            {
                Assert.Equal(days.Top, cell.Top, Tolerance);
                Assert.Equal(bottom - days.Top, cell.Height, Tolerance);
                Assert.All(cell.Lines, l => Assert.True(l.Top + l.Height <= bottom + Tolerance, $"'{Text(cell.Source)}' runs below its cell"));
            }
            // The height the tall headings need is shared by the two rows, not all given to the day numbers.
            Assert.Equal(days.Height, numbers.Height, 0.05f);
        }
    }

    [Fact]
    public void The_heading_is_not_shaded_by_its_first_day_and_the_day_off_columns_are()
    {
        var (days, numbers) = HeadersByPage().First();
        Assert.Null(days.Cells.Single(c => Text(c.Source) == "Айдың күндері").Source.Style.Shading);
        // 1 November 2025 is a Saturday.
        var shaded = numbers.Cells.Where(c => c.Source.Style.Shading is not null).Select(c => int.Parse(Text(c.Source)));
        Assert.Equal([1, 2, 8, 9, 15, 16, 22, 23, 29, 30], shaded);
    }
}
