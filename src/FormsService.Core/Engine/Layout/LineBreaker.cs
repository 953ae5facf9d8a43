using System.Text;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;

namespace FormsService.Core.Engine.Layout;

/// <summary>A line before it is placed: segments from the left margin, captions still tied to their segment.</summary>
internal sealed class DraftLine(float left, float right)
{
    public float Left { get; } = left;
    public float Right { get; } = right;
    public List<Segment> Segments { get; } = [];
    private List<DraftCaption>? _captions;
    /// <summary>Most lines have none: the list is made for the first.</summary>
    public IReadOnlyList<DraftCaption> Captions => (IReadOnlyList<DraftCaption>?)_captions ?? [];
    public void AddCaption(DraftCaption caption) => (_captions ??= []).Add(caption);
    public void ClearCaptions() => _captions?.Clear();
    public float Start => Segments.Count > 0 ? Segments[0].X : Left;
    public float End { get; set; } = left;
    public bool IsEmpty => Segments.Count == 0;
    /// <summary>Where the line ends in the paragraph's inlines: right after its last character (past the spaces that end a run).</summary>
    public InlinePosition EndAt { get; set; }
}

internal sealed record DraftCaption(int SegmentIndex, string Text, Typography Type);

/// <summary>
/// Greedy line breaking over words and fields. A field is placed like a long word; a value too long for the rest
/// of the line continues on the next, underlined, with the caption under its last piece.
/// </summary>
internal sealed class LineBreaker
{
    private const float Epsilon = 0.01f;
    private readonly FontLibrary _fonts;
    private readonly ParagraphStyle _style;
    private readonly float _contentWidth;
    private readonly List<DraftLine> _lines = [];
    private DraftLine _line;
    private float _x;
    private float _pendingSpace;
    /// <summary>
    /// Where the line's last unbreakable stretch starts: the segment, and the character in it (a text segment holds
    /// several words). Text and blanks written with no space between them (<c>жылғы "</c>, a blank, <c>"</c>) are one
    /// stretch: a line breaks at spaces only, as Word and LibreOffice break it.
    /// </summary>
    private (int Segment, int Offset) _glued;
    /// <summary>The pending space is one that does not break a line (inside a date).</summary>
    private bool _pendingGlue;
    private IReadOnlyList<Inline> _inlines = [];
    /// <summary>The inline being placed.</summary>
    private int _inline;
    /// <summary>Where in the inlines the last piece placed ends, and where the line's last unbreakable stretch starts.</summary>
    private InlinePosition _at, _gluedAt;

    public LineBreaker(FontLibrary fonts, ParagraphStyle style, float contentWidth)
    {
        _fonts = fonts;
        _style = style;
        _contentWidth = contentWidth;
        _line = new DraftLine(Math.Clamp(style.IndentLeftPt + style.FirstLinePt, 0, contentWidth * 0.9f), contentWidth);
        _x = _line.Left;
    }

    private float Right => _line.Right;

    public List<DraftLine> Break(IReadOnlyList<Inline> inlines)
    {
        _inlines = inlines;
        for (var i = 0; i < inlines.Count; i++)
        {
            _inline = i;
            switch (inlines[i])
            {
                case TextRun run:
                    AddText(run);
                    break;
                case Field field:
                    AddField(field);
                    break;
                case LineBreak:
                    NewLine();
                    break;
                case PageNumber:
                    throw new InvalidOperationException("A page number must be filled in before its line is broken.");
            }
        }
        _line.EndAt = Canonical(_at);
        _lines.Add(_line);
        return _lines;
    }

