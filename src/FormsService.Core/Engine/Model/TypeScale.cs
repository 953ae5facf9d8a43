using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Fonts;

namespace FormsService.Core.Engine.Model;

/// <summary>
/// Resolves a definition's styles into the <see cref="Typography"/> of each piece: the only place that turns
/// <c>styles</c> and an inline's emphasis into a face and a size.
/// </summary>
internal sealed class TypeScale(TextStyles styles)
{
    private readonly FontFamilyKind _family = FontFamilies.Parse(styles.Font);

    public TextStyles Styles => styles;

    /// <summary>The one small size: captions under blanks and text marked small.</summary>
    public float SmallPt => styles.CaptionSizePt;

    public Typography Paragraph(bool bold, float? sizePt) => new(new Face(_family, bold, false), sizePt ?? styles.SizePt);

    public float LineHeight(Typography paragraph) => paragraph.SizePt * styles.LineSpacing;

    /// <summary>An inline's look inside a paragraph: the paragraph's bold carries over, small text takes the small size.</summary>
    public Typography Run(Typography paragraph, RunStyle s) => new(
        new Face(_family, s.Bold || paragraph.Face.Bold, s.Italic),
        s.Small ? SmallPt : paragraph.SizePt,
        s.Underline,
        s.Color ?? paragraph.Color);

    public Typography Caption { get; } = new(new Face(FontFamilies.Parse(styles.Font), false, false), styles.CaptionSizePt);

    /// <summary>A cut line's label: italic, a little larger than the captions.</summary>
    public Typography CutLabel { get; } = new(new Face(FontFamilies.Parse(styles.Font), false, true), styles.CaptionSizePt + 2);
}
