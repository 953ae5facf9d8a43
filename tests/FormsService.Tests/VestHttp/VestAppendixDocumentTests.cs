using DocumentFormat.OpenXml.Packaging;
using FormsService.Tests.Support;
using UglyToad.PdfPig;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace FormsService.Tests.VestHttp;

/// <summary>The appendix page (POST render, pdf and docx) as a clerk gets it.</summary>
public sealed class VestAppendixDocumentTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Appendix_pdf_is_one_page_with_the_appendix_text_and_both_lettering_lines_as_real_text()
    {
        var pdf = await _client.PostBytes(VestHttp.Render + "?format=pdf", "{}", "application/pdf");

        var pages = DocumentText.PdfPages(pdf);
        Assert.Single(pages);
        DocumentText.AssertContainsAll(pages[0], VestHttp.AppendixText);

        // The lettering on the figure (both views) is text too, besides the description's quotes.
        var text = pages[0];
        Assert.True(Occurrences(text, VestHttp.Kazakh) >= 3, $"the Kazakh line should be in the description and on both views:\n{text}");
        Assert.True(Occurrences(text, VestHttp.Russian) >= 3, $"the Russian line should be in the description and on both views:\n{text}");
    }

    [Fact]
    public async Task Appendix_pdf_embeds_font_subsets_only_and_passes_qpdf_check()
    {
        var pdf = await _client.PostBytes(VestHttp.Render + "?format=pdf", "{}", "application/pdf");

        // Measured: about 44 KB with three subset fonts; one whole Liberation face alone is 370–415 KB.
        Assert.True(pdf.Length < 100_000, $"the appendix PDF is {pdf.Length} bytes: are fonts embedded whole?");

        using var document = PdfDocument.Open(pdf);
        var fonts = document.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+", f));

        var dir = Tools.TempDir("vest-appendix");
        var file = Path.Combine(dir, "appendix.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var (exit, output) = Tools.Run("qpdf", $"--check \"{file}\"");
        Assert.True(exit == 0, output);
        Assert.Contains("No syntax or stream encoding errors", output);
    }

    [Fact]
    public async Task Appendix_docx_is_valid_holds_the_text_and_embeds_the_figure_as_a_png_picture()
    {
        var docx = await _client.PostBytes(VestHttp.Render + "?format=docx", "{}",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        var errors = DocumentText.DocxErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        DocumentText.AssertContainsAll(DocumentText.Docx(docx), VestHttp.AppendixText);

        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        var main = word.MainDocumentPart!;
        var images = main.ImageParts.ToList();
        Assert.NotEmpty(images);
        var png = images.First(i => i.ContentType == "image/png");
        using (var data = png.GetStream())
        {
            var signature = new byte[8];
            Assert.Equal(8, data.Read(signature, 0, 8));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        }

        var drawings = main.Document!.Body!.Descendants<W.Drawing>().ToList();
        Assert.NotEmpty(drawings);
        // The drawing points at the PNG part.
        var blipIds = drawings.SelectMany(d => d.Descendants<DocumentFormat.OpenXml.Drawing.Blip>())
            .Select(b => b.Embed?.Value).OfType<string>().ToList();
        Assert.Contains(main.GetIdOfPart(png), blipIds);
    }

    private static int Occurrences(string text, string phrase)
    {
        var count = 0;
        for (var i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrase, i + phrase.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