    /// <summary>
    /// A line's end as a writer of the model cuts it: right after its last character, moved back over the spaces
    /// before it, and on to the next inline when only spaces are left of a run.
    /// </summary>
    private InlinePosition Canonical(InlinePosition at)
    {
        var (i, c) = at;
        while (true)
        {
            if (i < _inlines.Count && c > 0 && _inlines[i] is TextRun r && c <= r.Text.Length && r.Text[c - 1] == ' ')
                c--;
            else if (c == 0 && i > 0 && _inlines[i - 1] is TextRun before)
                (i, c) = (i - 1, before.Text.Length);
            else
                break;
        }
        if (i < _inlines.Count && _inlines[i] is TextRun run && run.Text.AsSpan(Math.Min(c, run.Text.Length)).IsWhiteSpace())
            return new InlinePosition(i + 1, 0);
        return new InlinePosition(i, c);
    }

    private FontFace Face(Typography t) => _fonts.Get(t.Face);
    private static float Size(Typography t) => t.SizePt;
    private float Measure(string text, Typography t) => Face(t).Measure(text, t.SizePt);

    /// <param name="end">Where the line ends, when not after the last piece placed (a stretch moved on to the next line).</param>
    private void NewLine(InlinePosition? end = null)
    {
        _line.EndAt = Canonical(end ?? _at);
        _lines.Add(_line);
        _line = new DraftLine(Math.Clamp(_style.IndentLeftPt, 0, _contentWidth * 0.9f), _contentWidth);
        _x = _line.Left;
        _pendingSpace = 0;
        _pendingGlue = false;
        _glued = (0, 0);
    }

    /// <summary>
    /// Breaks the line before something <paramref name="width"/> wide. Where no space precedes it (or a space that does
    /// not break, inside a date), it is glued to what is before it: that stretch moves to the new line with it, unless
    /// the stretch is the whole line or would not fit a line with it.
    /// </summary>
    private void BreakBefore(float width)
    {
        if ((_pendingSpace > 0 && !_pendingGlue) || _glued == (0, 0) || _glued.Segment >= _line.Segments.Count)
        {
            NewLine();
            return;
        }
        var (space, glue) = (_pendingSpace, _pendingGlue);
        var (index, offset) = _glued;
        var segments = _line.Segments;
        var first = segments[index];
        var from = offset > 0 ? first.X + Measure(first.Text[..offset], first.Type) : first.X;
        var left = Math.Clamp(_style.IndentLeftPt, 0, _contentWidth * 0.9f);
        if (_x - from + space + width > _contentWidth - left + Epsilon)
        {
            NewLine();
            return;
        }
        var moved = new List<Segment>(segments.Count - index);
        if (offset > 0 && first is TextSegment t)
        {
            var kept = t.Text[..offset].TrimEnd(' ');
            var rest = t.Text[offset..];
            segments[index] = t with { Text = kept, Width = Measure(kept, t.Type) };
            moved.Add(t with { X = from, Text = rest, Width = Measure(rest, t.Type) });
            index++;
        }
        var captions = _line.Captions.Where(c => c.SegmentIndex >= index).ToList();
        var firstMoved = index - moved.Count;
        moved.AddRange(segments.Skip(index));
        segments.RemoveRange(index, segments.Count - index);
        var keptCaptions = _line.Captions.Where(c => c.SegmentIndex < index).ToList();
        _line.ClearCaptions();
        foreach (var c in keptCaptions) _line.AddCaption(c);
        _line.End = segments.Count > 0 ? segments[^1].X + segments[^1].Width : _line.Left;
        NewLine(_gluedAt);
        var dx = _x - from;
        foreach (var m in moved)
            _line.Segments.Add(ParagraphSetter.Shift(m, dx));
        foreach (var c in captions)
            _line.AddCaption(c with { SegmentIndex = c.SegmentIndex - firstMoved });
        _x += moved.Count > 0 ? moved[^1].X + moved[^1].Width - from : 0;
        _line.End = _x;
        (_pendingSpace, _pendingGlue) = (space, glue);
    }

    /// <summary>Notes where a piece about to be placed starts a new unbreakable stretch: after a space, or first on its line.</summary>
    /// <param name="from">Where the piece starts in the inlines.</param>
    private void MarkStretch(bool joinsLastSegment, InlinePosition from)
    {
        if ((_pendingSpace == 0 || _pendingGlue) && !_line.IsEmpty)
            return;
        _glued = joinsLastSegment ? (_line.Segments.Count - 1, _line.Segments[^1].Text.Length + 1) : (_line.Segments.Count, 0);
        _gluedAt = from;
    }

