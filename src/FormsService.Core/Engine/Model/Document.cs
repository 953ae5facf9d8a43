using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Engine.Model;

/// <summary>
/// The format-free document: what a filled form says and how it is arranged, before any line is broken.
/// One model feeds every renderer.
/// </summary>
public sealed record Document(DocumentInfo Info, PageGeometry Page, TextStyles Styles, IReadOnlyList<Block> Blocks);

public sealed record DocumentInfo(string Title, string Language, string Subject);

/// <summary>Page size and margins in points.</summary>
public sealed record PageGeometry(float Width, float Height, float MarginTop, float MarginRight, float MarginBottom, float MarginLeft)
{
    public float ContentWidth => Width - MarginLeft - MarginRight;
    public float ContentHeight => Height - MarginTop - MarginBottom;

    public static PageGeometry From(PageSetup setup)
    {
        var (w, h) = setup.Size.ToUpperInvariant() switch
        {
            "A4" => (Units.MmToPt(210), Units.MmToPt(297)),
            "A4-LANDSCAPE" => (Units.MmToPt(297), Units.MmToPt(210)),
            _ => throw new ArgumentException($"Unknown page size '{setup.Size}'."),
        };
        var m = setup.MarginsMm;
        return new PageGeometry(w, h, Units.MmToPt(m.Top), Units.MmToPt(m.Right), Units.MmToPt(m.Bottom), Units.MmToPt(m.Left));
    }
}

public abstract record Block;

public enum Alignment { Left, Center, Right }

public sealed record ParagraphStyle(
    Alignment Align = Alignment.Left,
    float IndentLeftPt = 0,
    float FirstLinePt = 0,
    float SpaceBeforePt = 0,
    float SpaceAfterPt = 0,
    bool Bold = false,
    float? SizePt = null,
    bool KeepTogether = false);

public sealed record Paragraph(ParagraphStyle Style, IReadOnlyList<Inline> Inlines) : Block;

/// <summary>The dashed line the tear-off part is cut along, with its label in the middle.</summary>
public sealed record CutLine(string Label, float SpaceBeforePt, float SpaceAfterPt) : Block;

/// <summary>A vector drawing placed in the flow, centred.</summary>
public sealed record Figure(IFigureArt Art, float WidthPt, float HeightPt, float SpaceBeforePt, float SpaceAfterPt) : Block;

/// <summary>Vector art a figure shows. Drawn in points with the origin at the figure's top-left corner.</summary>
public interface IFigureArt
{
    /// <param name="typefaceFor">The typeface to draw a shipped face with: a subset in a PDF, the whole font elsewhere.</param>
    void Draw(SkiaSharp.SKCanvas canvas, float widthPt, float heightPt, Func<Fonts.FontFace, SkiaSharp.SKTypeface> typefaceFor);
    /// <summary>The same art as a PNG, for formats that embed pictures (DOCX).</summary>
    byte[] ToPng(float widthPt, float heightPt, int dpi);
    string Description { get; }
}

public abstract record Inline;

public sealed record RunStyle(bool Bold = false, bool Italic = false, bool Small = false, bool Underline = false)
{
    public static readonly RunStyle Normal = new();
}

public sealed record TextRun(string Text, RunStyle Style) : Inline;

/// <summary>
/// A blank of the form: its value (null when the form is printed blank), an underline at least
/// <see cref="MinWidthPt"/> wide (or to the end of the line when <see cref="Fill"/>), and the small caption under it.
/// </summary>
public sealed record Field(string? Value, string? Caption, float MinWidthPt, bool Fill, RunStyle Style) : Inline;

public sealed record LineBreak : Inline
{
    public static readonly LineBreak Instance = new();
}

public static class Units
{
    public static float MmToPt(float mm) => mm * 72f / 25.4f;
    public static int PtToTwips(float pt) => (int)MathF.Round(pt * 20f);
}
