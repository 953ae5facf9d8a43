using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FormsService.Core.Engine;
using FormsService.Tests.Layout;
using FormsService.Tests.Support;

namespace FormsService.Tests.Docx;

/// <summary>
/// The test fixture's time sheet (landscape, a column per day, 120 people, a page footer) as a Word table: the same
/// grid, the header rows marked to repeat, and LibreOffice prints it on as many pages as our PDF, the header on each.
/// </summary>
public sealed class DocxTableTests
{
    private static readonly Lazy<(byte[] Pdf, byte[] Docx, byte[] Printed)> Sheet = new(() =>
    {
        var payload = TimeSheetFixture.Payload(120);
        var engine = TimeSheetFixture.Engine;
        var pdf = engine.Render(TimeSheetFixture.Version, payload, OutputFormats.Pdf);
        var docx = engine.Render(TimeSheetFixture.Version, payload, OutputFormats.Docx);
        var printed = LibreOffice.PrintToPdf(docx);
        if (Environment.GetEnvironmentVariable("DOCX_PRINT_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "time-sheet.pdf"), pdf);
            File.WriteAllBytes(Path.Combine(dir, "time-sheet.docx"), docx);
            File.WriteAllBytes(Path.Combine(dir, "time-sheet.printed.pdf"), printed);
        }
        return (pdf, docx, printed);
    });

    [Fact]
    public void The_table_is_a_Word_table_with_the_models_grid_and_its_header_rows_repeated()
    {
        var errors = DocumentText.DocxErrors(Sheet.Value.Docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        using var word = WordprocessingDocument.Open(new MemoryStream(Sheet.Value.Docx), false);
        var table = Assert.Single(word.MainDocumentPart!.Document!.Body!.Elements<Table>());
        var model = TimeSheetFixture.Engine.Lay(TimeSheetFixture.Version, TimeSheetFixture.Payload(120)).Source.Blocks.OfType<Core.Engine.Model.Table>().Single();
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
        Assert.Equal(model.Columns.Select(c => (int)MathF.Round(c * 20)), grid);
        Assert.Equal(TableLayoutValues.Fixed, table.GetFirstChild<TableProperties>()!.TableLayout!.Type!.Value);
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(model.HeaderRows.Count + model.Rows.Count, rows.Count);
        Assert.All(rows.Take(model.HeaderRows.Count), r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.All(rows.Skip(model.HeaderRows.Count), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));
        // The header's spans: "№" over two rows, the days' title over a column per day.
        Assert.Contains(rows[0].Elements<TableCell>(), c => c.TableCellProperties?.VerticalMerge?.Val?.Value == MergedCellValues.Restart && c.InnerText == "№");
        Assert.Contains(rows[0].Elements<TableCell>(), c => c.TableCellProperties?.GridSpan?.Val?.Value == 30);
        Assert.Contains(rows[1].Elements<TableCell>(), c => c.TableCellProperties?.VerticalMerge is { Val: null });
        // Days off are shaded, as in the PDF.
        Assert.Contains(rows[2].Elements<TableCell>(), c => c.TableCellProperties?.Shading?.Fill is not null);
        var section = word.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single();
        Assert.Equal(PageOrientationValues.Landscape, section.GetFirstChild<PageSize>()!.Orient!.Value);
        // The footer numbers the pages with Word's fields.
        var footer = Assert.Single(word.MainDocumentPart.FooterParts).Footer!;
        var fields = footer.Descendants<FieldCode>().Select(f => f.Text.Trim()).ToList();
        Assert.Equal(["PAGE", "NUMPAGES"], fields);
    }

    [Fact]
    public void LibreOffice_prints_it_on_our_pages_with_the_header_and_footer_on_each()
    {
        var (pdf, _, printed) = Sheet.Value;
        var ours = PrintedLines.PageCount(pdf);
        Assert.True(ours >= 3, $"the fixture fills {ours} pages");
        Assert.Equal(ours, PrintedLines.PageCount(printed));
        var lines = PrintedLines.Of(printed);
        for (var page = 1; page <= ours; page++)
        {
            var text = PrintedLines.Text(lines.Where(l => l.Page == page));
            Assert.Contains("Тегі,аты,әкесініңаты", text);
            Assert.Contains("Айдыңкүндері", text);
            Assert.Contains($"{page}-бет/{ours}", text);
        }
        // Rows break between pages where ours do, give or take a row: nine lines in ten are printed as ours.
        var ourLines = PrintedLines.Of(pdf);
        Assert.True(PrintedLines.Matching(ourLines, lines) >= 0.9 * Math.Max(ourLines.Count, lines.Count),
            $"{PrintedLines.Matching(ourLines, lines)} of {ourLines.Count} lines printed as ours ({lines.Count} printed)");
    }
}
