using System.Buffers;
using System.Numerics;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;

namespace FormsService.Core.Engine.Rendering;

/// <summary>Which characters each face draws in a document: what its font subsets must hold.</summary>
internal static class GlyphUsage
{
    /// <summary>For each face the document draws with, its code points sorted ascending, without duplicates.</summary>
    public static Dictionary<FontFace, int[]> Collect(LaidOutDocument document, FontLibrary fonts)
    {
        var sets = new Dictionary<FontFace, CodepointSet>();
        try
        {
            void Add(FontFace face, string text)
            {
                if (!sets.TryGetValue(face, out var set))
                    sets[face] = set = new CodepointSet();
                set.Add(text);
            }
            // The same pieces the painters draw, through the same canvas calls: a block kind cannot draw text its
            // subsets miss.
            var collector = new Collector(fonts, Add);
            for (var page = 0; page < Math.Max(1, document.PageCount); page++)
                PagePieces.Draw(document.PiecesOn(page), collector);
            var usage = new Dictionary<FontFace, int[]>(sets.Count);
            foreach (var (face, set) in sets)
                usage[face] = set.ToSortedArray();
            return usage;
        }
        finally
        {
            foreach (var set in sets.Values)
                set.Return();
        }
    }

    /// <summary>A page canvas that draws nothing and notes the text of every piece that draws any.</summary>
    private sealed class Collector(FontLibrary fonts, Action<FontFace, string> add) : IPageCanvas
    {
        public void Texts(IReadOnlyList<Piece> pieces, int first, int last)
        {
            for (var k = first; k <= last; k++)
            {
                var t = (TextPiece)pieces[k];
                add(fonts.Get(t.Type.Face), t.Text);
            }
        }

        public void Rule(RulePiece rule) { }

        public void Fill(FillPiece fill) { }

        public void Figure(FigurePiece figure)
        {
            if (figure.Figure.Art is not ITextArt art) return;
            foreach (var (face, text) in art.Texts(fonts))
                add(face, text);
        }
    }

    /// <summary>A set of code points: a pooled bitmap for the BMP, a list for the rest (rare).</summary>
    private sealed class CodepointSet
    {
        private const int Words = 0x10000 / 64;
        private ulong[]? _bmp = ArrayPool<ulong>.Shared.Rent(Words);
        private List<int>? _astral;
        private int _count;

        public CodepointSet() => Array.Clear(_bmp!, 0, Words);

        public void Add(string text)
        {
            var bmp = _bmp!;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length)
                {
                    var cp = char.ConvertToUtf32(c, text[i + 1]);
                    i++;
                    _astral ??= [];
                    if (!_astral.Contains(cp))
                    {
                        _astral.Add(cp);
                        _count++;
                    }
                    continue;
                }
                ref var word = ref bmp[c >> 6];
                var bit = 1UL << (c & 63);
                if ((word & bit) == 0)
                {
                    word |= bit;
                    _count++;
                }
            }
        }

        public int[] ToSortedArray()
        {
            var result = new int[_count];
            var n = 0;
            var bmp = _bmp!;
            for (var w = 0; w < Words; w++)
            {
                var word = bmp[w];
                while (word != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(word);
                    result[n++] = (w << 6) | bit;
                    word &= word - 1;
                }
            }
            if (_astral is not null)
            {
                _astral.Sort();
                foreach (var cp in _astral)
                    result[n++] = cp;
            }
            return result;
        }

        public void Return()
        {
            if (_bmp is not null)
                ArrayPool<ulong>.Shared.Return(_bmp);
            _bmp = null;
        }
    }
}

/// <summary>Figure art that draws text: tells the PDF renderer which glyphs its subsets must hold.</summary>
internal interface ITextArt
{
    IEnumerable<(FontFace Face, string Text)> Texts(FontLibrary fonts);
}
