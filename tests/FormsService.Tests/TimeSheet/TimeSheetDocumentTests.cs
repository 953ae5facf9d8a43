using System.Net;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;
using FormsService.Tests.Vest;
using SkiaSharp;
using UglyToad.PdfPig;

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
