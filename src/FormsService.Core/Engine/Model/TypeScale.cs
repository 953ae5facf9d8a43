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

    // One instance per look for the whole build: a table asks for the same few looks for thousands of cells, and
    // pieces that share their typography compare and hash it by reference first. Kept for memory, not speed: a large
    // table's cells share these objects (decisions/large-tables.md); the layout and the DOCX writer rely on it.
    private readonly Dictionary<long, Typography> _paragraphs = [];
    private readonly Dictionary<(Typography Paragraph, RunStyle Style), Typography> _runs = new(ByReference.Instance);

    public Typography Paragraph(bool bold, float? sizePt)
    {
        // Keyed by the bits of bold and the size, not a tuple of them: asked for by every cell of a table, the
        // tuple's comparer was a noticeable part of building a large one.
        var key = (bold ? 1L << 33 : 0) | (sizePt is { } size ? 1L << 32 | BitConverter.SingleToUInt32Bits(size == 0 ? 0 : size) : 0);
        if (!_paragraphs.TryGetValue(key, out var t))
            _paragraphs[key] = t = new(new Face(_family, bold, false), sizePt ?? styles.SizePt);
        return t;
    }

    public float LineHeight(Typography paragraph) => paragraph.SizePt * styles.LineSpacing;

    /// <summary>An inline's look inside a paragraph: the paragraph's bold carries over, small text takes the small size.</summary>
    public Typography Run(Typography paragraph, RunStyle s)
    {
        if (!_runs.TryGetValue((paragraph, s), out var t))
            _runs[(paragraph, s)] = t = new(
                new Face(_family, s.Bold || paragraph.Face.Bold, s.Italic),
                s.Small ? SmallPt : paragraph.SizePt,
                s.Underline,
                s.Color ?? paragraph.Color);
        return t;
    }

    private sealed class ByReference : IEqualityComparer<(Typography Paragraph, RunStyle Style)>
    {
        public static readonly ByReference Instance = new();

        public bool Equals((Typography Paragraph, RunStyle Style) a, (Typography Paragraph, RunStyle Style) b) =>
            ReferenceEquals(a.Paragraph, b.Paragraph) && ReferenceEquals(a.Style, b.Style);

        public int GetHashCode((Typography Paragraph, RunStyle Style) k) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Paragraph),
                System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Style));
    }

    public Typography Caption { get; } = new(new Face(FontFamilies.Parse(styles.Font), false, false), styles.CaptionSizePt);

    /// <summary>A cut line's label: italic, a little larger than the captions.</summary>
    public Typography CutLabel { get; } = new(new Face(FontFamilies.Parse(styles.Font), false, true), styles.CaptionSizePt + 2);
}
