using System.Net;
using FormsService.Tests.Support;
using UglyToad.PdfPig;
using static FormsService.Tests.ReferralCertificate.ReferralCertificateSamples;

namespace FormsService.Tests.ReferralCertificate;

public sealed class ReferralCertificatePdfTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<byte[]> RenderPdf(string payload)
    {
        var response = await _client.PostJson(RenderUrl + "?format=pdf", payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.MediaType()?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_sample_prints_the_official_text_and_every_value_on_one_page()
    {
        var pdf = await RenderPdf(Example);
        var pages = DocumentText.PdfPages(pdf);
        Assert.Single(pages);
        DocumentText.AssertContainsAll(pages[0], OfficialPhrases);
        DocumentText.AssertContainsAll(pages[0], FilledValues);
    }

    [Fact]
    public async Task The_seal_place_the_signature_and_the_chosen_position_are_printed()
    {
        var text = DocumentText.Pdf(await RenderPdf(Example));
        Assert.Equal(2, CountOf(text, "М.О."));
        Assert.Equal(2, CountOf(text, "(қолы)"));
    }

    [Fact]
    public async Task Every_Kazakh_letter_extracts_as_typed()
    {
        const string letters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";
        var pdf = await RenderPdf(With(p => p["convict"]!["surname"] = letters));
        Assert.Contains(letters, DocumentText.Pdf(pdf));
    }

    [Fact]
    public async Task Fonts_are_embedded_as_small_subsets()
    {
        var pdf = await RenderPdf(Example);
        Assert.True(pdf.Length < 60_000, $"The PDF is {pdf.Length} bytes: fonts are not subset.");
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Contains("/FontFile2", raw);
        Assert.Matches(@"/BaseFont /[A-Z]{6}\+LiberationSerif", raw);
    }

    [Fact]
    public async Task The_PDF_passes_qpdf_check()
    {
        var dir = Tools.TempDir("qpdf");
        var file = Path.Combine(dir, "form.pdf");
        await File.WriteAllBytesAsync(file, await RenderPdf(Example));
        var (code, output) = Tools.Run("qpdf", $"--check \"{file}\"");
        Assert.True(code == 0, output);
        Assert.Contains("No syntax or stream encoding errors", output);
    }

    [Fact]
    public async Task A_long_residence_wraps_inside_the_margins_and_is_complete()
    {
        var residence = string.Join(", ", Enumerable.Range(1, 4).Select(i => $"Алматы облысы Қарасай ауданы Қаскелең қаласы Төле би көшесі {i}-үй"));
        Assert.InRange(residence.Length, 200, 300);
        var pdf = await RenderPdf(With(p => p["convict"]!["residence"] = residence));
        DocumentText.AssertContainsAll(DocumentText.Pdf(pdf), [residence]);

        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            var left = 30 * 72 / 25.4 - 0.5;
            var right = page.Width - 10 * 72 / 25.4 + 0.5;
            foreach (var letter in page.Letters)
            {
                Assert.True(letter.BoundingBox.Left >= left && letter.BoundingBox.Right <= right,
                    $"'{letter.Value}' at {letter.BoundingBox.Left:0.0}–{letter.BoundingBox.Right:0.0} is outside {left:0.0}–{right:0.0}.");
                Assert.True(letter.BoundingBox.Bottom >= 0 && letter.BoundingBox.Top <= page.Height);
            }
        }
    }

    [Fact]
    public async Task The_document_grows_to_a_second_page_only_when_it_must()
    {
        var ordinary = await RenderPdf(Example);
        Assert.Single(DocumentText.PdfPages(ordinary));

        var huge = string.Join(" ", Enumerable.Repeat("Алматы облысы Қарасай ауданы Қаскелең қаласы Төле би көшесі", 24));
        var pdf = await RenderPdf(With(p =>
        {
            p["convict"]!["residence"] = huge[..300];
            p["convict"]!["workOrStudyPlace"] = huge[..300];
            p["localExecutiveBody"] = huge[..250];
            p["verdict"]!["court"] = huge[..250];
            p["issuer"]!["bodyName"] = huge[..250];
            p["notification"]!["probationOffice"] = huge[..250];
            p["notification"]!["workName"] = huge[..250];
            p["notification"]!["bodyName"] = huge[..250];
        }));
        var pages = DocumentText.PdfPages(pdf);
        Assert.Equal(2, pages.Count);
        DocumentText.AssertContainsAll(string.Join(' ', pages), [huge[..300], "кесу сызығы", "Омаров Бауыржан Қайратұлы"]);
    }

    [Fact]
    public async Task Two_renders_give_the_same_bytes()
    {
        var a = await RenderPdf(Example);
        var b = await RenderPdf(Example);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Without_a_notification_its_part_prints_blank()
    {
        var pdf = await RenderPdf(With(p => p.Remove("notification")));
        var text = DocumentText.Pdf(pdf);
        DocumentText.AssertContainsAll(text, OfficialPhrases);
        Assert.DoesNotContain("Омаров", text);
        Assert.DoesNotContain("14-07/318", text);
        Assert.Equal(1, CountOf(text, "Сейтқалиев"));
    }

    private static int CountOf(string text, string phrase) =>
        (text.Length - text.Replace(phrase, "", StringComparison.Ordinal).Length) / phrase.Length;
}
