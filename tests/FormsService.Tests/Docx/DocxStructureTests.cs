using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Tests.Support;
using UglyToad.PdfPig;

namespace FormsService.Tests.Docx;

/// <summary>The DOCX of every form, filled and blank: valid Open XML, the same bytes for the same input, built from the model.</summary>
public sealed class DocxStructureTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private FormsEngine Engine => fixture.Engine;

    private IEnumerable<(string Name, FormVersion Version, JsonElement? Payload)> Cases() =>
        DocxPrintCases.DocxVersions(Engine).SelectMany(v => new (string, FormVersion, JsonElement?)[]
        {
            ($"{DocxPrintCases.Name(v)} example", v, v.Example),
            ($"{DocxPrintCases.Name(v)} blank", v, null),
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
    public void A_DOCX_laid_out_without_its_cells_placed_is_the_DOCX_of_the_drawn_layout()
    {
        // A Word document's layout places no table cells: what the writer reads of it (the model, the facts) must be
        // what the full layout records, for filled forms and for blanks whose rows fill the page.
        var writer = new FormsService.Core.Engine.Rendering.DocxRenderer();
        foreach (var (name, version, payload) in Cases())
        {
            var filled = payload is null ? null : Engine.Check(version, payload.Value);
            var fromDrawn = writer.Render(Engine.Lay(version, filled), filled is null ? null : version.Module.CarriedPayload(filled));
            Assert.True(Engine.Render(version, filled, OutputFormats.Docx).AsSpan().SequenceEqual(fromDrawn), name);
            var forWord = Engine.Lay(version, filled, OutputFormats.Docx, CancellationToken.None);
            Assert.Throws<InvalidOperationException>(() => forWord.PiecesOn(0));
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        foreach (var (name, version, payload) in Cases())
            Assert.True(Engine.Render(version, payload, OutputFormats.Docx).AsSpan().SequenceEqual(Engine.Render(version, payload, OutputFormats.Docx)), name);
    }

    [Fact]
    public void The_referral_certificates_body_sentence_reads_as_the_law_with_its_captions_in_caption_paragraphs_under_it()
    {
        var version = Version("referral-certificate");
        using var word = Open(Engine.Render(version, version.Example, OutputFormats.Docx));
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        var first = paragraphs.FindIndex(p => p.InnerText.StartsWith("Қазақстан Республикасы ҚАК", StringComparison.Ordinal));
        var last = paragraphs.FindIndex(first, p => p.InnerText.TrimEnd().EndsWith("жазасын өтеу үшін жіберіледі.", StringComparison.Ordinal));
        Assert.True(first >= 0 && last > first, "the sentence is not found in order");
        var sentence = paragraphs.GetRange(first, last - first + 1);
        static bool IsCaption(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "CaptionUnderBlank";
        var text = DocumentText.Collapse(string.Join(' ', sentence.Where(p => !IsCaption(p)).Select(p => p.InnerText)));
        Assert.StartsWith("Қазақстан Республикасы ҚАК-тың 57, 58, 59-баптарына сәйкес", text);
        Assert.DoesNotContain('\u00A0', text);
        Assert.DoesNotContain('\u2060', text);
        var captions = string.Join(' ', sentence.Where(IsCaption).Select(p => DocumentText.Collapse(p.InnerText)));
        foreach (var caption in new[] { "(сот атауы)", "(тегі, аты, әкесінің аты (ол болған жағдайда), туған жылы,", "тұрғылықты жері, негізгі жұмыс (оқу) орны)" })
            Assert.Contains(caption, captions);
        // A caption paragraph keeps with the line it is under.
        foreach (var (p, i) in sentence.Select((p, i) => (p, i)).Where(x => x.i + 1 < sentence.Count && IsCaption(sentence[x.i + 1])))
            Assert.NotNull(p.ParagraphProperties?.KeepNext);
    }

    [Fact]
    public void Captions_and_small_text_have_the_models_one_small_size_in_the_DOCX_and_the_PDF()
    {
        foreach (var version in DocxPrintCases.DocxVersions(Engine))
        {
            var model = Engine.Lay(version, version.Example).Source;
            var paragraphs = model.Blocks.OfType<Core.Engine.Model.Paragraph>().ToList();
            var small = paragraphs.SelectMany(p => p.Inlines.OfType<Core.Engine.Model.Field>())
                .Where(f => f.Caption is not null).Select(f => (f.Caption!, f.CaptionType.SizePt))
                .Concat(paragraphs.SelectMany(p => p.Inlines.OfType<Core.Engine.Model.TextRun>()
                    .Where(t => t.Type.SizePt < p.Text.SizePt && t.Text.Trim().Length > 0).Select(t => (t.Text.Trim(), t.Type.SizePt))))
                .ToList();
            if (small.Count == 0) continue;
            Assert.Single(small.Select(s => s.SizePt).Distinct());
            using var word = Open(Engine.Render(version, version.Example, OutputFormats.Docx));
            var runs = word.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();
            foreach (var (text, size) in small)
            {
                var printed = runs.Where(r => TextOf(r).Trim() == text).ToList();
                Assert.True(printed.Count > 0, $"{version.FormId}: no run holds '{text}'");
                Assert.All(printed, r => Assert.Equal(((int)MathF.Round(size * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture), r.RunProperties?.FontSize?.Val?.Value));
            }
        }

        // The PDF prints them at the same size (PdfPig's letters).
        var referral = Version("referral-certificate");
        var captionSize = referral.Definition.Styles.CaptionSizePt;
        using var pdf = PdfDocument.Open(Engine.Render(referral, referral.Example, OutputFormats.Pdf));
        var letters = pdf.GetPage(1).GetWords().Where(w => w.Text is "(сот" or "(қолы)" or "(органның").SelectMany(w => w.Letters).ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters, l => Assert.Equal(captionSize, l.PointSize, 0.05));
    }

    /// <summary>A run's text as Word shows it: its non-breaking hyphens as hyphens.</summary>
    private static string TextOf(OpenXmlElement e) => string.Concat(e.Descendants().Select(d => d switch
    {
        Text t => t.Text,
        NoBreakHyphen => "-",
        _ => "",
    }));

    private FormVersion Version(string formId) => DocxPrintCases.DocxVersions(Engine).First(v => v.FormId == formId);

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);
}
