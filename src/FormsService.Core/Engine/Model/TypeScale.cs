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
    // pieces that share their typography compare and hash it by reference first.
    private readonly Dictionary<(bool Bold, float? SizePt), Typography> _paragraphs = [];
    private readonly Dictionary<(Typography Paragraph, RunStyle Style), Typography> _runs = new(ByReference.Instance);

    private (bool Bold, float? SizePt, Typography Type)? _lastParagraph;

    public Typography Paragraph(bool bold, float? sizePt)
    {
        // Cell after cell asks for the same.
        if (_lastParagraph is { } last && last.Bold == bold && last.SizePt == sizePt)
            return last.Type;
        if (!_paragraphs.TryGetValue((bold, sizePt), out var t))
            _paragraphs[(bold, sizePt)] = t = new(new Face(_family, bold, false), sizePt ?? styles.SizePt);
        _lastParagraph = (bold, sizePt, t);
        return t;
    }

    public float LineHeight(Typography paragraph) => paragraph.SizePt * styles.LineSpacing;

    /// <summary>An inline's look inside a paragraph: the paragraph's bold carries over, small text takes the small size.</summary>
    private (Typography Paragraph, RunStyle Style, Typography Type)? _lastRun;

    public Typography Run(Typography paragraph, RunStyle s)
    {
        if (_lastRun is { } last && ReferenceEquals(last.Paragraph, paragraph) && ReferenceEquals(last.Style, s))
            return last.Type;
        if (!_runs.TryGetValue((paragraph, s), out var t))
            _runs[(paragraph, s)] = t = new(
                new Face(_family, s.Bold || paragraph.Face.Bold, s.Italic),
                s.Small ? SmallPt : paragraph.SizePt,
                s.Underline,
                s.Color ?? paragraph.Color);
        _lastRun = (paragraph, s, t);
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
