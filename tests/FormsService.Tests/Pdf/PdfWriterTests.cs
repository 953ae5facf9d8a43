using System.Text.Json;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Rendering;
using FormsService.Tests.Layout;
using FormsService.Tests.ReferralCertificate;
using FormsService.Tests.Support;
using SkiaSharp;
using UglyToad.PdfPig;

namespace FormsService.Tests.Pdf;

/// <summary>
/// The service's own PDF writer, read back by independent readers: PdfPig for every glyph's position, size and text,
/// poppler (pdftoppm) for what the page prints — against the page image the Skia painter draws from the same pieces.
/// </summary>
public sealed class PdfWriterTests
{
    private static FormsEngine Engine => TimeSheetFixture.Engine;

    public static TheoryData<string> PdfForms()
    {
        var data = new TheoryData<string>();
        foreach (var form in Engine.Catalog.Forms.OrderBy(f => f.FormId, StringComparer.Ordinal))
            if (InForce(form.FormId) is { Example: not null } version && version.Definition.Formats.Contains(OutputFormats.Pdf))
                data.Add(form.FormId);
        return data;
    }

    private static FormVersion InForce(string formId) => Catalogue.InForce(Engine, formId);

    /// <summary>
    /// Every glyph the layout placed as text is in the PDF at its place, in its face and size, and reads back as its
    /// letter. A figure's own text (the vest's lettering and dimensions) is drawn by its art, not placed by the layout:
    /// letters inside a figure's box are set apart, and what the figure prints is held by the page-image test below.
    /// </summary>
    [Theory]
    [MemberData(nameof(PdfForms))]
    public void Every_glyph_is_where_layout_put_it_in_its_face_and_size_and_reads_back_as_its_letter(string formId)
    {
        var version = InForce(formId);
        var laid = Engine.Lay(version, version.Example);
        using var pdf = PdfDocument.Open(Engine.Render(version, version.Example, OutputFormats.Pdf));
        Assert.Equal(laid.PageCount, pdf.NumberOfPages);
        var margin = laid.Source.Page.MarginLeft;
        var placed = 0;
        for (var p = 0; p < laid.PageCount; p++)
        {
            var page = pdf.GetPage(p + 1);
            var figures = laid.PiecesOn(p).OfType<FigurePiece>()
                .Select(f => (Left: margin + f.X, Right: margin + f.X + f.Figure.WidthPt, Top: page.Height - f.Top, Bottom: page.Height - f.Top - f.Figure.HeightPt))
                .ToList();
            var letters = page.Letters.Where(l => !figures.Any(f =>
                l.StartBaseLine.X >= f.Left - 1 && l.StartBaseLine.X <= f.Right + 1 && l.StartBaseLine.Y >= f.Bottom - 1 && l.StartBaseLine.Y <= f.Top + 1)).ToList();
            var at = 0;
            foreach (var t in laid.PiecesOn(p).OfType<TextPiece>())
            {
                var face = Engine.Fonts.Get(t.Type.Face);
                var x = margin + t.X;
                placed += t.Text.Length;
                foreach (var c in t.Text)
                {
                    Assert.True(at < letters.Count, $"{formId} p{p + 1}: the PDF has fewer glyphs than the layout ('{t.Text}')");
                    var letter = letters[at++];
                    Assert.Equal(c.ToString(), letter.Value);
                    Assert.Equal(x, letter.StartBaseLine.X, 0.01);
                    Assert.Equal(page.Height - t.Baseline, letter.StartBaseLine.Y, 0.01);
                    Assert.Equal(t.Type.SizePt, letter.PointSize, 0.01);
                    Assert.EndsWith(face.Key, letter.FontName);
                    x += face.Advance(c) * t.Type.SizePt;
                    Assert.Equal(x, letter.EndBaseLine.X, 0.01);
                }
            }
            Assert.Equal(letters.Count, at);
        }
        // Every glyph placed was checked above; no floor of a size only today's forms reach, but never an empty check.
        Assert.True(placed > 0, $"{formId}: the example places no text");
    }

    public static TheoryData<string, int> ExamplePages()
    {
        var data = new TheoryData<string, int>();
        foreach (var form in Engine.Catalog.Forms.OrderBy(f => f.FormId, StringComparer.Ordinal))
        {
            var version = InForce(form.FormId);
            if (!version.Definition.Formats.Contains(OutputFormats.Pdf) || version.Example is null) continue;
            for (var page = 0; page < Engine.Lay(version, version.Example).PageCount; page++)
                data.Add(form.FormId, page + 1);
        }
        return data;
    }

