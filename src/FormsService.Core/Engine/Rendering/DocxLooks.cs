using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>The look of each piece of the model, as Word run properties.</summary>
internal sealed class DocxLooks(Catalog.TextStyles styles)
{
    public FontFamilyKind Family { get; } = styles.Font == "sans" ? FontFamilyKind.Sans : FontFamilyKind.Serif;
    public float SizePt => styles.SizePt;

    public DocxLook Paragraph(Model.Paragraph p) => new(Family, p.Style.Bold, false, p.Style.SizePt ?? styles.SizePt, false);

    public DocxLook Text(TextRun t, Model.Paragraph p) => Of(t.Style, p);

    public DocxLook Field(Field f, Model.Paragraph p) => Of(f.Style, p);

    public DocxLook Caption(Model.Paragraph p) => new(Family, false, false, styles.CaptionSizePt, false);

    public DocxLook CutLabel(CutLine c) => new(Family, false, true, styles.CaptionSizePt + 2, false);

    private DocxLook Of(RunStyle s, Model.Paragraph p) =>
        new(Family, s.Bold || p.Style.Bold, s.Italic, s.Small ? styles.CaptionSizePt : p.Style.SizePt ?? styles.SizePt, s.Underline);
}
