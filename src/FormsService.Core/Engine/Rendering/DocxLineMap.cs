using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>A place in a paragraph's inlines: before character <see cref="Offset"/> of inline <see cref="Inline"/>.</summary>
internal readonly record struct InlinePosition(int Inline, int Offset) : IComparable<InlinePosition>
{
    public int CompareTo(InlinePosition other) => Inline != other.Inline ? Inline.CompareTo(other.Inline) : Offset.CompareTo(other.Offset);
}

/// <summary>
/// Reads a laid-out paragraph back onto its model: where in the inlines each printed line ends, and which pieces each
/// field was laid out in. Lines are matched by their letters (white space aside), so runs merged or cut by the line
/// breaker map back exactly.
/// </summary>
internal sealed class DocxLineMap
{
    private readonly IReadOnlyList<Inline> _inlines;
    private int _i;
    private int _c;

    private DocxLineMap(IReadOnlyList<Inline> inlines)
    {
        _inlines = inlines;
        Pieces = new List<FieldSegment>?[inlines.Count];
    }

    /// <summary>Where each line ends, in the model: the position right after its last piece.</summary>
    public InlinePosition[] LineEnds { get; private set; } = [];

    /// <summary>For each inline that is a field, the pieces it was laid out in (one per line it reaches).</summary>
    public List<FieldSegment>?[] Pieces { get; }

    public static DocxLineMap Of(LaidOutParagraph paragraph)
    {
        var map = new DocxLineMap(paragraph.Source.Inlines);
        var ends = new InlinePosition[paragraph.Lines.Count];
        for (var k = 0; k < paragraph.Lines.Count; k++)
        {
            foreach (var segment in paragraph.Lines[k].Segments)
            {
                if (segment is FieldSegment f)
                    map.ConsumeField(f);
                else
                    map.ConsumeText(segment.Text);
            }
            ends[k] = map.Position();
        }
        map.LineEnds = ends;
        return map;
    }

    private void ConsumeField(FieldSegment piece)
    {
        while (_i < _inlines.Count && _inlines[_i] is not Field)
            Next();
        if (_i >= _inlines.Count)
            return;
        (Pieces[_i] ??= []).Add(piece);
        var value = ((Field)_inlines[_i]).Value ?? "";
        foreach (var ch in piece.Text)
        {
            if (ch == ' ') continue;
            while (_c < value.Length && value[_c] == ' ') _c++;
            _c++;
        }
        if (_c >= value.Length)
            Next();
    }

    private void ConsumeText(string text)
    {
        foreach (var ch in text)
        {
            if (ch == ' ') continue;
            while (_i < _inlines.Count)
            {
                if (_inlines[_i] is TextRun run)
                {
                    while (_c < run.Text.Length && run.Text[_c] == ' ') _c++;
                    if (_c < run.Text.Length) break;
                }
                else if (_inlines[_i] is Field)
                {
                    // Text never stands for a field; the layout and the model disagree: stop here rather than run on.
                    return;
                }
                Next();
            }
            _c++;
        }
    }

    private void Next()
    {
        _i++;
        _c = 0;
    }

    /// <summary>The current place, moved past the white space that ends a text run (a line never ends with it).</summary>
    private InlinePosition Position()
    {
        if (_i < _inlines.Count && _inlines[_i] is TextRun run && run.Text.AsSpan(_c).IsWhiteSpace())
            return new InlinePosition(_i + 1, 0);
        return new InlinePosition(_i, _c);
    }
}
