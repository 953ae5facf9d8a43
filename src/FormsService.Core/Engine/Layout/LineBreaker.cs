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
    public float Start => Segments.Count > 0 ? Segments[0].X : Left;
    public float End { get; set; } = left;
    public bool IsEmpty => Segments.Count == 0;
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
        for (var i = 0; i < inlines.Count; i++)
        {
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
        _lines.Add(_line);
        return _lines;
    }

    private FontFace Face(Typography t) => _fonts.Get(t.Face);
    private static float Size(Typography t) => t.SizePt;
    private float Measure(string text, Typography t) => Face(t).Measure(text, t.SizePt);

    private void NewLine()
    {
        _lines.Add(_line);
        _line = new DraftLine(Math.Clamp(_style.IndentLeftPt, 0, _contentWidth * 0.9f), _contentWidth);
        _x = _line.Left;
        _pendingSpace = 0;
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
                    _pendingSpace = Measure(" ", run.Type);
                i++;
                continue;
            }
            var end = text.IndexOf(' ', i);
            if (end < 0) end = text.Length;
            AddWord(text[i..end], run.Type);
            i = end;
        }
    }

    private void AddWord(string word, Typography style)
    {
        var width = Measure(word, style);
        if (_x + _pendingSpace + width > Right + Epsilon && !_line.IsEmpty)
        {
            // Word and LibreOffice break a word after its hyphen ("ҚАК-" / "тың"): so does the layout, or a Word
            // document of the same text would break its lines elsewhere.
            var cut = HyphenCut(word, style, Right - _x - _pendingSpace);
            if (cut > 0)
            {
                AppendText(word[..cut], style, Measure(word[..cut], style));
                word = word[cut..];
                width = Measure(word, style);
            }
            NewLine();
        }
        // A word wider than a whole line is cut where it must be: never drawn over the margin.
        while (width > Right - _x + Epsilon)
        {
            var fit = FitChars(word, style, Right - _x);
            AppendText(word[..fit], style, Measure(word[..fit], style));
            NewLine();
            word = word[fit..];
            width = Measure(word, style);
        }
        AppendText(word, style, width);
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

    private void AppendText(string word, Typography style, float width)
    {
        // Consecutive words of one style become one segment, so the text is drawn, and extracted, with its spaces.
        if (_line.Segments.Count > 0 && _line.Segments[^1] is TextSegment last && last.Type == style)
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
                NewLine();
                start = _x;
            }
            PlaceField(start, field.Fill ? Math.Max(min, Right - start) : min, "", start + pad, style, field.Caption, field.CaptionType);
            return;
        }

        var need = Math.Max(Measure(text, style) + 2 * pad, min);
        if (start + need > Right + Epsilon && !_line.IsEmpty)
        {
            // The value flows on from this line when its first word fits, as typed text flows in Word.
            var firstWord = text.Split(' ')[0];
            if (start + Measure(firstWord, style) + 2 * pad > Right + Epsilon || text.IndexOf(' ') < 0)
            {
                NewLine();
                start = _x;
            }
        }
        if (start + need <= Right + Epsilon)
        {
            PlaceField(start, field.Fill ? Right - start : need, text, start + pad, style, field.Caption, field.CaptionType);
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
                PlaceField(start, field.Fill ? Right - start : Math.Min(w, Right - start), piece, start + pad, style, field.Caption, field.CaptionType);
                return;
            }
            PlaceField(start, Right - start, piece, start + pad, style, null, field.CaptionType);
            NewLine();
            start = _x;
        }
    }

    private void PlaceField(float x, float width, string text, float textX, Typography style, string? caption, Typography captionType)
    {
        _line.Segments.Add(new FieldSegment(x, width, text, style, textX) { TextWidth = text.Length == 0 ? 0 : Measure(text, style) });
        if (!string.IsNullOrEmpty(caption))
            _line.AddCaption(new DraftCaption(_line.Segments.Count - 1, caption, captionType));
        _x = x + width;
        _line.End = _x;
        _pendingSpace = 0;
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
