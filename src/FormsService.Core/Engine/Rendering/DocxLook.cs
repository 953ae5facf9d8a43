using FormsService.Core.Engine.Fonts;

namespace FormsService.Core.Engine.Rendering;

/// <summary>How a run looks in Word: the model's typography, as run properties.</summary>
internal readonly record struct DocxLook(FontFamilyKind Family, bool Bold, bool Italic, float SizePt, bool Underline, string? Color = null)
{
    public DocxLook Underlined(bool underline = true) => this with { Underline = underline };
}