    /// <summary>
    /// Poppler's print of each PDF page against the Skia page image of the same laid-out page: text, rules, shaded
    /// boxes and figure art (clips, translucent stitching, dashes, rotated dimension text) must land in the same
    /// places with the same ink. The two rasterisers anti-alias and grid-fit small text differently (pixel by pixel
    /// a fifth of inked pixels differ, Skia's own PDF backend included), so they are compared in blocks of 4 × 4
    /// pixels (about a millimetre): a rule, letter or box out of place by a pixel or two changes its blocks.
    /// </summary>
    [Theory]
    [MemberData(nameof(ExamplePages))]
    public void The_pdf_prints_what_the_page_image_shows(string formId, int page)
    {
        const int dpi = 96, block = 4;
        var version = InForce(formId);
        var laid = Engine.Lay(version, version.Example);
        var dir = Tools.TempDir("pdf-print");
        var file = Path.Combine(dir, "page.pdf");
        File.WriteAllBytes(file, Engine.Render(version, version.Example, OutputFormats.Pdf));
        var (code, output) = Tools.Run("pdftoppm", $"-r {dpi} -png -f {page} -l {page} -singlefile \"{file}\" \"{Path.Combine(dir, "printed")}\"");
        Assert.True(code == 0, output);
        using var printed = SKBitmap.Decode(Path.Combine(dir, "printed.png"));
        using var drawn = SKBitmap.Decode(new PageImageRenderer(Engine.Fonts).RenderPng(laid, page - 1, dpi));
        Assert.InRange(printed.Width, drawn.Width - 1, drawn.Width + 1);
        Assert.InRange(printed.Height, drawn.Height - 1, drawn.Height + 1);

        var a = Blocks(drawn, block, Math.Min(drawn.Width, printed.Width), Math.Min(drawn.Height, printed.Height));
        var b = Blocks(printed, block, Math.Min(drawn.Width, printed.Width), Math.Min(drawn.Height, printed.Height));
        int inked = 0, matching = 0;
        double inkA = 0, inkB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            inkA += 255 - a[i];
            inkB += 255 - b[i];
            if (a[i] > 250 && b[i] > 250) continue; // paper on both
            inked++;
            if (Math.Abs(a[i] - b[i]) <= 48) matching++;
        }
        Assert.True(inked > 200, $"{formId} p{page}: only {inked} inked blocks");
        var share = matching / (double)inked;
        Assert.True(share >= 0.95, $"{formId} p{page}: only {share:P1} of {inked} inked blocks print as the page image draws them");
        // Poppler strokes a 0.6 pt rule (0.8 px) a whole pixel wide and sets small text a little heavier: its pages
        // carry up to a third more ink than Skia's. Less ink than the page image means something is missing.
        Assert.InRange(inkB / inkA, 0.95, 1.4);
    }

    /// <summary>Mean luma of each block × block square.</summary>
    private static double[] Blocks(SKBitmap bitmap, int block, int width, int height)
    {
        var w = width / block;
        var h = height / block;
        var means = new double[w * h];
        for (var by = 0; by < h; by++)
            for (var bx = 0; bx < w; bx++)
            {
                var sum = 0;
                for (var y = by * block; y < (by + 1) * block; y++)
                    for (var x = bx * block; x < (bx + 1) * block; x++)
                        sum += Luma(bitmap.GetPixel(x, y));
                means[by * w + bx] = sum / (double)(block * block);
            }
        return means;
    }

    private static int Luma(SKColor c) => (c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000;

    [Fact]
    public void Every_kazakh_letter_prints_in_the_embedded_subset_and_copies_back()
    {
        var version = InForce("referral-certificate");
        var letters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";
        var payload = JsonDocument.Parse(ReferralCertificateSamples.With(n => n["convict"]!["surname"] = letters)).RootElement.Clone();
        var bytes = Engine.Render(version, payload, OutputFormats.Pdf);
        Assert.Contains(letters, DocumentText.Pdf(bytes));
        using var pdf = PdfDocument.Open(bytes);
        var drawn = pdf.GetPages().SelectMany(p => p.Letters).Where(l => letters.Contains(l.Value, StringComparison.Ordinal)).ToList();
        Assert.True(drawn.Count >= letters.Length);
        // A glyph missing from its subset would be .notdef: no outline, so no ink box.
        Assert.All(drawn, l => Assert.True(l.BoundingBox.Width > 0.5, $"'{l.Value}' in {l.FontName} has no outline"));
    }

    [Fact]
    public void The_file_id_follows_the_content_and_the_file_passes_qpdf()
    {
        var version = InForce("work-order");
        var example = version.Example!.Value;
        var first = Engine.Render(version, example, OutputFormats.Pdf);
        var again = Engine.Render(version, example, OutputFormats.Pdf);
        var other = Engine.Render(version, JsonDocument.Parse(example.GetRawText().Replace("Сейтқалиев", "Бекова")).RootElement, OutputFormats.Pdf);
        Assert.Equal(first, again);
        Assert.NotEqual(TrailerId(first), TrailerId(other));
        var file = Path.Combine(Tools.TempDir("pdf-qpdf"), "order.pdf");
        File.WriteAllBytes(file, other);
        var (code, output) = Tools.Run("qpdf", $"--check \"{file}\"");
        Assert.True(code == 0, output);
    }

    private static string TrailerId(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ID [<", StringComparison.Ordinal);
        Assert.True(at > 0, "the trailer has no /ID");
        return text.Substring(at + 6, 32);
    }
}
