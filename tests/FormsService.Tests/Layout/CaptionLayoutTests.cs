using FormsService.Tests.Support;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Tests.ReferralCertificate;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace FormsService.Tests.Layout;

/// <summary>
/// The hard part of these forms, by position: a caption centred under its blank, a long value continuing underlined
/// with its caption under the last piece, and one small size in the layout and the PDF.
/// </summary>
public sealed class CaptionLayoutTests
{
    private const float Tolerance = 0.5f;

    private static FormsEngine Engine => TimeSheetFixture.Engine;
    private static FormVersion Certificate => Catalogue.InForce(Engine, "referral-certificate");

    private static JsonElement Payload(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static readonly string LongCourt = string.Join(' ', Enumerable.Repeat("Алматы қаласы Әуезов аудандық № 2 сотының", 4))[..150];

    private static JsonElement WithLongCourt() => Payload(ReferralCertificateSamples.With(n => n["verdict"]!["court"] = LongCourt));

    /// <summary>The line that prints <paramref name="caption"/>, the caption, and the field piece it stands under.</summary>
    private static (Line Line, Caption Caption, FieldSegment Piece) Captioned(LaidOutDocument laid, string caption)
    {
        var line = laid.Blocks.OfType<LaidOutParagraph>().SelectMany(p => p.Lines).First(l => l.Captions.Any(c => c.Text == caption));
        var c = line.Captions.Single(x => x.Text == caption);
        var piece = line.Segments.OfType<FieldSegment>().OrderBy(s => Math.Abs(s.X + s.Width / 2 - c.CenterX)).First();
        return (line, c, piece);
    }

    /// <summary>The letters of a phrase on a page: from the first letter's start to the last's end (advances, not ink).</summary>
    private static (double Left, double Right, double Baseline, IReadOnlyList<Letter> Letters) Find(Page page, string phrase)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var target = phrase.Replace(" ", "");
        for (var i = 0; i + target.Length <= letters.Count; i++)
        {
            if (string.Concat(letters.Skip(i).Take(target.Length).Select(l => l.Value)) != target) continue;
            var run = letters.Skip(i).Take(target.Length).ToList();
            return (run[0].StartBaseLine.X, run[^1].EndBaseLine.X, run[0].StartBaseLine.Y, run);
        }
        throw new Xunit.Sdk.XunitException($"'{phrase}' is not on page {page.Number}.");
    }

    [Theory]
    [InlineData("(сот атауы)")]
    [InlineData("(атағы, тегі, аты-жөні)")]
    [InlineData("(қолы)")]
    [InlineData("(жергілікті атқарушы органның атауы)")]
    public void A_caption_is_centred_under_its_blank_in_the_layout_and_in_the_pdf(string caption)
    {
        var payload = Payload(ReferralCertificateSamples.Example);
        var laid = Engine.Lay(Certificate, payload);
        var (line, c, piece) = Captioned(laid, caption);
        Assert.Equal(piece.X + piece.Width / 2, c.CenterX, Tolerance);
        Assert.True(c.Baseline > line.Baseline, "the caption sits under the blank's line");

        using var pdf = PdfDocument.Open(Engine.Render(Certificate, payload, OutputFormats.Pdf));
        var page = pdf.GetPage(line.Page + 1);
        var (left, right, baseline, _) = Find(page, caption);
        var margin = laid.Source.Page.MarginLeft;
        Assert.Equal(margin + piece.X + piece.Width / 2, (left + right) / 2, Tolerance);
        Assert.Equal(page.Height - c.Baseline, baseline, Tolerance);
    }

