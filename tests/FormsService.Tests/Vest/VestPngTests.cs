using FormsService.Core.Forms.VestSpecimen;
using SkiaSharp;

namespace FormsService.Tests.Vest;

public sealed class VestPngTests(VestFixture fx) : IClassFixture<VestFixture>
{
    private static readonly SKColor Orange = new(0xFF, 0x7A, 0x00);
    private static readonly SKColor Stripe = new(0xC0, 0xC0, 0xC0);
    private static readonly SKColor Green = new(0x00, 0xA0, 0x00);

    [Fact]
    public void Default_is_150_dpi_with_orange_covering_a_plausible_share()
    {
        var img = new PixelImage(fx.Exporter.Png(new VestParameters()));
        var size = fx.Artwork.SizeMm(new VestParameters());

        Assert.Equal((int)Math.Ceiling(size.Width * 150 / 25.4), img.Width);
        Assert.Equal((int)Math.Ceiling(size.Height * 150 / 25.4), img.Height);
        var orange = img.Share(Orange);
        Assert.InRange(orange, 0.30, 0.60);
        Assert.True(img.Share(SKColors.White, 2) > 0.25, "the background is white");
    }

    [Fact]
    public void One_stripe_runs_across_the_body_on_both_views()
    {
        var p = new VestParameters();
        var img = new PixelImage(fx.Exporter.Png(p));
        var pxPerMm = 150 / 25.4 / fx.Spec.Drawing.Scale; // image pixels per real millimetre
        var body = fx.Spec.Body.ChestWidthMm * pxPerMm;
        var tape = fx.Spec.Fastening.TapeWidthMm * pxPerMm;
        var stripeRows = fx.Spec.Stripe.WidthMm * pxPerMm;
        var half = img.Width / 2;

        var rows = Enumerable.Range(0, img.Height).Where(y =>
        {
            var front = img.Runs(y, 0, half, Stripe);
            var back = img.Runs(y, half, img.Width, Stripe);
            // front: two long runs either side of the zip; back: one run across the whole body
            var frontLong = front.Count(r => r >= 0.9 * (body - tape) / 2);
            return frontLong == 2 && back.Count > 0 && back.Max() >= 0.95 * body;
        }).ToList();

        Assert.InRange(rows.Count, 0.8 * stripeRows, 1.05 * stripeRows);
        Assert.True(rows[^1] - rows[0] < 1.1 * stripeRows, "the stripe rows form one band");
    }

    [Fact]
    public void Stripe_position_parameter_moves_the_band()
    {
        var high = new PixelImage(fx.Exporter.Png(new VestParameters { View = "back", StripePositionMm = 250 }));
        var low = new PixelImage(fx.Exporter.Png(new VestParameters { View = "back", StripePositionMm = 100 }));
        var body = fx.Spec.Body.ChestWidthMm * 150 / 25.4 / fx.Spec.Drawing.Scale;

        int BandTop(PixelImage img) => Enumerable.Range(0, img.Height)
            .First(y => img.Runs(y, 0, img.Width, Stripe).DefaultIfEmpty(0).Max() >= 0.95 * body);

        var moved = (BandTop(low) - BandTop(high)) / (150 / 25.4 / fx.Spec.Drawing.Scale);
        Assert.InRange(moved, 145, 155); // 150 mm, within a pixel or two
    }

    [Fact]
    public void Recolouring_to_green_makes_green_appear_and_orange_vanish()
    {
        var img = new PixelImage(fx.Exporter.Png(new VestParameters { Color = "#00A000" }));

        Assert.True(img.Share(Green) > 0.30, "green covers the body");
        Assert.True(img.Share(Orange, 40) < 0.0005, "no orange is left");
    }

    [Fact]
    public void Front_view_alone_is_narrower_than_both_views()
    {
        var both = new PixelImage(fx.Exporter.Png(new VestParameters { View = "both" }));
        var front = new PixelImage(fx.Exporter.Png(new VestParameters { View = "front" }));
        var back = new PixelImage(fx.Exporter.Png(new VestParameters { View = "back" }));

        Assert.True(front.Width < both.Width * 0.6);
        Assert.Equal(front.Width, back.Width);
        Assert.Equal(both.Height, front.Height);
    }

    [Fact]
    public void Dpi_sets_the_pixel_size_and_dimensions_add_room()
    {
        var at150 = new PixelImage(fx.Exporter.Png(new VestParameters()));
        var at300 = new PixelImage(fx.Exporter.Png(new VestParameters { Dpi = 300 }));
        var withDims = new PixelImage(fx.Exporter.Png(new VestParameters { Dimensions = true }));

        Assert.InRange(at300.Width, 2 * at150.Width - 2, 2 * at150.Width + 2);
        Assert.True(withDims.Width > at150.Width && withDims.Height > at150.Height);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var p = new VestParameters { Dimensions = true, StripeWidthMm = 60, Dpi = 96 };
        var first = fx.Exporter.Png(p);
        var second = fx.Exporter.Png(p);
        var fresh = new VestExporter(new VestArtwork(fx.Spec, fx.Bold, fx.Regular)).Png(p);

        Assert.Equal(first, second);
        Assert.Equal(first, fresh);
    }
}
