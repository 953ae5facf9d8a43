using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Fonts;

namespace FormsService.Core.Engine.Model;

/// <summary>
/// The format-free document: what a filled form says and how it is arranged, before any line is broken.
/// One model feeds every renderer. Every piece of text carries its resolved <see cref="Typography"/>: no renderer
/// reads the definition's styles again.
/// </summary>
internal sealed record Document(DocumentInfo Info, PageGeometry Page, TextStyles Styles, IReadOnlyList<Block> Blocks)
{
    /// <summary>Printed in the top margin of every page, when the definition asks for it.</summary>
    public RunningText? Header { get; init; }
    /// <summary>Printed in the bottom margin of every page, when the definition asks for it.</summary>
    public RunningText? Footer { get; init; }

    /// <summary>Its rows to fill are repeated already, as many as fill their pages (laid out again, it stays as it is).</summary>
    public bool PageFilled { get; init; }
    /// <summary>Each payload field's label in the document's language, by path: Word shows it as a content control's name.</summary>
    public IReadOnlyDictionary<string, string> FieldLabels { get; init; } = new Dictionary<string, string>();
}

internal sealed record DocumentInfo(string Title, string Language, string Subject)
{
    /// <summary>The form and version the document was made from (carried in a Word document, to read it back).</summary>
    public string FormId { get; init; } = "";
    public string Version { get; init; } = "";
}

/// <summary>Page size and margins in points.</summary>
internal sealed record PageGeometry(float Width, float Height, float MarginTop, float MarginRight, float MarginBottom, float MarginLeft)
{
    /// <summary>The page sizes a definition may name.</summary>
    public static readonly IReadOnlyList<string> Sizes = ["A4", "A4-landscape"];

    public float ContentWidth => Width - MarginLeft - MarginRight;
    public float ContentHeight => Height - MarginTop - MarginBottom;
    public bool Landscape => Width > Height;

    public static PageGeometry From(PageSetup setup)
    {
        var (w, h) = setup.Size.ToUpperInvariant() switch
        {
            "A4" => (Units.MmToPt(210), Units.MmToPt(297)),
            "A4-LANDSCAPE" => (Units.MmToPt(297), Units.MmToPt(210)),
            _ => throw new ArgumentException($"Unknown page size '{setup.Size}'; known: {string.Join(", ", Sizes)}."),
        };
        var m = setup.MarginsMm;
        return new PageGeometry(w, h, Units.MmToPt(m.Top), Units.MmToPt(m.Right), Units.MmToPt(m.Bottom), Units.MmToPt(m.Left));
    }
}