    [Fact]
    public void A_long_value_continues_underlined_on_the_next_line_with_its_caption_under_the_last_piece()
    {
        var laid = Engine.Lay(Certificate, WithLongCourt());
        var lines = laid.Blocks.OfType<LaidOutParagraph>().SelectMany(p => p.Lines).ToList();
        var pieces = lines.SelectMany(l => l.Segments.OfType<FieldSegment>().Where(s => s.Text.Length > 0 && LongCourt.Contains(s.Text)).Select(s => (Line: l, Piece: s))).ToList();
        Assert.True(pieces.Count >= 2, $"the court name printed in {pieces.Count} piece(s)");
        Assert.Equal(LongCourt, string.Join(' ', pieces.Select(p => p.Piece.Text)));
        // Every piece but the last runs to the end of its line, underlined (a field segment draws its underline).
        var width = laid.Source.Page.ContentWidth;
        Assert.All(pieces.SkipLast(1), p => Assert.Equal(width, p.Piece.X + p.Piece.Width, 0.05f));
        Assert.All(pieces.SkipLast(1), p => Assert.DoesNotContain(p.Line.Captions, c => c.Text == "(сот атауы)"));
        var (line, caption, piece) = Captioned(laid, "(сот атауы)");
        Assert.Same(pieces[^1].Line, line);
        Assert.Equal(piece.X + piece.Width / 2, caption.CenterX, Tolerance);

        using var pdf = PdfDocument.Open(Engine.Render(Certificate, WithLongCourt(), OutputFormats.Pdf));
        var page = pdf.GetPage(1);
        var last = Find(page, pieces[^1].Piece.Text);
        var captionInPdf = Find(page, "(сот атауы)");
        Assert.True(captionInPdf.Baseline < last.Baseline, "the caption is printed below the last piece");
        Assert.Equal(laid.Source.Page.MarginLeft + piece.X + piece.Width / 2, (captionInPdf.Left + captionInPdf.Right) / 2, Tolerance);
    }

    [Fact]
    public void Small_text_has_one_size_in_the_layout_and_in_the_pdf()
    {
        var payload = Payload(ReferralCertificateSamples.Example);
        var laid = Engine.Lay(Certificate, payload);
        var small = Certificate.Definition.Styles.CaptionSizePt;
        var organ = laid.Blocks.OfType<LaidOutParagraph>().SelectMany(p => p.Lines)
            .SelectMany(l => l.Segments.OfType<TextSegment>()).Where(s => s.Text == "(органның атауы)").ToList();
        Assert.Equal(2, organ.Count);
        Assert.All(organ, s => Assert.Equal(small, s.Type.SizePt));
        Assert.All(laid.Blocks.OfType<LaidOutParagraph>().SelectMany(p => p.Lines).SelectMany(l => l.Captions), c => Assert.Equal(small, c.SizePt));

        using var pdf = PdfDocument.Open(Engine.Render(Certificate, payload, OutputFormats.Pdf));
        var page = pdf.GetPage(1);
        foreach (var phrase in new[] { "(органның атауы)", "(сот атауы)", "(қолы)" })
        {
            var (_, _, _, letters) = Find(page, phrase);
            Assert.All(letters, l => Assert.Equal(small, l.PointSize, 0.05));
        }
        // And body text keeps the body size.
        Assert.All(Find(page, "Нысан").Letters, l => Assert.Equal(Certificate.Definition.Styles.SizePt, l.PointSize, 0.05));
    }

    [Fact]
    public void The_model_carries_the_typography_the_definition_asks_for()
    {
        var document = Engine.Lay(Certificate, Payload(ReferralCertificateSamples.Example)).Source;
        var title = document.Blocks.OfType<FormsService.Core.Engine.Model.Paragraph>()
            .Single(p => p.Inlines.OfType<FormsService.Core.Engine.Model.TextRun>().Any(t => t.Text.Contains("АНЫҚТАМА-ЖОЛДАМА")));
        Assert.True(title.Text.Face.Bold);
        Assert.All(title.Inlines.OfType<FormsService.Core.Engine.Model.TextRun>(), t => Assert.True(t.Type.Face.Bold));
        var cut = document.Blocks.OfType<FormsService.Core.Engine.Model.CutLine>().Single();
        Assert.True(cut.Type.Face.Italic);
        Assert.Equal(document.Styles.CaptionSizePt + 2, cut.Type.SizePt);
    }
}
