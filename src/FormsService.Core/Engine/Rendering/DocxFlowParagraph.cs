using System.Globalization;
using System.Text;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// A model paragraph as Word paragraphs that Word reflows. Text is written as it is (no glued words: the layout breaks
/// lines where Word does, at spaces and after hyphens). A field is its value, underlined, in content controls tagged
/// with its payload paths; the rest of its blank is a tab to a stop at the blank's printed end, with an underscore
/// leader (to the right margin for a blank that fills its line). A printed line whose blanks carry captions ends its
/// Word paragraph; the captions follow as a paragraph of small text, each centred on a tab stop under its blank, and
/// the text goes on in a new paragraph.
/// </summary>
internal sealed class DocxFlowParagraph
{
    private readonly DocxRuns _runs;
    private readonly Model.Paragraph _p;
    /// <summary>The paragraph's lines as the layout set them (x from the text area's left edge); none without blanks.</summary>
    private readonly IReadOnlyList<SetLine> _lines;
    /// <summary>For each inline that is a blank, the pieces the layout drew it in (one per line it reaches); null without blanks.</summary>
    private readonly List<FieldSegment>?[]? _pieces;
    private readonly float _right;
    private bool _lineStart = true;
    private bool _spaceWritten;
    private List<int> _stops = [];

    private DocxFlowParagraph(DocxRuns runs, Model.Paragraph p, IReadOnlyList<SetLine> lines, float width)
    {
        _runs = runs;
        _p = p;
        _lines = lines;
        _right = width;
        if (lines.Count == 0) return;
        _pieces = new List<FieldSegment>?[p.Inlines.Count];
        foreach (var line in lines)
            foreach (var segment in line.Segments)
                if (segment is FieldSegment f && (uint)f.Inline < (uint)_pieces.Length)
                    (_pieces[f.Inline] ??= []).Add(f);
    }

    /// <param name="lines">The lines the layout set the paragraph in (recorded for a paragraph with blanks).</param>
    /// <param name="width">The width of the text area (the content width, or a cell's less its padding).</param>
    /// <param name="style">The paragraph's style as Word is to apply it (a cell's first paragraph has no space before).</param>
    public static void Write(DocxRuns runs, Model.Paragraph p, IReadOnlyList<SetLine> lines, float width, bool pageBreakBefore,
        ParagraphStyle? style = null)
    {
        new DocxFlowParagraph(runs, p, lines, width).Write(pageBreakBefore, style ?? p.Style);
    }

    private DocxLook Body => DocxLooks.Of(_p.Text);

    /// <summary>A piece of the paragraph written as one Word paragraph, then maybe the captions of its last line.</summary>
    /// <param name="FirstLine">The first printed line the chunk holds; <paramref name="LastLine"/>, its last.</param>
    private sealed record Chunk(InlinePosition From, InlinePosition To, SetLine? Captions, int FirstLine, int LastLine);

    private void Write(bool pageBreakBefore, ParagraphStyle style)
    {
        var chunks = Chunks();
        for (var k = 0; k < chunks.Count; k++)
        {
            var chunk = chunks[k];
            var first = k == 0;
            var last = k == chunks.Count - 1;
            var x = _runs.Xml;
            x.Raw("<w:p>"u8);
            var stops = Stops(chunk);
            // Word and LibreOffice run a centred line's tabs from its left edge, not from where centring puts the text:
            // a centred line of blanks is written left-aligned from where it is printed, so each tab ends its blank.
            var placed = stops is not null && style.Align != Alignment.Left && chunk.FirstLine == chunk.LastLine
                && chunk.FirstLine >= 0 && chunk.FirstLine < _lines.Count && _lines[chunk.FirstLine].Segments.Count > 0;
            new DocxParagraphProperties
            {
                KeepLines = style.KeepTogether,
                KeepNext = chunk.Captions is not null,
                PageBreakBefore = pageBreakBefore && first,
                TabsXml = stops,
                SpaceBeforePt = first ? style.SpaceBeforePt : 0,
                SpaceAfterPt = last && chunk.Captions is null ? style.SpaceAfterPt : 0,
                IndentLeftPt = placed ? Math.Max(0, _lines[chunk.FirstLine].Segments[0].X) : style.IndentLeftPt,
                FirstLinePt = first && !placed ? style.FirstLinePt : 0,
                Align = placed ? Alignment.Left : style.Align,
                Mark = Body,
            }.Write(_runs);
            _lineStart = true;
            _spaceWritten = false;
            var to = chunk.To.Offset > 0 ? chunk.To.Inline + 1 : chunk.To.Inline;
            for (var i = chunk.From.Inline; i < to; i++)
            {
                var start = i == chunk.From.Inline ? chunk.From.Offset : 0;
                var end = i == chunk.To.Inline ? chunk.To.Offset : int.MaxValue;
                Inline(i, start, end, i == chunk.From.Inline && start == 0);
            }
            x.Raw("</w:p>"u8);
            if (chunk.Captions is { } line)
                CaptionParagraph(line, last ? style.SpaceAfterPt : 0, keepNext: !last);
        }
    }

