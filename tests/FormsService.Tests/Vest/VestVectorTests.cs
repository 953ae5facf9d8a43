using System.Globalization;
using System.Text;
using System.Xml.Linq;
using FormsService.Core.Forms.VestSpecimen;
using UglyToad.PdfPig;

namespace FormsService.Tests.Vest;

public sealed class VestVectorTests(VestFixture fx) : IClassFixture<VestFixture>
{
    [Theory]
    [InlineData("both", false)]
    [InlineData("front", true)]
    [InlineData("back", true)]
    public void Svg_is_well_formed_sized_in_mm_and_has_no_text_elements(string view, bool dimensions)
    {
        var p = new VestParameters { View = view, Dimensions = dimensions };
        var bytes = fx.Exporter.Svg(p);
        var text = Encoding.UTF8.GetString(bytes);
        var doc = XDocument.Parse(text);
        var size = fx.Artwork.SizeMm(p);

        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.DoesNotContain("<text", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName == "text");
        Assert.Equal(size.Width.ToString("0.###", CultureInfo.InvariantCulture) + "mm", doc.Root.Attribute("width")?.Value);
        Assert.Equal(size.Height.ToString("0.###", CultureInfo.InvariantCulture) + "mm", doc.Root.Attribute("height")?.Value);
        Assert.StartsWith("0 0 ", doc.Root.Attribute("viewBox")?.Value);
        Assert.Contains("#FF7A00", text, StringComparison.OrdinalIgnoreCase);
        Assert.True(text.Contains("#C0C0C0", StringComparison.OrdinalIgnoreCase) || text.Contains("\"silver\"", StringComparison.Ordinal),
            "the stripe colour (#C0C0C0, which Skia writes as \"silver\") is used");
    }

    [Fact]
    public void Svg_and_pdf_are_deterministic()
    {
        var p = new VestParameters { Dimensions = true };
        Assert.Equal(fx.Exporter.Svg(p), fx.Exporter.Svg(p));
        Assert.Equal(fx.Exporter.Svg(new VestParameters()), fx.Exporter.Svg(new VestParameters()));
        Assert.Equal(fx.RealSizePdf(p), fx.RealSizePdf(p));
    }

    [Fact]
    public void Pdf_is_one_page_at_the_real_size_with_searchable_lettering()
    {
        var p = new VestParameters();
        var bytes = fx.RealSizePdf(p);
        var size = new VestArtwork(fx.Spec with { Drawing = fx.Spec.Drawing with { Scale = 1 } }, fx.Bold, fx.Regular).SizeMm(p);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.Equal(size.Width * 72 / 25.4, page.Width, 0.5);
        Assert.Equal(size.Height * 72 / 25.4, page.Height, 0.5);

        var words = page.GetWords().Select(w => w.Text).ToList();
        foreach (var word in fx.Spec.Lettering.Kazakh.Split(' ').Concat(fx.Spec.Lettering.Russian.Split(' ')))
        {
            Assert.Equal(2, words.Count(w => w == word)); // once on the front, once on the back
        }

        Assert.Contains("1", words);
        Assert.Contains("2", words);
    }
}
