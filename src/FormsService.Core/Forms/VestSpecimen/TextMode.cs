namespace FormsService.Core.Forms.VestSpecimen;

/// <summary>How text is put on the canvas.</summary>
internal enum TextMode
{
    /// <summary><c>SKCanvas.DrawText</c>: real text (for PDF, where the lettering stays searchable).</summary>
    RealText,

    /// <summary>Glyph outlines from <c>SKFont.GetTextPath</c> (for SVG, which then needs no font; and for PNG).</summary>
    Outlines,
}
