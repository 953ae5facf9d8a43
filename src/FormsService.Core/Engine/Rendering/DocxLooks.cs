using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>The look of each piece of the model, as Word run properties: read from the typography the model carries.</summary>
internal sealed class DocxLooks(Catalog.TextStyles styles)
{
    /// <summary>The document's font and size, which the styles part sets and runs need not repeat.</summary>
    public FontFamilyKind Family { get; } = FontFamilies.Parse(styles.Font);
    public float SizePt => styles.SizePt;

    public static DocxLook Of(Typography t) =>
        new(t.Face.Family, t.Face.Bold, t.Face.Italic, t.SizePt, t.Underline, t.Color == InkColor.Black ? null : t.Color.Hex);
}
