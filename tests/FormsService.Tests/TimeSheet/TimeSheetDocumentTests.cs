using System.Net;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;
using FormsService.Tests.Vest;
using SkiaSharp;
using UglyToad.PdfPig;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace FormsService.Tests.TimeSheet;

/// <summary>
/// The time sheet as users get it: a 60-person sheet runs over several landscape pages with the header row on each,
/// LibreOffice prints its DOCX on as many pages, and the columns of November 2025's days off are the shaded ones.
/// </summary>
public sealed class TimeSheetDocumentTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string RenderUrl = "/api/forms/time-sheet/render";
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The example's first three persons repeated to <paramref name="count"/>, each surname numbered.</summary>
    public static string Sheet(int count)
    {
        var sheet = JsonNode.Parse(Repo.Example("time-sheet"))!.AsObject();
        var examples = sheet["persons"]!.AsArray();
        var persons = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var person = examples[i % examples.Count]!.DeepClone();
            person["convict"]!["surname"] = $"{person["convict"]!["surname"]}-{i + 1}";
            persons.Add(person);
        }
        sheet["persons"] = persons;
        return sheet.ToJsonString();
    }

    private async Task<byte[]> Render(string payload, string format)
    {
        var response = await _client.PostJson($"{RenderUrl}?format={format}", payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Sixty_persons_run_over_several_landscape_pages_with_the_header_row_on_each()
    {
        using var pdf = PdfDocument.Open(await Render(Sheet(60), "pdf"));
        Assert.True(pdf.NumberOfPages >= 2, $"{pdf.NumberOfPages} page(s)");
        var seen = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            Assert.True(page.Width > page.Height, "landscape");
            var words = page.GetWords().Select(w => w.Text).ToList();
            var text = string.Join(' ', words);
            Assert.Contains("Сотталғанның", words);
            Assert.Contains("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30", text);
            Assert.Contains($"{page.Number}-бет / {pdf.NumberOfPages}", text);
            seen.AddRange(words.Where(w => w.Contains('-') && char.IsUpper(w[0])));
        }
        // Every person printed once, in order, none lost at a page break.
        var expected = Enumerable.Range(1, 60).Select(i => $"{new[] { "Сейтқалиев", "Жақсыбекова", "Омаров" }[(i - 1) % 3]}-{i}").ToList();
        Assert.Equal(expected, seen.Where(w => expected.Contains(w)).ToList());
        Assert.Contains("Барлығы", DocumentText.Pdf(await Render(Sheet(60), "pdf")));
    }

    [Fact]
    public async Task The_DOCX_is_a_valid_Word_table_with_its_header_row_marked_to_repeat_and_every_value()
    {
        var docx = await Render(Repo.Example("time-sheet"), "docx");
        Assert.Empty(DocumentText.DocxErrors(docx));
        var xml = DocxXml(docx);
        Assert.Contains("<w:tbl>", xml);
        Assert.Contains("<w:tblHeader/>", xml);
        Assert.Contains("w:orient=\"landscape\"", xml);
        var text = DocumentText.Docx(docx);
        DocumentText.AssertContainsAll(text, ["Сейтқалиев Нұрлан Ерболұлы", "Жақсыбекова Айгүл Маратқызы", "Омаров Тимур", "164", "212", "Ахметова Динара Серікқызы"]);
        AkimatReports.AkimatDocuments.AssertWordsOf(text, AkimatReports.AkimatDocuments.CellTexts["time-sheet"]);
    }

    [Fact]
    public async Task LibreOffice_prints_the_sixty_person_DOCX_on_as_many_pages_as_the_PDF()
    {
        var payload = Sheet(60);
        using var ours = PdfDocument.Open(await Render(payload, "pdf"));
        using var printed = PdfDocument.Open(LibreOffice.PrintToPdf(await Render(payload, "docx")));
        Assert.Equal(ours.NumberOfPages, printed.NumberOfPages);
        foreach (var page in printed.GetPages())
            Assert.Contains("Сотталғанның", page.GetWords().Select(w => w.Text));
        // The two header rows as tall as ours: the headings spanning both (up to four lines) fit above the first
        // person on every page, and the first person's row starts where ours does.
        foreach (var (mine, theirs) in ours.GetPages().Zip(printed.GetPages()))
        {
            var (myTop, myFirst) = HeaderAndFirstPerson(mine);
            var (theirTop, theirFirst) = HeaderAndFirstPerson(theirs);
            Assert.Equal(myFirst.BoundingBox.Bottom - myTop, theirFirst.BoundingBox.Bottom - theirTop, 1.5);
            var lowest = theirs.GetWords().Where(w => w.Text is "сағат" or "барлығы," or "жағдайда)").Min(w => w.BoundingBox.Bottom);
            Assert.True(lowest > theirFirst.BoundingBox.Top, $"page {theirs.Number}: a heading runs into the first person's row");
        }
    }

    /// <summary>The top of the header ("Айдың күндері") and the first body row's first word on a page: a person's surname, or the totals.</summary>
    private static (double HeaderTop, UglyToad.PdfPig.Content.Word First) HeaderAndFirstPerson(UglyToad.PdfPig.Content.Page page)
    {
        var words = page.GetWords().ToList();
        var top = words.Single(w => w.Text == "Айдың").BoundingBox.Top;
        var first = words.Where(w => ((w.Text.Contains('-') && char.IsUpper(w.Text[0])) || w.Text == "Барлығы") && w.BoundingBox.Top < top).MaxBy(w => w.BoundingBox.Top)!;
        return (top, first);
    }

    [Fact]
    public async Task The_DOCX_header_has_the_days_heading_over_a_column_per_day_and_the_other_headings_over_both_rows()
    {
        var payload = Sheet(60);
        var engine = FormsService.Tests.Layout.TimeSheetFixture.Engine;
        var version = Catalogue.InForce(engine, "time-sheet");
        var laid = engine.Lay(version, System.Text.Json.JsonDocument.Parse(payload).RootElement.Clone());
        var placed = laid.Blocks.OfType<FormsService.Core.Engine.Layout.LaidOutTable>().Single().Rows.Where(r => r.IsHeader && r.Page == 0).ToList();
        var docx = await Render(payload, "docx");
        Assert.Empty(DocumentText.DocxErrors(docx));
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = word.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Single();
        var rows = table.Elements<W.TableRow>().ToList();
        // Grid positions of each row's cells: a merged continuation takes the columns of the cell above it.
        static List<(int Column, W.TableCell Cell)> Cells(W.TableRow row)
        {
            var list = new List<(int, W.TableCell)>();
            var column = 0;
            foreach (var cell in row.Elements<W.TableCell>())
            {
                list.Add((column, cell));
                column += cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
            }
            return list;
        }
        var first = Cells(rows[0]);
        var second = Cells(rows[1]);
        var days = first.Single(c => c.Cell.InnerText == "Айдың күндері");
        Assert.Equal(2, days.Column);
        Assert.Equal(30, days.Cell.TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Null(days.Cell.TableCellProperties.Shading);
        var restarts = first.Where(c => c.Cell.TableCellProperties?.VerticalMerge?.Val?.Value == W.MergedCellValues.Restart).Select(c => c.Column).ToList();
        Assert.Equal([0, 1, 32, 33, 34, 35], restarts);
        Assert.Equal(restarts, second.Where(c => c.Cell.TableCellProperties?.VerticalMerge is { Val: null }).Select(c => c.Column));
        Assert.Equal(Enumerable.Range(1, 30).Select(d => d.ToString()), second.Where(c => c.Column is >= 2 and < 32).Select(c => c.Cell.InnerText));
        // Both header rows repeat, at least as tall as the layout made them (so Word does not give all the height
        // the tall headings need to the row of day numbers).
        for (var i = 0; i < 2; i++)
        {
            var props = rows[i].TableRowProperties!;
            Assert.NotNull(props.GetFirstChild<W.TableHeader>());
            var height = props.GetFirstChild<W.TableRowHeight>()!;
            Assert.Equal(W.HeightRuleValues.AtLeast, height.HeightType!.Value);
            Assert.Equal((uint)Math.Round(placed[i].Height * 20), height.Val!.Value);
        }
    }

    [Fact]
    public async Task The_shaded_columns_of_November_2025_are_its_weekends()
    {
        // Where each day's number sits in the header (PDF points), then the preview's pixel just above it, inside its cell.
        const int Dpi = 96;
        using var pdf = PdfDocument.Open(await Render(Repo.Example("time-sheet"), "pdf"));
        var page = pdf.GetPage(1);
        var header = page.GetWords().First(w => w.Text == "Сотталғанның");
        var dayNumbers = page.GetWords()
            .Where(w => int.TryParse(w.Text, out var d) && d is >= 1 and <= 30 && Math.Abs(w.BoundingBox.Bottom - header.BoundingBox.Bottom) < 30
                        && w.BoundingBox.Left > header.BoundingBox.Right)
            .GroupBy(w => int.Parse(w.Text)).Select(g => g.First()).OrderBy(w => w.BoundingBox.Left).ToList();
        Assert.Equal(Enumerable.Range(1, 30), dayNumbers.Select(w => int.Parse(w.Text)));

        var response = await _client.PostJson($"/api/forms/time-sheet/preview?dpi={Dpi}", Repo.Example("time-sheet"));
        var png = new PixelImage(await response.Content.ReadAsByteArrayAsync());
        var shaded = new List<int>();
        foreach (var w in dayNumbers)
        {
            var x = (int)Math.Round((w.BoundingBox.Left + w.BoundingBox.Right) / 2 * Dpi / 72);
            var y = (int)Math.Round((page.Height - w.BoundingBox.Top - 4) * Dpi / 72);
            var pixel = png[x, y];
            Assert.True(PixelImage.Near(pixel, SKColors.White, 12) || PixelImage.Near(pixel, new SKColor(0xD9, 0xD9, 0xD9), 12),
                $"day {w.Text}: unexpected colour {pixel}");
            if (PixelImage.Near(pixel, new SKColor(0xD9, 0xD9, 0xD9), 12))
                shaded.Add(int.Parse(w.Text));
        }
        Assert.Equal([1, 2, 8, 9, 15, 16, 22, 23, 29, 30], shaded);
    }

    private static string DocxXml(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }
}
