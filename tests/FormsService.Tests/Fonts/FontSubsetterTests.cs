using System.Buffers.Binary;
using System.Text;
using FormsService.Core.Engine.Fonts;
using SkiaSharp;
using UglyToad.PdfPig;

namespace FormsService.Tests.Fonts;

public sealed class FontSubsetterTests
{
    private const string KazakhText = "Қазақстан Республикасы ӘҒҚҢӨҰҮҺІ әғқңөұүһі 0123456789 «»\"№()";

    private static readonly string FontsDirectory = FindFontsDirectory();

    private static byte[] ReadFont(string fileName) => File.ReadAllBytes(Path.Combine(FontsDirectory, fileName));

    private static int[] CodepointsOf(string text) => text.EnumerateRunes().Select(r => r.Value).Distinct().ToArray();

    [Theory]
    [InlineData("LiberationSerif-Regular.ttf")]
    [InlineData("LiberationSerif-Bold.ttf")]
    public void Subset_IsSmall_Loadable_AndMapsEveryCharacter(string fileName)
    {
        var full = ReadFont(fileName);

        var subset = FontSubsetter.Subset(full, CodepointsOf(KazakhText));

        Assert.InRange(subset.Length, 1_000, 32 * 1024);
        Assert.True(subset.Length * 10 < full.Length, $"subset {subset.Length} B vs full {full.Length} B");

        using var fullTypeface = SKTypeface.FromData(SKData.CreateCopy(full));
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        Assert.NotNull(typeface);
        Assert.Equal(fullTypeface.FamilyName, typeface.FamilyName);
        Assert.Equal(fullTypeface.FontWeight, typeface.FontWeight);
        using var font = CreateFont(typeface);
        Assert.True(font.ContainsGlyphs(KazakhText), "subset lacks a glyph for some character");
        // Everything else was dropped: a Latin letter not in the text has no glyph any more.
        Assert.False(font.ContainsGlyphs("Z"));

        var tables = ReadTableTags(subset);
        foreach (var required in new[] { "cmap", "glyf", "loca", "hmtx", "hhea", "head", "maxp", "OS/2", "name", "post" })
            Assert.Contains(required, tables);
        foreach (var hinting in new[] { "fpgm", "prep", "cvt ", "hdmx" })
            Assert.DoesNotContain(hinting, tables);
        // Nor the OpenType layout tables: a PDF draws glyphs where layout put them and never reads them.
        foreach (var layout in new[] { "GSUB", "GPOS", "GDEF" })
            Assert.DoesNotContain(layout, tables);
    }

    [Fact]
    public void Subset_KeepsAdvanceWidths()
    {
        var full = ReadFont("LiberationSerif-Regular.ttf");
        var subset = FontSubsetter.Subset(full, CodepointsOf(KazakhText));

        using var fullTypeface = SKTypeface.FromData(SKData.CreateCopy(full));
        using var subsetTypeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        using var fullFont = CreateFont(fullTypeface);
        using var subsetFont = CreateFont(subsetTypeface);

        foreach (var rune in KazakhText.EnumerateRunes())
        {
            var s = rune.ToString();
            Assert.True(fullFont.MeasureText(s) == subsetFont.MeasureText(s),
                $"advance of U+{rune.Value:X4} '{s}': full {fullFont.MeasureText(s)} vs subset {subsetFont.MeasureText(s)}");
        }
        Assert.Equal(fullFont.MeasureText(KazakhText), subsetFont.MeasureText(KazakhText));
    }

    [Fact]
    public void Pdf_DrawnWithSubset_ExtractsExactText()
    {
        var subset = FontSubsetter.Subset(ReadFont("LiberationSerif-Regular.ttf"), CodepointsOf(KazakhText));
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));

        var pdf = DrawPdf(typeface, KazakhText);

        using var document = PdfDocument.Open(pdf);
        var page = Assert.Single(document.GetPages());
        var words = page.GetWords().Select(w => w.Text).ToArray();
        Assert.Equal(KazakhText, string.Join(' ', words));
    }

    [Fact]
    public void Subset_IsDeterministic_AndIgnoresCodepointOrderAndDuplicates()
    {
        var full = ReadFont("LiberationSerif-Regular.ttf");
        var codepoints = CodepointsOf(KazakhText);

        var first = FontSubsetter.Subset(full, codepoints);
        var second = FontSubsetter.Subset(full, codepoints);
        var reordered = FontSubsetter.Subset(full, codepoints.Reverse().Concat(codepoints).ToArray());

        Assert.Equal(first, second);
        Assert.Equal(first, reordered);
    }

    [Fact]
    public void Subset_RejectsInvalidInput()
    {
        Assert.Throws<InvalidOperationException>(() => FontSubsetter.Subset(Encoding.ASCII.GetBytes("not a font at all"), [0x41]));
        Assert.Throws<ArgumentException>(() => FontSubsetter.Subset([], [0x41]));
        Assert.Throws<ArgumentOutOfRangeException>(() => FontSubsetter.Subset(ReadFont("LiberationSerif-Regular.ttf"), [0x110000]));
        Assert.Throws<ArgumentOutOfRangeException>(() => FontSubsetter.Subset(ReadFont("LiberationSerif-Regular.ttf"), [-1]));
    }

    private static SKFont CreateFont(SKTypeface typeface) => new(typeface, 12)
    {
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
    };

    private static byte[] DrawPdf(SKTypeface typeface, string text)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(595, 842);
            using var font = CreateFont(typeface);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(text, 40, 100, SKTextAlign.Left, font, paint);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>Tags of the sfnt table directory (offset table + 16-byte records).</summary>
    private static HashSet<string> ReadTableTags(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
            tags.Add(Encoding.ASCII.GetString(font, 12 + 16 * i, 4));
        return tags;
    }

    private static string FindFontsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var fonts = Path.Combine(dir.FullName, "fonts");
            if (File.Exists(Path.Combine(fonts, "LiberationSerif-Regular.ttf")))
                return fonts;
        }
        throw new DirectoryNotFoundException($"No fonts/LiberationSerif-Regular.ttf above {AppContext.BaseDirectory}.");
    }
}