    private void AddText(TextRun run)
    {
        var text = run.Text;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                if (!_line.IsEmpty)
                {
                    _pendingSpace = Measure(" ", run.Type);
                    _pendingGlue = run.NoBreak;
                }
                i++;
                continue;
            }
            var end = text.IndexOf(' ', i);
            if (end < 0) end = text.Length;
            AddWord(text[i..end], run.Type, i);
            i = end;
        }
    }

    /// <param name="start">Where the word starts in its run.</param>
    private void AddWord(string word, Typography style, int start)
    {
        var width = Measure(word, style);
        if (_x + _pendingSpace + width > Right + Epsilon && !_line.IsEmpty)
        {
            // Word and LibreOffice break a word after its hyphen ("ҚАК-" / "тың"): so does the layout, or a Word
            // document of the same text would break its lines elsewhere.
            var cut = _pendingGlue ? 0 : HyphenCut(word, style, Right - _x - _pendingSpace);
            if (cut > 0)
            {
                AppendText(word[..cut], style, Measure(word[..cut], style), start);
                word = word[cut..];
                start += cut;
                width = Measure(word, style);
            }
            if (cut > 0) NewLine();
            else BreakBefore(width);
        }
        // A word wider than a whole line is cut where it must be: never drawn over the margin.
        while (width > Right - _x + Epsilon)
        {
            var fit = FitChars(word, style, Right - _x);
            AppendText(word[..fit], style, Measure(word[..fit], style), start);
            NewLine();
            word = word[fit..];
            start += fit;
            width = Measure(word, style);
        }
        AppendText(word, style, width, start);
    }

    /// <summary>
    /// The length of the longest start of <paramref name="word"/> that ends with a hyphen inside it and fits in
    /// <paramref name="room"/>; 0 when none. Not before a digit ("2-1-тармақ" keeps "1"), where LibreOffice does not break.
    /// </summary>
    private int HyphenCut(string word, Typography style, float room)
    {
        if (word.Length < 3) return 0;
        for (var h = word.LastIndexOf('-', word.Length - 2); h > 0; h = word.LastIndexOf('-', h - 1))
        {
            if (char.IsDigit(word[h + 1]) || !char.IsLetterOrDigit(word[h - 1])) continue;
            if (Measure(word[..(h + 1)], style) <= room + Epsilon) return h + 1;
        }
        return 0;
    }

    /// <param name="start">Where the word starts in its run.</param>
    private void AppendText(string word, Typography style, float width, int start)
    {
        // Consecutive words of one style become one segment, so the text is drawn, and extracted, with its spaces.
        var joins = _line.Segments.Count > 0 && _line.Segments[^1] is TextSegment { } previous && previous.Type == style;
        MarkStretch(joins && _pendingSpace > 0, new InlinePosition(_inline, start));
        _at = new InlinePosition(_inline, start + word.Length);
        if (joins && _line.Segments[^1] is TextSegment last)
        {
            var joined = last.Text + (_pendingSpace > 0 ? " " : "") + word;
            _line.Segments[^1] = last with { Text = joined, Width = last.Width + _pendingSpace + width };
        }
        else
        {
            _line.Segments.Add(new TextSegment(_x + _pendingSpace, width, word, style));
        }
        _x += _pendingSpace + width;
        _line.End = _x;
        _pendingSpace = 0;
        _pendingGlue = false;
    }

    private void AddField(Field field)
    {
        var style = field.Type;
        var pad = Size(style) * 0.15f;
        var fullWidth = Right - _line.Left;
        var min = Math.Min(field.MinWidthPt, fullWidth);
        var text = field.Value ?? "";
        var start = _x + _pendingSpace;

        if (text.Length == 0)
        {
            if (start + min > Right + Epsilon && !_line.IsEmpty)
            {
                BreakBefore(min);
                start = _x;
            }
            PlaceField(start, field.Fill ? Math.Max(min, Right - start) : min, "", start + pad, style, field.Caption, field.CaptionType, new InlinePosition(_inline + 1, 0));
            return;
        }

        var need = Math.Max(Measure(text, style) + 2 * pad, min);
        if (start + need > Right + Epsilon && !_line.IsEmpty)
        {
            // The value flows on from this line when its first word fits, as typed text flows in Word.
            var firstWord = text.Split(' ')[0];
            if (start + Measure(firstWord, style) + 2 * pad > Right + Epsilon || text.IndexOf(' ') < 0)
            {
                BreakBefore(need <= fullWidth ? need : Measure(firstWord, style) + 2 * pad);
                start = _x;
            }
        }
        if (start + need <= Right + Epsilon)
        {
            PlaceField(start, field.Fill ? Right - start : need, text, start + pad, style, field.Caption, field.CaptionType, new InlinePosition(_inline + 1, 0));
            return;
        }

        // The value continues over several lines: each piece is underlined to the end of its line.
        var rest = text;
        while (true)
        {
            var avail = Right - start - 2 * pad;
            var piece = TakeWords(ref rest, style, avail);
            if (rest.Length == 0)
            {
                var w = Math.Max(Measure(piece, style) + 2 * pad, Math.Min(min, Right - start));
                PlaceField(start, field.Fill ? Right - start : Math.Min(w, Right - start), piece, start + pad, style, field.Caption, field.CaptionType, new InlinePosition(_inline + 1, 0));
                return;
            }
            // Inside the value: a writer never cuts a field, only knows that the line ends in it.
            PlaceField(start, Right - start, piece, start + pad, style, null, field.CaptionType, new InlinePosition(_inline, Math.Max(1, text.Length - rest.Length)));
            NewLine();
            start = _x;
        }
    }

    /// <param name="after">Where in the inlines the piece ends: after the field, or inside its value when it goes on.</param>
    private void PlaceField(float x, float width, string text, float textX, Typography style, string? caption, Typography captionType, InlinePosition after)
    {
        MarkStretch(false, new InlinePosition(_inline, 0));
        _at = after;
        _line.Segments.Add(new FieldSegment(x, width, text, style, textX) { TextWidth = text.Length == 0 ? 0 : Measure(text, style), Inline = _inline });
        if (!string.IsNullOrEmpty(caption))
            _line.AddCaption(new DraftCaption(_line.Segments.Count - 1, caption, captionType));
        _x = x + width;
        _line.End = _x;
        _pendingSpace = 0;
        _pendingGlue = false;
    }

    /// <summary>Takes from <paramref name="rest"/> the words that fit in <paramref name="avail"/>; at least one piece.</summary>
    private string TakeWords(ref string rest, Typography style, float avail)
    {
        var words = rest.Split(' ');
        var sb = new StringBuilder();
        var used = 0;
        foreach (var w in words)
        {
            var candidate = sb.Length == 0 ? w : sb + " " + w;
            if (Measure(candidate, style) > avail + Epsilon)
                break;
            sb.Clear().Append(candidate);
            used++;
        }
        if (used == 0)
        {
            var fit = FitChars(words[0], style, avail);
            var piece = words[0][..fit];
            rest = (words[0][fit..] + (words.Length > 1 ? " " + string.Join(' ', words[1..]) : "")).Trim();
            return piece;
        }
        rest = string.Join(' ', words[used..]);
        return sb.ToString();
    }

    /// <summary>How many characters of <paramref name="word"/> fit in <paramref name="width"/>; at least one.</summary>
    private int FitChars(string word, Typography style, float width)
    {
        var face = Face(style);
        var size = Size(style);
        float sum = 0;
        for (var i = 0; i < word.Length; i++)
        {
            sum += face.Measure(word.AsSpan(i, 1), size);
            if (sum > width + Epsilon)
                return Math.Max(1, i);
        }
        return word.Length;
    }
}
