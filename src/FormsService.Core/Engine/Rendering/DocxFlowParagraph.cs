using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// A model paragraph as one Word paragraph that Word reflows: real runs; a filled blank an underlined run; a blank
/// that runs to the end of its line a tab with an underscore leader to the paragraph's one tab stop at the right
/// edge; a blank's minimum width a no-break space widened to it. A blank whose caption must sit under it gets the
/// caption as a line of small text inside the paragraph, after a line break at the end of the blank's printed line,
/// moved to where the layout centred it.
/// </summary>
internal sealed class DocxFlowParagraph
{
    private readonly DocxRuns _runs;
    private readonly LaidOutParagraph _laid;
    private readonly Model.Paragraph _p;
    private readonly DocxLineMap _map;
    private readonly float _origin;
    private readonly float _right;
    private Line? _lastLine;
    private bool _lineStart = true;
    private bool _spaceWritten;

    private DocxFlowParagraph(DocxRuns runs, LaidOutParagraph laid, float origin, float width)
    {
        _runs = runs;
        _laid = laid;
        _p = laid.Source;
        _map = DocxLineMap.Of(laid);
        _origin = origin;
        _right = width;
    }

    /// <param name="origin">Where the text area starts, as the layout measures (0 on the page, a cell's inner edge).</param>
    /// <param name="width">The width of the text area (the content width, or a cell's less its padding).</param>
    /// <param name="style">The paragraph's style as Word is to apply it (a cell's first paragraph has no space before).</param>
    public static void Write(DocxRuns runs, LaidOutParagraph laid, float origin, float width, bool pageBreakBefore, ParagraphStyle? style = null)
    {
        new DocxFlowParagraph(runs, laid, origin, width).Write(pageBreakBefore, style ?? laid.Source.Style);
    }

    private DocxLook Body => DocxLooks.Of(_p.Text);

    private void Write(bool pageBreakBefore, ParagraphStyle style)
    {
        var lines = _laid.Lines;
        var endsWithCaptions = lines.Count > 0 && lines[^1].Captions.Count > 0;
        var x = _runs.Xml;
        x.Raw("<w:p>"u8);
        new DocxParagraphProperties
        {
            KeepLines = style.KeepTogether,
            PageBreakBefore = pageBreakBefore,
            LeaderTabAt = _p.Inlines.Any(i => i is Field { Fill: true }) ? _right : null,
            SpaceBeforePt = style.SpaceBeforePt,
            SpaceAfterPt = style.SpaceAfterPt,
            IndentLeftPt = style.IndentLeftPt,
            FirstLinePt = style.FirstLinePt,
            Align = style.Align,
            Mark = endsWithCaptions ? DocxLooks.Of(lines[^1].Captions[0].Type) : Body,
        }.Write(_runs);

        var breaks = new List<(InlinePosition At, Line Line)>();
        for (var k = 0; k < lines.Count; k++)
            if (lines[k].Captions.Count > 0)
                breaks.Add((_map.LineEnds[k], lines[k]));
        _lastLine = lines.Count > 0 ? lines[^1] : null;

        var next = 0;
        var skipBreak = false;
        List<int>? cuts = null;
        List<Line>? cutLines = null;
        for (var i = 0; i < _p.Inlines.Count; i++)
        {
            while (next < breaks.Count && breaks[next].At is { Offset: 0 } at && at.Inline == i)
            {
                CaptionLine(breaks[next].Line);
                skipBreak = true;
                next++;
            }
            var inline = _p.Inlines[i];
            if (inline is LineBreak && skipBreak)
            {
                // The caption's line already ends where the model breaks the line.
                skipBreak = false;
                continue;
            }
            skipBreak = false;
            cuts?.Clear();
            cutLines?.Clear();
            while (next < breaks.Count && breaks[next].At.Inline == i)
            {
                (cuts ??= []).Add(breaks[next].At.Offset);
                (cutLines ??= []).Add(breaks[next].Line);
                next++;
            }
            switch (inline)
            {
                case TextRun t:
                    // A run that must not break (a date) keeps its words together the one way Word can.
                    TextWithCuts(t.NoBreak ? t.Text.Replace(' ', '\u00A0') : t.Text, DocxLooks.Of(t.Type), cuts, cutLines);
                    break;
                case Field f:
                    FieldRuns(f, i, cuts, cutLines);
                    break;
                case LineBreak:
                    _runs.Break(Body);
                    _lineStart = true;
                    break;
                case PageNumber n:
                    _runs.Field(n.Kind == PageNumberKind.Page ? "PAGE" : "NUMPAGES", "1", DocxLooks.Of(n.Type));
                    _lineStart = false;
                    _spaceWritten = false;
                    break;
            }
        }
        while (next < breaks.Count)
            CaptionLine(breaks[next++].Line);
        x.Raw("</w:p>"u8);
    }

    private void TextWithCuts(string text, DocxLook look, List<int>? cuts, List<Line>? lines)
    {
        var from = 0;
        for (var k = 0; k < (cuts?.Count ?? 0); k++)
        {
            Text(text[from..cuts![k]], look);
            CaptionLine(lines![k]);
            from = cuts[k];
        }
        Text(text[from..], look);
    }

