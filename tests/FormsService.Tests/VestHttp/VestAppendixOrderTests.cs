using DocumentFormat.OpenXml.Packaging;
using FormsService.Tests.Support;
using UglyToad.PdfPig;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace FormsService.Tests.VestHttp;

/// <summary>The appendix in the source's order: description → "Сурет." → the picture → "Ескертпе: …".</summary>
public sealed class VestAppendixOrderTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task In_the_PDF_the_word_Suret_comes_before_the_picture_and_the_note_after_it()
    {
        var pdf = await _client.PostBytes(VestHttp.Render + "?format=pdf", "{}", "application/pdf");
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPage(1).GetWords().ToList();
        var suret = words.Single(w => w.Text == "Сурет.");
        var note = words.Single(w => w.Text == "Ескертпе:");
        // The lettering drawn on the two views is the picture's text; the description quotes it with quotation marks.
        var picture = words.Where(w => w.Text == "ОБЩЕСТВУ").ToList();
        Assert.True(picture.Count >= 2, "the picture's lettering is not text");
        Assert.All(picture, w => Assert.True(w.BoundingBox.Top < suret.BoundingBox.Bottom, "'Сурет.' is under the picture"));
        Assert.All(picture, w => Assert.True(w.BoundingBox.Bottom > note.BoundingBox.Top, "the note is above the picture"));
    }

    [Fact]
    public async Task In_the_DOCX_the_word_Suret_is_the_paragraph_before_the_picture()
    {
        var docx = await _client.PostBytes(VestHttp.Render + "?format=docx", "{}",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>().ToList();
        var suret = paragraphs.FindIndex(p => p.InnerText.Trim() == "Сурет.");
        var picture = paragraphs.FindIndex(p => p.Descendants<W.Drawing>().Any());
        var note = paragraphs.FindIndex(p => p.InnerText.StartsWith("Ескертпе:", StringComparison.Ordinal));
        Assert.True(suret >= 0 && picture >= 0 && note >= 0, $"paragraphs: Сурет. {suret}, picture {picture}, note {note}");
        Assert.True(suret < picture && picture < note, $"order: Сурет. {suret}, picture {picture}, note {note}");
    }
}