    /// <summary>
    /// The paragraph cut after each printed line with captions, where the layout ended that line: inside a text run
    /// if need be, after a field (a field's value is never cut).
    /// </summary>
    private List<Chunk> Chunks()
    {
        var count = _p.Inlines.Count;
        var chunks = new List<Chunk>();
        var lines = _lines;
        var from = new InlinePosition(0, 0);
        var firstLine = 0;
        if (_pieces is not null)
        {
            for (var k = 0; k < lines.Count; k++)
            {
                if (lines[k].Captions.Count == 0) continue;
                var end = lines[k].EndAt;
                if (end.Inline < count && end.Offset > 0 && _p.Inlines[end.Inline] is not TextRun)
                    end = new InlinePosition(end.Inline + 1, 0);
                if (end.Inline >= count) end = new InlinePosition(count, 0);
                if (end.CompareTo(from) <= 0 && chunks.Count > 0)
                    continue; // two caption lines in one piece of text (rare): their captions share one line
                chunks.Add(new Chunk(from, end, lines[k], firstLine, k));
                firstLine = k + 1;
                from = end;
                // The model's own break where the caption line already ends the line.
                if (from.Offset == 0 && from.Inline < count && _p.Inlines[from.Inline] is LineBreak)
                    from = new InlinePosition(from.Inline + 1, 0);
            }
        }
        if (from.Inline < count || chunks.Count == 0)
            chunks.Add(new Chunk(from, new InlinePosition(count, 0), null, firstLine, lines.Count - 1));
        return chunks;
    }

    /// <summary>The tab stops of a chunk's blanks, left to right: where each blank ends as printed.</summary>
    private string? Stops(Chunk chunk)
    {
        if (_pieces is null) return null;
        var stops = new SortedSet<int>();
        var to = chunk.To.Offset > 0 ? chunk.To.Inline + 1 : chunk.To.Inline;
        for (var i = chunk.From.Inline; i < to; i++)
        {
            if (_p.Inlines[i] is not Field f || Rest(f, i) is not { } last) continue;
            stops.Add(Units.PtToTwips(f.Fill ? _right : last.X + last.Width));
        }
        _stops = [.. stops];
        if (stops.Count == 0) return null;
        var sb = new StringBuilder();
        foreach (var s in stops)
            sb.Append("<w:tab w:val=\"left\" w:leader=\"underscore\" w:pos=\"").Append(s.ToString(CultureInfo.InvariantCulture)).Append("\"/>");
        return sb.ToString();
    }

    /// <summary>The last printed piece of a field when its blank reaches past its value (a tab draws the rest), else null.</summary>
    private FieldSegment? Rest(Field f, int index)
    {
        if (_pieces?[index] is not { Count: > 0 } pieces) return null;
        var last = pieces[^1];
        if (f.Fill || string.IsNullOrEmpty(f.Value)) return last;
        var pad = last.TextX - last.X;
        return last.Width - last.TextWidth > 2 * pad + 1f ? last : null;
    }

