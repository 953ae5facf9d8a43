using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Rendering;
using FormsService.Core.Forms.VestSpecimen;
using SkiaSharp;

namespace FormsService.Core.Forms.VestSpecimen;

/// <summary>The vest artwork placed as a figure on the appendix page, scaled to fit its box, lettering as real text.</summary>
internal sealed class VestFigureArt(VestArtwork artwork, VestParameters parameters, FontFace bold, FontFace regular) : IFigureArt, ITextArt
{
    private const float PtPerMm = 72f / 25.4f;

    public string Description =>
        $"{artwork.Spec.Lettering.Kazakh} / {artwork.Spec.Lettering.Russian}: 1 – алдыңғы жағы; 2 – арқа жағы";

    public void Draw(IArtCanvas canvas, float widthPt, float heightPt)
    {
        var size = artwork.SizeMm(parameters);
        var scale = Math.Min(widthPt / (size.Width * PtPerMm), heightPt / (size.Height * PtPerMm)) * PtPerMm;
        canvas.Save();
        canvas.Translate((widthPt - size.Width * scale) / 2f, (heightPt - size.Height * scale) / 2f);
        canvas.Scale(scale);
        artwork.Draw(canvas, parameters);
        canvas.Restore();
    }

    public byte[] ToPng(float widthPt, float heightPt, int dpi)
    {
        var px = dpi / 72f;
        var info = new SKImageInfo((int)MathF.Ceiling(widthPt * px), (int)MathF.Ceiling(heightPt * px), SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(px);
        using (var art = new SkiaArtCanvas(surface.Canvas))
            Draw(art, widthPt, heightPt);
        return PngEncoding.Encode(surface);
    }

    public IEnumerable<(FontFace Face, string Text)> Texts(FontLibrary fonts)
    {
        yield return (bold, artwork.Spec.Lettering.Kazakh + artwork.Spec.Lettering.Russian);
        // View numbers and dimension annotations.
        yield return (regular, VestSpecimenModule.LabelCharacters);
        yield return (bold, VestSpecimenModule.LabelCharacters);
    }
}
