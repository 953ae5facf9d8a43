using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;

namespace FormsService.Core.Engine.Layout;

/// <summary>
/// Breaks a document's paragraphs into lines and places them on pages. Pure: the same document gives the same
/// layout; fonts are only measured here, never drawn.
/// </summary>
public sealed class LayoutEngine(FontLibrary fonts)
{
    /// <summary>Extra height a line gets for the captions under its blanks, as a multiple of the caption size.</summary>
    internal const float CaptionLineFactor = 1.2f;

    public LaidOutDocument Layout(Document document)
    {
        var family = document.Styles.Font == "sans" ? FontFamilyKind.Sans : FontFamilyKind.Serif;
        var page = document.Page;
        var paginator = new Paginator(page);
        var blocks = new List<LaidOutBlock>(document.Blocks.Count);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    blocks.Add(LayoutParagraph(p, document, family, paginator));
                    break;
                case CutLine c:
                    blocks.Add(LayoutCutLine(c, document, family, paginator));
                    break;
                case Figure f:
                    var (fp, ftop) = paginator.Place(f.HeightPt, f.SpaceBeforePt);
                    paginator.Advance(f.HeightPt + f.SpaceAfterPt);
                    blocks.Add(new LaidOutFigure(f, fp, (page.ContentWidth - f.WidthPt) / 2f, ftop));
                    break;
                default:
                    throw new NotSupportedException($"Block {block.GetType().Name} has no layout.");
            }
        }
        return new LaidOutDocument(document, paginator.Page + 1, blocks);
    }

    private LaidOutParagraph LayoutParagraph(Paragraph p, Document document, FontFamilyKind family, Paginator paginator)
    {
        var styles = document.Styles;
        var size = p.Style.SizePt ?? styles.SizePt;
        var breaker = new LineBreaker(fonts, family, p.Style, size, styles.CaptionSizePt, document.Page.ContentWidth);
        var drafts = breaker.Break(p.Inlines);

        var face = fonts.Get(family, p.Style.Bold, false);
        var captionFace = fonts.Get(family, false, false);
        var baseHeight = size * styles.LineSpacing;
        var captionHeight = styles.CaptionSizePt * CaptionLineFactor;

        if (p.Style.KeepTogether)
        {
            var total = drafts.Sum(d => baseHeight + (d.Captions.Count > 0 ? captionHeight : 0));
            paginator.KeepTogether(total, p.Style.SpaceBeforePt);
        }

        var lines = new List<Line>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var height = baseHeight + (d.Captions.Count > 0 ? captionHeight : 0);
            var (pageIndex, top) = paginator.Place(height, i == 0 ? p.Style.SpaceBeforePt : 0);
            paginator.Advance(height);
            var baseline = top + (baseHeight - (face.Ascent + face.Descent) * size) / 2f + face.Ascent * size;
            var captionBaseline = baseline + face.Descent * size + captionFace.Ascent * styles.CaptionSizePt + 0.5f;

            var shift = p.Style.Align switch
            {
                Alignment.Center => (d.Left + d.Right) / 2f - (d.Start + d.End) / 2f,
                Alignment.Right => d.Right - d.End,
                _ => 0f,
            };
            var segments = d.Segments.Select(s => Shift(s, shift)).ToList();
            var captions = d.Captions.Select(c =>
            {
                var seg = segments[c.SegmentIndex];
                var width = captionFace.Measure(c.Text, styles.CaptionSizePt);
                var half = width / 2f;
                var center = Math.Clamp(seg.X + seg.Width / 2f, half, Math.Max(half, document.Page.ContentWidth - half));
                return new Caption(center, width, c.Text, captionBaseline, styles.CaptionSizePt);
            }).ToList();
            lines.Add(new Line(pageIndex, top, baseline, height, size, segments, captions, i == drafts.Count - 1));
        }
        paginator.Advance(p.Style.SpaceAfterPt);
        return new LaidOutParagraph(p, lines);
    }

    private LaidOutCutLine LayoutCutLine(CutLine c, Document document, FontFamilyKind family, Paginator paginator)
    {
        var size = document.Styles.CaptionSizePt + 2;
        var face = fonts.Get(family, false, true);
        var height = size * 1.6f;
        var (pageIndex, top) = paginator.Place(height, c.SpaceBeforePt);
        paginator.Advance(height + c.SpaceAfterPt);
        var labelWidth = face.Measure(c.Label, size);
        var baseline = top + height / 2f + (face.Ascent - face.Descent) * size / 2f;
        return new LaidOutCutLine(c, pageIndex, top, height, baseline, (document.Page.ContentWidth - labelWidth) / 2f, labelWidth);
    }

    private static Segment Shift(Segment s, float dx) => dx == 0 ? s : s switch
    {
        TextSegment t => t with { X = t.X + dx },
        FieldSegment f => f with { X = f.X + dx, TextX = f.TextX + dx },
        _ => s,
    };

    /// <summary>Tracks the current page and the vertical position on it.</summary>
    private sealed class Paginator(PageGeometry page)
    {
        private float _y = page.MarginTop;
        public int Page { get; private set; }

        private bool AtTop => _y <= page.MarginTop + 0.01f;
        private float Bottom => page.Height - page.MarginBottom;

        public (int Page, float Top) Place(float height, float spaceBefore)
        {
            if (!AtTop)
                _y += spaceBefore;
            if (_y + height > Bottom + 0.01f && !AtTop)
            {
                Page++;
                _y = page.MarginTop;
            }
            return (Page, _y);
        }

        public void Advance(float height) => _y += height;

        public void KeepTogether(float height, float spaceBefore)
        {
            if (!AtTop && _y + spaceBefore + height > Bottom && height <= page.ContentHeight)
            {
                Page++;
                _y = page.MarginTop;
            }
        }
    }
}