    /// <param name="start">Where in a text run the chunk starts; <paramref name="end"/>, where it ends.</param>
    private void Inline(int i, int start, int end, bool chunkStart)
    {
        switch (_p.Inlines[i])
        {
            case TextRun t:
                if (start == 0 && !chunkStart && GluedToBlank(t, i) && StartsWrappedLine(i))
                {
                    // Text glued to a blank ("20" of a blank date) that the layout moved with it to the next line:
                    // the blank's tab would find no stop on this one.
                    _runs.Break(Body);
                    _lineStart = true;
                    _spaceWritten = false;
                }
                var from = Math.Min(start, t.Text.Length);
                var piece = t.Text[from..Math.Min(end, t.Text.Length)];
                // A blank date's shape (or a value its definition keeps whole) stays together the one way Word can.
                Text(t.NoBreak ? piece.Replace(' ', '\u00A0') : piece, DocxLooks.Of(t.Type));
                break;
            case Field f:
                FieldRuns(f, i);
                break;
            case LineBreak:
                if (chunkStart) break;
                _runs.Break(Body);
                _lineStart = true;
                _spaceWritten = false;
                break;
            case PageNumber n:
                _runs.Field(n.Kind == PageNumberKind.Page ? "PAGE" : "NUMPAGES", "1", DocxLooks.Of(n.Type));
                _lineStart = false;
                _spaceWritten = false;
                break;
        }
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
        var sb = new StringBuilder(text.Length);
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

    private void FieldRuns(Field f, int index)
    {
        var look = DocxLooks.Of(f.Type);
        if (WrappedBlank(f, index))
        {
            // The layout moved this empty blank to a line of its own start: a tab would instead run to a stop behind.
            _runs.Break(Body);
        }
        _lineStart = false;
        _spaceWritten = false;
        if (f.Parts is { } parts)
        {
            foreach (var part in parts)
            {
                if (part.Binding is { } b)
                    _runs.Control(b.Tag, _runs.Alias(b), part.Text, look);
                else
                    _runs.Text(part.Text, look.Underlined());
            }
        }
        else if (!string.IsNullOrEmpty(f.Value))
        {
            _runs.Text(f.Value, look.Underlined());
        }
        if (Rest(f, index) is not { } rest) return;
        // A tab runs to the paragraph's next stop: where a stop of a blank on another line lies between this blank's
        // start and its end, one tab more passes it (the leader draws on), so the blank ends where it is printed.
        var from = Units.PtToTwips(string.IsNullOrEmpty(f.Value) ? rest.X : rest.TextX + rest.TextWidth);
        var to = Units.PtToTwips(f.Fill ? _right : rest.X + rest.Width);
        var passed = _stops.Count(s => s > from + 20 && s < to - 20);
        for (var k = 0; k <= passed; k++)
            _runs.LeaderTab(look);
    }

    /// <summary>True for text that runs into an empty blank with no space between (a blank date's <c>20</c>).</summary>
    private bool GluedToBlank(TextRun t, int index) =>
        t.Text.Length > 0 && t.Text[^1] != ' ' && index + 1 < _p.Inlines.Count && _p.Inlines[index + 1] is Field { Value: null or "" };

    /// <summary>True when the printed line before the one inline <paramref name="index"/> starts ends just before it, with no captions.</summary>
    private bool StartsWrappedLine(int index)
    {
        if (_pieces is null || index == 0 || _p.Inlines[index - 1] is LineBreak) return false;
        for (var k = 0; k < _lines.Count - 1; k++)
        {
            var end = _lines[k].EndAt;
            var before = end == new InlinePosition(index, 0)
                || (end.Inline == index - 1 && _p.Inlines[index - 1] is TextRun p && p.Text[Math.Min(end.Offset, p.Text.Length)..].Trim().Length == 0);
            if (before)
                return _lines[k].Captions.Count == 0;
        }
        return false;
    }

    /// <summary>True for an empty blank that starts a printed line the layout broke before it (not after a break or a caption line).</summary>
    private bool WrappedBlank(Field f, int index)
    {
        if (!string.IsNullOrEmpty(f.Value) || index == 0 || _p.Inlines[index - 1] is LineBreak) return false;
        if (_pieces?[index] is not { Count: > 0 } pieces) return false;
        var lines = _lines;
        for (var k = 1; k < lines.Count; k++)
            if (lines[k].Segments.Count > 0 && ReferenceEquals(lines[k].Segments[0], pieces[0]))
                return lines[k - 1].Captions.Count == 0;
        return false;
    }

    /// <summary>The captions of a printed line as a paragraph of small text, each centred on a tab stop under its blank.</summary>
    private void CaptionParagraph(SetLine line, float spaceAfterPt, bool keepNext)
    {
        var captions = line.Captions;
        var tabs = new StringBuilder();
        foreach (var c in captions)
            tabs.Append("<w:tab w:val=\"center\" w:pos=\"")
                .Append(Units.PtToTwips(Math.Max(c.Width / 2f, c.CenterX)).ToString(CultureInfo.InvariantCulture)).Append("\"/>");
        var look = DocxLooks.Of(captions[0].Type);
        var x = _runs.Xml;
        x.Raw("<w:p>"u8);
        new DocxParagraphProperties
        {
            StyleId = DocxStyles.CaptionStyleId,
            KeepNext = keepNext,
            TabsXml = tabs.ToString(),
            SpaceAfterPt = spaceAfterPt,
            Mark = look,
        }.Write(_runs);
        foreach (var c in captions)
        {
            var own = DocxLooks.Of(c.Type);
            _runs.Tab(own);
            _runs.Text(c.Text, own);
        }
        x.Raw("</w:p>"u8);
    }
}
