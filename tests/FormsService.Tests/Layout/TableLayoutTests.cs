using FormsService.Core.Engine;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using UglyToad.PdfPig;

namespace FormsService.Tests.Layout;

/// <summary>The fixture's 120-row time sheet: rows break across pages, the header comes back on each, the page is landscape.</summary>
public sealed class TableLayoutTests
{
    private static readonly Lazy<(LaidOutDocument Laid, byte[] Pdf)> Sheet = new(() =>
    {
        var payload = TimeSheetFixture.Payload(120);
        var laid = TimeSheetFixture.Engine.Lay(TimeSheetFixture.Version, payload);
        var pdf = TimeSheetFixture.Engine.Render(TimeSheetFixture.Version, payload, OutputFormats.Pdf);
        return (laid, pdf);
    });

    private static LaidOutTable Table => Sheet.Value.Laid.Blocks.OfType<LaidOutTable>().Single();

    [Fact]
    public void A_120_row_table_runs_over_at_least_three_pages_with_its_header_on_each()
    {
        var laid = Sheet.Value.Laid;
        Assert.True(laid.PageCount >= 3, $"{laid.PageCount} pages");
        foreach (var page in Enumerable.Range(0, laid.PageCount))
        {
            var rows = Table.Rows.Where(r => r.Page == page).ToList();
            Assert.True(rows.Count > 2, $"page {page + 1} holds {rows.Count} rows");
            // The two header rows come first on every page, in order, and above every body row.
            Assert.Equal([true, true], rows.Take(2).Select(r => r.IsHeader));
            Assert.Equal([0, 1], rows.Take(2).Select(r => r.RowIndex));
            Assert.All(rows.Skip(2), r => Assert.False(r.IsHeader));
            Assert.True(rows[1].Top + rows[1].Height <= rows[2].Top + 0.01f);
        }
        // Every body row is placed in order; a row split at a page's foot continues first thing on the next page.
        var body = Table.Rows.Where(r => !r.IsHeader).ToList();
        Assert.Equal(Enumerable.Range(0, 121), body.Where(r => !r.Continued).Select(r => r.RowIndex));
        foreach (var rest in body.Where(r => r.Continued))
        {
            var start = body.Single(r => r.RowIndex == rest.RowIndex && !r.Continued);
            Assert.Equal(start.Page + 1, rest.Page);
            Assert.Equal(rest, Table.Rows.Where(r => r.Page == rest.Page && !r.IsHeader).First());
        }
    }

    [Fact]
    public void No_row_runs_into_the_bottom_margin()
    {
        var page = Sheet.Value.Laid.Source.Page;
        Assert.All(Table.Rows, r => Assert.True(r.Top + r.Height <= page.Height - page.MarginBottom + 0.01f,
            $"row {r.RowIndex} on page {r.Page + 1} ends at {r.Top + r.Height:F1} pt, below {page.Height - page.MarginBottom:F1}"));
    }

    [Fact]
    public void The_pdf_prints_the_header_at_the_top_of_every_page_and_the_rows_in_order()
    {
        using var pdf = PdfDocument.Open(Sheet.Value.Pdf);
        Assert.Equal(Sheet.Value.Laid.PageCount, pdf.NumberOfPages);
        var lastSeen = 0;
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            var header = words.First(w => w.Text == "Тегі,");
            var firsts = words.Where(w => w.Text.StartsWith("Тегі", StringComparison.Ordinal) && w.Text.Length == 7).ToList();
            Assert.NotEmpty(firsts);
            // PDF y grows upwards: the header word sits above every person on the page.
            Assert.All(firsts, w => Assert.True(w.BoundingBox.Bottom < header.BoundingBox.Bottom, $"{w.Text} above the header on page {page.Number}"));
            Assert.Contains(words, w => w.Text == "Айдың");
            var numbers = firsts.OrderByDescending(w => w.BoundingBox.Bottom).Select(w => int.Parse(w.Text[4..])).ToList();
            Assert.Equal(Enumerable.Range(lastSeen + 1, numbers.Count), numbers);
            lastSeen = numbers[^1];
        }
        Assert.Equal(120, lastSeen);
    }

    [Fact]
    public void A_landscape_definition_gives_landscape_pages()
    {
        var geometry = Sheet.Value.Laid.Source.Page;
        Assert.Equal(Units.MmToPt(297), geometry.Width, 0.01f);
        Assert.Equal(Units.MmToPt(210), geometry.Height, 0.01f);
        using var pdf = PdfDocument.Open(Sheet.Value.Pdf);
        Assert.All(pdf.GetPages(), p =>
        {
            Assert.Equal(841.9, p.Width, 0.5);
            Assert.Equal(595.3, p.Height, 0.5);
        });
    }

    [Fact]
    public void The_footer_numbers_every_page_in_the_definitions_words()
    {
        using var pdf = PdfDocument.Open(Sheet.Value.Pdf);
        var n = pdf.NumberOfPages;
        foreach (var page in pdf.GetPages())
        {
            var text = string.Join(' ', page.GetWords().Select(w => w.Text));
            Assert.Contains($"{page.Number}-бет / {n}", text);
            var footer = page.GetWords().First(w => w.Text == $"{page.Number}-бет");
            // In the bottom margin (15 mm), centred on the content (left margin 15 mm, right 10 mm).
            Assert.True(footer.BoundingBox.Top < Units.MmToPt(15), $"footer top at {footer.BoundingBox.Top:F1}");
        }
    }

    [Fact]
    public void Day_off_columns_are_shaded_in_every_row_and_working_days_are_not()
    {
        var table = Table.Source;
        var header = table.HeaderRows[1].Cells;
        Assert.Equal(30, header.Count);
        for (var d = 1; d <= 30; d++)
        {
            var off = d % 7 is 6 or 0;
            var column = 1 + d; // №, name, then the days
            foreach (var row in table.Rows.Take(120))
            {
                var cell = row.Cells.Single(c => c.Column == column);
                Assert.Equal(off, cell.Style.Shading is not null);
            }
        }
    }

    [Fact]
    public void A_heading_spanning_the_column_group_covers_every_day_column()
    {
        var first = Table.Source.HeaderRows[0].Cells;
        var days = first.Single(c => c.Content.Any(p => p.Inlines.OfType<TextRun>().Any(t => t.Text == "Айдың күндері")));
        Assert.Equal(2, days.Column);
        Assert.Equal(30, days.ColumnSpan);
        Assert.Equal(32, first.Single(c => c.Content.Any(p => p.Inlines.OfType<TextRun>().Any(t => t.Text == "Барлығы"))).Column);
    }
}
