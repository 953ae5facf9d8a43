using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;

namespace FormsService.Core.Engine.Layout;

/// <summary>A broken line before it is placed: its height, where its baselines sit below its top, its pieces.</summary>
/// <param name="EndAt">Where the line ends in its paragraph's inlines.</param>
internal sealed record SetLine(float Height, float BaselineOffset, float SizePt, IReadOnlyList<Segment> Segments, IReadOnlyList<SetCaption> Captions, InlinePosition EndAt)
{
    public Line At(int page, float top, bool endsParagraph, float dx = 0)
    {
        IReadOnlyList<Segment> segments = Segments;
        if (dx != 0 && Segments.Count > 0)
        {
            var shifted = new Segment[Segments.Count];
            for (var i = 0; i < shifted.Length; i++) shifted[i] = ParagraphSetter.Shift(Segments[i], dx);
            segments = shifted;
        }
        var captions = Captions.Count == 0 ? [] : new Caption[Captions.Count];
        for (var i = 0; i < captions.Length; i++)
        {
            var c = Captions[i];
            captions[i] = new Caption(c.CenterX + dx, c.Width, c.Text, top + c.BaselineOffset, c.Type);
        }
        return new(page, top, top + BaselineOffset, Height, SizePt, segments, captions, endsParagraph);
    }

    /// <summary>What <c>At(page, top, …, dx)</c> would draw, drawn without making the line.</summary>
    internal void Emit(Action<Piece> draw, int page, float top, float dx)
    {
        Line.EmitSegments(draw, page, top + BaselineOffset, Segments, dx);
        for (var i = 0; i < Captions.Count; i++)
        {
            var c = Captions[i];
            draw(new TextPiece(page, c.CenterX + dx - c.Width / 2f, top + c.BaselineOffset, c.Text, c.Type));
        }
    }
}

internal sealed record SetCaption(float CenterX, float Width, string Text, float BaselineOffset, Typography Type);

/// <summary>Breaks a paragraph into lines within a width and works out each line's height and baselines.</summary>
/// <param name="facts">Where the lines of paragraphs with blanks are recorded, for a writer of the model.</param>
internal sealed class ParagraphSetter(FontLibrary fonts, LayoutFacts facts)
{
    public List<SetLine> Set(Paragraph p, float width)
    {
        var breaker = new LineBreaker(fonts, p.Style, width);
        var drafts = breaker.Break(p.Inlines);
        var size = p.Text.SizePt;
        var face = fonts.Get(p.Text.Face);
        var baseHeight = p.LineHeightPt;
        var lines = new List<SetLine>(drafts.Count);
        foreach (var d in drafts)
        {
            var captionType = CaptionType(p, d);
            var captionFace = captionType is null ? null : fonts.Get(captionType.Face);
            var height = baseHeight + (captionType is null ? 0 : captionType.SizePt * LayoutEngine.CaptionLineFactor);
            var baseline = (baseHeight - (face.Ascent + face.Descent) * size) / 2f + face.Ascent * size;
            var shift = p.Style.Align switch
            {
                Alignment.Center => (d.Left + d.Right) / 2f - (d.Start + d.End) / 2f,
                Alignment.Right => d.Right - d.End,
                _ => 0f,
            };
            IReadOnlyList<Segment> segments = d.Segments;
            if (shift != 0)
            {
                var shifted = new Segment[d.Segments.Count];
                for (var i = 0; i < shifted.Length; i++) shifted[i] = Shift(d.Segments[i], shift);
                segments = shifted;
            }
            SetCaption[] captions = d.Captions.Count == 0 ? [] : new SetCaption[d.Captions.Count];
            for (var k = 0; k < captions.Length; k++)
            {
                var c = d.Captions[k];
                var seg = segments[c.SegmentIndex];
                var type = c.Type;
                var captionBaseline = baseline + face.Descent * size + captionFace!.Ascent * type.SizePt + 0.5f;
                var w = fonts.Get(type.Face).Measure(c.Text, type.SizePt);
                var half = w / 2f;
                var center = Math.Clamp(seg.X + seg.Width / 2f, half, Math.Max(half, width - half));
                captions[k] = new SetCaption(center, w, c.Text, captionBaseline, type);
            }
            lines.Add(new SetLine(height, baseline, size, segments, captions, d.EndAt));
        }
        if (HasFields(p))
            facts.Set(p, lines);
        return lines;
    }

    private static bool HasFields(Paragraph p)
    {
        var inlines = p.Inlines;
        for (var i = 0; i < inlines.Count; i++)
            if (inlines[i] is Field) return true;
        return false;
    }

    /// <summary>The largest caption type on the line: it decides how much taller the line is.</summary>
    private static Typography? CaptionType(Paragraph p, DraftLine d)
    {
        Typography? best = null;
        var captions = d.Captions;
        for (var i = 0; i < captions.Count; i++)
            if (best is null || captions[i].Type.SizePt > best.SizePt)
                best = captions[i].Type;
        return best;
    }

    internal static Segment Shift(Segment s, float dx) => dx == 0 ? s : s.Shifted(dx);
}

/// <summary>A paragraph's lines placed one after another, moved whole to the next page when it is kept together.</summary>
internal static class ParagraphLayout
{
    public static LaidOutBlock Layout(Paragraph p, LayoutContext context)
    {
        var set = context.Setter.Set(p, context.Page.ContentWidth);
        var flow = context.Flow;
        if (p.Style.KeepTogether)
            flow.KeepTogether(set.Sum(l => l.Height), p.Style.SpaceBeforePt);
        var lines = new List<Line>(set.Count);
        for (var i = 0; i < set.Count; i++)
        {
            var (page, top) = flow.Place(set[i].Height, i == 0 ? p.Style.SpaceBeforePt : 0);
            flow.Advance(set[i].Height);
            lines.Add(set[i].At(page, top, i == set.Count - 1));
        }
        flow.Advance(p.Style.SpaceAfterPt);
        return new LaidOutParagraph(p, lines);
    }
}

/// <summary>A header or footer on one page: centred in its margin, its page numbers filled in.</summary>
internal static class RunningTextLayout
{
    public static LaidOutRunningText Layout(RunningText running, int page, int pages, LayoutContext context)
    {
        var source = running.Content;
        var inlines = source.Inlines.Select(i => i is PageNumber n
            ? new TextRun((n.Kind == PageNumberKind.Page ? page + 1 : pages).ToString(System.Globalization.CultureInfo.InvariantCulture), n.Type)
            : i).ToList();
        var filled = source with { Inlines = inlines };
        var set = context.Setter.Set(filled, context.Page.ContentWidth);
        var height = set.Sum(l => l.Height);
        if (page == 0) context.Facts.RunningHeight(running, height);
        var geometry = context.Page;
        var top = running.Position == RunningPosition.Header
            ? Math.Max(0, (geometry.MarginTop - height) / 2f)
            : geometry.Height - geometry.MarginBottom + Math.Max(0, (geometry.MarginBottom - height) / 2f);
        var lines = new List<Line>(set.Count);
        foreach (var l in set)
        {
            lines.Add(l.At(page, top, ReferenceEquals(l, set[^1])));
            top += l.Height;
        }
        return new LaidOutRunningText(running, page, new LaidOutParagraph(filled, lines));
    }
}
