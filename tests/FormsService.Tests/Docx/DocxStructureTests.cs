using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Tests.Support;
using UglyToad.PdfPig;

namespace FormsService.Tests.Docx;

/// <summary>The DOCX of every form, filled and blank: valid Open XML, the same bytes for the same input, built from the model.</summary>
public sealed class DocxStructureTests(DocxEngine fixture) : IClassFixture<DocxEngine>
{
    private FormsEngine Engine => fixture.Engine;

    private IEnumerable<(string Name, FormVersion Version, JsonElement? Payload)> Cases() =>
        DocxPrintCases.DocxVersions(Engine).SelectMany(v => new (string, FormVersion, JsonElement?)[]
        {
            ($"{v.FormId}/{v.Version} example", v, v.Example),
            ($"{v.FormId}/{v.Version} blank", v, null),
        });

    [Fact]
    public void Every_form_filled_and_blank_is_valid_Open_XML()
    {
        var cases = Cases().ToList();
        Assert.True(cases.Count >= 6, "every shipped form offers a DOCX");
        var failures = cases.SelectMany(c => DocumentText.DocxErrors(Engine.Render(c.Version, c.Payload, OutputFormats.Docx)).Select(e => $"{c.Name}: {e}")).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        foreach (var (name, version, payload) in Cases())
            Assert.True(Engine.Render(version, payload, OutputFormats.Docx).AsSpan().SequenceEqual(Engine.Render(version, payload, OutputFormats.Docx)), name);
    }

    [Fact]
    public void The_referral_certificates_body_sentence_is_one_Word_paragraph_with_its_captions()
    {
        var version = Version("referral-certificate");
        using var word = Open(Engine.Render(version, version.Example, OutputFormats.Docx));
        var sentence = word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>()
            .Where(p => p.InnerText.Contains("Қазақстан Республикасы ҚАК", StringComparison.Ordinal)).ToList();
        var paragraph = Assert.Single(sentence);
        var text = DocumentText.Collapse(string.Concat(paragraph.Descendants().Select(e => e switch
        {
            Text t => t.Text.Replace('\u00A0', ' ').Replace("\u2060", ""),
            NoBreakHyphen => "-",
            Break or TabChar => " ",
            _ => "",
        })));
        Assert.StartsWith("Қазақстан Республикасы ҚАК-тың 57, 58, 59-баптарына сәйкес", text);
        Assert.EndsWith("жазасын өтеу үшін жіберіледі.", text);
        foreach (var caption in new[] { "(сот атауы)", "(тегі, аты, әкесінің аты (ол болған жағдайда), туған жылы,", "тұрғылықты жері, негізгі жұмыс (оқу) орны)" })
            Assert.Contains(caption, text);
    }

    [Fact]
    public void Captions_are_printed_in_the_one_small_size_of_the_model_and_the_PDF()
    {
        var version = Version("referral-certificate");
        var small = version.Definition.Styles.CaptionSizePt;
        using var word = Open(Engine.Render(version, version.Example, OutputFormats.Docx));
        var runs = word.MainDocumentPart!.Document!.Body!.Descendants<Run>()
            .Where(r => r.InnerText is "(сот атауы)" or "(қолы)" or "(органның атауы)" or "(атағы, тегі, аты-жөні)").ToList();
        Assert.True(runs.Count >= 5, $"{runs.Count} caption runs");
        Assert.All(runs, r => Assert.Equal(((int)(small * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture), r.RunProperties?.FontSize?.Val?.Value));

        using var pdf = PdfDocument.Open(Engine.Render(version, version.Example, OutputFormats.Pdf));
        var letters = pdf.GetPage(1).GetWords().Where(w => w.Text is "(сот" or "(қолы)" or "(органның").SelectMany(w => w.Letters).ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters, l => Assert.Equal(small, l.PointSize, 0.05));
    }

    private FormVersion Version(string formId) => DocxPrintCases.DocxVersions(Engine).First(v => v.FormId == formId);

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);
}

/// <summary>The engine with the repository's forms and fonts, loaded once for a test class.</summary>
public sealed class DocxEngine : IDisposable
{
    public FormsEngine Engine { get; } = FormsEngine.Load(Repo.Forms, Repo.Fonts);
    public void Dispose() => Engine.Dispose();
}