    /// <summary>Text with white space as the layout treats it: one space between words, none at a line's start.</summary>
    private void Text(string text, DocxLook look)
    {
        if (text.Length == 0) return;
        if (!_lineStart && !_spaceWritten && !text.Contains("  ", StringComparison.Ordinal))
        {
            // The common case: nothing to drop.
            _runs.Text(text, look);
            _lineStart = false;
            _spaceWritten = text[^1] == ' ';
            return;
        }
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (_lineStart || _spaceWritten) continue;
                _spaceWritten = true;
                sb.Append(' ');
                continue;
            }
            _lineStart = false;
            _spaceWritten = false;
            sb.Append(c);
        }
        _runs.Text(sb.ToString(), look);
    }

    private void FieldRuns(Field f, int index, List<int>? cuts, List<Line>? lines)
    {
        var look = DocxLooks.Of(f.Type);
        var pieces = _map.Pieces[index];
        var value = f.Value ?? "";
        _lineStart = false;
        _spaceWritten = false;
        if (pieces is null || pieces.Count == 0)
        {
            // Not laid out (nothing printed it): keep the value, underlined.
            _runs.Text(value, look.Underlined());
            return;
        }
        var last = pieces[^1];
        if (value.Length > 0)
        {
            // A value the layout kept on one line is placed like one long word: so does Word, with no-break spaces.
            var text = pieces.Count == 1 ? value.Replace(' ', '\u00A0') : value;
            var from = 0;
            for (var k = 0; k < (cuts?.Count ?? 0); k++)
            {
                _runs.Text(text[from..cuts![k]], look.Underlined());
                CaptionLine(lines![k]);
                from = cuts[k];
            }
            _runs.Text(text[from..], look.Underlined());
            if (f.Fill)
            {
                var pad = last.TextX - last.X;
                var need = Math.Max(last.TextWidth + 2 * pad, Math.Min(f.MinWidthPt, last.Width));
                _runs.Space(Math.Min(need, last.Width) - last.TextWidth, look.Underlined());
                _runs.Tab(look.Underlined(false));
            }
            else
            {
                _runs.Space(last.Width - last.TextWidth, look.Underlined());
            }
        }
        else
        {
            if (WrappedBlank(pieces[0], index))
            {
                // The layout moved this empty blank to a line of its own start; LibreOffice would let a widened
                // space hang past the margin instead, so the break is written (Word would make it anyway).
                _runs.Break(Body);
            }
            if (f.Fill)
            {
                _runs.Space(Math.Min(f.MinWidthPt, last.Width), look.Underlined());
                _runs.Tab(look.Underlined(false));
            }
            else
            {
                _runs.Space(last.Width, look.Underlined());
            }
        }
    }

    /// <summary>True when <paramref name="piece"/> starts a printed line the layout broke before it (not after a break or a caption line).</summary>
    private bool WrappedBlank(FieldSegment piece, int index)
    {
        if (index == 0 || _p.Inlines[index - 1] is LineBreak) return false;
        var lines = _laid.Lines;
        for (var k = 1; k < lines.Count; k++)
            if (lines[k].Segments.Count > 0 && ReferenceEquals(lines[k].Segments[0], piece))
                return lines[k - 1].Captions.Count == 0;
        return false;
    }

    /// <summary>
    /// Ends the printed line and writes its captions as a line of small text, each moved by a widened space to where
    /// the layout centred it under its blank; then (unless the paragraph ends there) a break to go on with the text.
    /// </summary>
    private void CaptionLine(Line line)
    {
        var last = ReferenceEquals(line, _lastLine);
        _runs.Break(Body);
        var style = _p.Style;
        var x = style.IndentLeftPt;
        var captionLook = DocxLooks.Of(line.Captions[0].Type);
        var captions = line.Captions;
        if (style.Align == Alignment.Left)
        {
            foreach (var c in captions)
            {
                var left = c.CenterX - c.Width / 2f - _origin;
                _runs.Space(MathF.Floor((left - x) * 20f) / 20f, DocxLooks.Of(c.Type));
                _runs.Text(c.Text, DocxLooks.Of(c.Type));
                x = left + c.Width;
            }
        }
        else
        {
            // Centred or right-aligned: spaces on both sides make the line as wide as the text area, so Word's
            // alignment leaves the captions where the layout put them.
            var cursor = captions[0].CenterX - captions[0].Width / 2f - _origin;
            _runs.Space(cursor - x - 0.5f, captionLook);
            foreach (var c in captions)
            {
                var left = c.CenterX - c.Width / 2f - _origin;
                if (left > cursor) _runs.Space(left - cursor, DocxLooks.Of(c.Type));
                _runs.Text(c.Text, DocxLooks.Of(c.Type));
                cursor = left + c.Width;
            }
            _runs.Space(_right - cursor - 0.5f, captionLook);
        }
        if (!last)
            _runs.Break(captionLook);
        _lineStart = true;
        _spaceWritten = false;
    }
}
