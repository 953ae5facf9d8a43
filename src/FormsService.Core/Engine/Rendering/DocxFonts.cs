using FormsService.Core.Engine.Fonts;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// The fonts a DOCX names and the two facts of theirs the writer uses. Word prints with Times New Roman and Arial;
/// the shipped Liberation fonts the PDF embeds are their metric twins, so the numbers hold for both.
/// </summary>
internal static class DocxFonts
{
    /// <summary>The height of a "single" line in Word, in ems (ascent, descent and line gap of both fonts).</summary>
    public const float SingleLineEm = 1.15f;

    public static string Name(FontFamilyKind family) => family == FontFamilyKind.Sans ? "Arial" : "Times New Roman";

    /// <summary>
    /// The advance of a no-break space, in ems (Times New Roman 512/2048, Arial 569/2048): a blank's width is written
    /// as such a space widened by character spacing to the width the layout gave the blank.
    /// </summary>
    public static float SpaceEm(FontFamilyKind family) => family == FontFamilyKind.Sans ? 569f / 2048f : 512f / 2048f;
}