/// <summary>A colour of ink or shading, 8 bits a channel.</summary>
internal readonly record struct InkColor(byte R, byte G, byte B)
{
    public static readonly InkColor Black = new(0, 0, 0);

    /// <summary>"RRGGBB", as Word writes colours.</summary>
    public string Hex => $"{R:X2}{G:X2}{B:X2}";

    /// <summary>Parses "#RRGGBB"; false for anything else.</summary>
    public static bool TryParse(string? s, out InkColor color)
    {
        color = Black;
        if (s is not { Length: 7 } || s[0] != '#'
            || !byte.TryParse(s.AsSpan(1, 2), System.Globalization.NumberStyles.HexNumber, null, out var r)
            || !byte.TryParse(s.AsSpan(3, 2), System.Globalization.NumberStyles.HexNumber, null, out var g)
            || !byte.TryParse(s.AsSpan(5, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            return false;
        color = new InkColor(r, g, b);
        return true;
    }
}

/// <summary>Which shipped face a piece of text is drawn with.</summary>
internal readonly record struct Face(FontFamilyKind Family, bool Bold, bool Italic);

/// <summary>
/// Everything about how a piece of text looks, decided once by the builder from the definition's styles:
/// layout measures with it, the painter draws with it, the glyph collector and the DOCX writer read it.
/// </summary>
internal sealed record Typography(Face Face, float SizePt, bool Underline = false, InkColor Color = default)
{
    public Typography With(bool? underline = null) => underline is { } u && u != Underline ? this with { Underline = u } : this;
}

internal abstract record Block;

internal enum Alignment { Left, Center, Right }

/// <summary>How a paragraph sits in the flow. Its text's look is on its runs; <see cref="Paragraph.Text"/> sets its line height.</summary>
internal sealed record ParagraphStyle(
    Alignment Align = Alignment.Left,
    float IndentLeftPt = 0,
    float FirstLinePt = 0,
    float SpaceBeforePt = 0,
    float SpaceAfterPt = 0,
    bool KeepTogether = false);

/// <param name="Text">The paragraph's body typography: its lines' height and baseline follow it.</param>
/// <param name="LineHeightPt">The height of a line without captions (size × the definition's line spacing).</param>
internal sealed record Paragraph(ParagraphStyle Style, Typography Text, float LineHeightPt, IReadOnlyList<Inline> Inlines) : Block
{
    /// <summary>
    /// A line of blanks with captions and nothing else but the spaces between them (an addressee's, a signature's):
    /// decided once, by the builder, from what the definition put in the paragraph. A Word document writes it as a
    /// borderless table, each caption in the cell under its blank, so that what a clerk types never moves it.
    /// </summary>
    public bool BlankRow { get; init; }

    /// <summary>True when <paramref name="inlines"/> are blanks and white space only, at least one blank with a caption.</summary>
    internal static bool IsBlankRow(IReadOnlyList<Inline> inlines)
    {
        var captioned = false;
        for (var i = 0; i < inlines.Count; i++)
        {
            if (inlines[i] is Field f) captioned |= f.Caption is not null;
            else if (inlines[i] is not TextRun t || !string.IsNullOrWhiteSpace(t.Text)) return false;
        }
        return captioned;
    }
}

/// <summary>The dashed line the tear-off part is cut along, with its label in the middle.</summary>
internal sealed record CutLine(string Label, Typography Type, float SpaceBeforePt, float SpaceAfterPt) : Block;

/// <summary>A vector drawing placed in the flow, centred.</summary>
internal sealed record Figure(IFigureArt Art, float WidthPt, float HeightPt, float SpaceBeforePt, float SpaceAfterPt) : Block;

/// <summary>The flow continues at the top of the next page.</summary>
internal sealed record PageBreak : Block
{
    public static readonly PageBreak Instance = new();
}

internal enum RunningPosition { Header, Footer }

/// <summary>A header or footer: one paragraph (which may hold page numbers) printed in the margin of every page.</summary>
internal sealed record RunningText(RunningPosition Position, Paragraph Content);

/// <summary>Vector art a figure shows. Drawn in points with the origin at the figure's top-left corner.</summary>
internal interface IFigureArt
{
    /// <param name="canvas">Any target: a Skia canvas (page images) or a PDF page.</param>
    void Draw(Rendering.IArtCanvas canvas, float widthPt, float heightPt);
    /// <summary>The same art as a PNG, for formats that embed pictures (DOCX).</summary>
    byte[] ToPng(float widthPt, float heightPt, int dpi);
    string Description { get; }
}

internal abstract record Inline;

/// <summary>A definition's emphasis of an inline, before it is resolved into a <see cref="Typography"/>.</summary>
internal sealed record RunStyle(bool Bold = false, bool Italic = false, bool Small = false, bool Underline = false, InkColor? Color = null)
{
    public static readonly RunStyle Normal = new();
}

internal sealed record TextRun(string Text, Typography Type) : Inline
{
    /// <summary>
    /// Its spaces do not break a line (a blank date's shape <c>20__ жылғы "__" ____</c>, a value its definition asks
    /// to keep whole); a writer keeps the words together as its format can (no-break spaces in Word).
    /// </summary>
    public bool NoBreak { get; init; }
}

/// <summary>
/// A blank of the form: its value (null when the form is printed blank), an underline at least
/// <see cref="MinWidthPt"/> wide (or to the end of the line when <see cref="Fill"/>), and the small caption under it.
/// </summary>
/// <param name="CaptionType">How the caption is printed: the definition's one small size.</param>
internal sealed record Field(string? Value, string? Caption, float MinWidthPt, bool Fill, Typography Type, Typography CaptionType) : Inline
{
    /// <summary>
    /// Where the value comes from in the payload, piece by piece, when a clerk may fill or change it in a Word
    /// document and it can be read back (null: a printed value only). Filled, the pieces' texts make
    /// <see cref="Value"/>; blank, each bound piece is a place to type.
    /// </summary>
    public IReadOnlyList<FieldPart>? Parts { get; init; }
}

/// <summary>A piece of a field's value: literal text, or the value of one payload path (or of a part of a date).</summary>
internal sealed record FieldPart(string Text, Binding? Binding);

internal enum BindingPart { Whole, Year, Day, Month }

/// <summary>A payload path a piece of a document shows; a blank date's parts are bound one by one.</summary>
internal sealed record Binding(string Path, BindingPart Part = BindingPart.Whole)
{
    /// <summary>How a Word content control names it: the JSON path, with ":year", ":day" or ":month" for a date's part.</summary>
    public string Tag => Part switch
    {
        BindingPart.Whole => Path,
        BindingPart.Year => Path + ":year",
        BindingPart.Day => Path + ":day",
        _ => Path + ":month",
    };

    public static Binding? FromTag(string tag)
    {
        var colon = tag.LastIndexOf(':');
        if (colon < 0) return new Binding(tag);
        var part = tag[(colon + 1)..] switch
        {
            "year" => BindingPart.Year,
            "day" => BindingPart.Day,
            "month" => BindingPart.Month,
            _ => (BindingPart?)null,
        };
        return part is { } p && colon > 0 ? new Binding(tag[..colon], p) : null;
    }
}

internal sealed record LineBreak : Inline
{
    public static readonly LineBreak Instance = new();
}

internal enum PageNumberKind { Page, Pages }

/// <summary>The number of the page it is printed on, or the document's page count (headers and footers).</summary>
internal sealed record PageNumber(PageNumberKind Kind, Typography Type) : Inline;

internal static class Units
{
    public static float MmToPt(float mm) => mm * 72f / 25.4f;
    public static int PtToTwips(float pt) => (int)MathF.Round(pt * 20f);
}
