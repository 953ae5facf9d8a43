using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using SkiaSharp;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// Draws one page of a laid-out document on a Skia canvas (the page images), in points: each piece (text, rule,
/// fill, figure) drawn with the typography the model carries, through the same <see cref="IPageCanvas"/> calls as
/// the PDF's page content (<see cref="Pdf.PdfPageContent"/>).
/// </summary>
internal sealed class PagePainter(FontLibrary fonts)
{
    public void Paint(SKCanvas canvas, LaidOutDocument document, int page, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var geometry = document.Source.Page;
        canvas.Save();
        canvas.Translate(geometry.MarginLeft, 0);
        using (var target = new SkiaPageCanvas(canvas, fonts))
            PagePieces.Draw(document.PiecesOn(page), target, cancellationToken);
        canvas.Restore();
    }

    /// <summary>A Skia canvas as a page canvas: its paints, fonts and glyph-run builder held for one page.</summary>
    private sealed class SkiaPageCanvas(SKCanvas canvas, FontLibrary fonts) : IPageCanvas, IDisposable
    {
        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly RulePaints _paints = new();
        private readonly FontCache _fontCache = new();
        private readonly TextBatch _texts = new();

        public void Texts(IReadOnlyList<Piece> pieces, int first, int last)
        {
            var t = (TextPiece)pieces[first];
            var color = ToSk(t.Type.Color);
            if (_ink.Color != color) _ink.Color = color;
            var font = _fontCache.Get(fonts.Get(t.Type.Face), t.Type.SizePt);
            // Texts that follow one another on one baseline in one type (a table row's cells) are one glyph run: a
            // run per cell was most of a large table's drawing.
            if (last > first && _texts.Draw(canvas, pieces, first, last, font, _ink))
                return;
            for (var j = first; j <= last; j++)
            {
                var one = (TextPiece)pieces[j];
                canvas.DrawText(one.Text, one.X, one.Baseline, SKTextAlign.Left, font, _ink);
            }
        }

        public void Rule(RulePiece r) => canvas.DrawLine(r.X1, r.Y1, r.X2, r.Y2, _paints.Get(r.WidthPt, r.Color, r.Dashed));

        public void Fill(FillPiece f)
        {
            using var fill = new SKPaint { Color = ToSk(f.Color), IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawRect(f.X, f.Y, f.Width, f.Height, fill);
        }

        public void Figure(FigurePiece f)
        {
            canvas.Save();
            canvas.Translate(f.X, f.Top);
            using (var art = new SkiaArtCanvas(canvas))
                f.Figure.Art.Draw(art, f.Figure.WidthPt, f.Figure.HeightPt);
            canvas.Restore();
        }

        public void Dispose()
        {
            _texts.Dispose();
            _fontCache.Dispose();
            _paints.Dispose();
            _ink.Dispose();
        }
    }

    private static SKColor ToSk(InkColor c) => new(c.R, c.G, c.B);

    /// <summary>
    /// Several texts on one baseline as one horizontal glyph run, each glyph where drawing the texts one by one puts
    /// it (the font's advances from each text's start).
    /// </summary>
    private sealed class TextBatch : IDisposable
    {
        private ushort[] _glyphs = new ushort[256];
        private float[] _xs = new float[256];
        private SKPoint[] _points = new SKPoint[64];
        private readonly SKTextBlobBuilder _builder = new();

        /// <returns>False when a text is not one glyph per UTF-16 unit (a surrogate pair): then it is drawn alone.</returns>
        public bool Draw(SKCanvas canvas, IReadOnlyList<Piece> pieces, int first, int last, SKFont font, SKPaint ink)
        {
            var count = 0;
            for (var j = first; j <= last; j++)
            {
                var text = ((TextPiece)pieces[j]).Text;
                foreach (var c in text)
                    if (char.IsSurrogate(c)) return false;
                count += text.Length;
            }
            if (count == 0) return true;
            if (_glyphs.Length < count)
            {
                _glyphs = new ushort[Math.Max(count, _glyphs.Length * 2)];
                _xs = new float[_glyphs.Length];
            }
            var at = 0;
            for (var j = first; j <= last; j++)
            {
                var t = (TextPiece)pieces[j];
                var n = t.Text.Length;
                if (n == 0) continue;
                if (_points.Length < n) _points = new SKPoint[Math.Max(n, _points.Length * 2)];
                var glyphs = _glyphs.AsSpan(at, n);
                font.GetGlyphs(t.Text.AsSpan(), glyphs);
                var points = _points.AsSpan(0, n);
                font.GetGlyphPositions(glyphs, points, new SKPoint(t.X, 0));
                for (var i = 0; i < n; i++) _xs[at + i] = points[i].X;
                at += n;
            }
            _builder.AddHorizontalRun(_glyphs.AsSpan(0, at), font, _xs.AsSpan(0, at), ((TextPiece)pieces[first]).Baseline);
            using var blob = _builder.Build();
            if (blob is not null)
                canvas.DrawText(blob, 0, 0, ink);
            return true;
        }

        public void Dispose() => _builder.Dispose();
    }

    /// <summary>Stroke paints of one paint call, by width, colour and dash: a page uses one or two.</summary>
    private sealed class RulePaints : IDisposable
    {
        private readonly List<(float Width, InkColor Color, bool Dashed, SKPaint Paint)> _paints = new(4);
        private SKPathEffect? _dash;

        public SKPaint Get(float width, InkColor color, bool dashed)
        {
            foreach (var (w, c, d, paint) in _paints)
                if (w == width && c == color && d == dashed)
                    return paint;
            var created = new SKPaint { Color = ToSk(color), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
            if (dashed)
                created.PathEffect = _dash ??= SKPathEffect.CreateDash(Pieces.Dash.ToArray(), 0);
            _paints.Add((width, color, dashed, created));
            return created;
        }

        public void Dispose()
        {
            foreach (var (_, _, _, paint) in _paints)
                paint.Dispose();
            _paints.Clear();
            _dash?.Dispose();
        }
    }

    /// <summary>
    /// The SKFonts of one paint call, by face and size: a page uses a handful, and a native SKFont per segment was a
    /// measurable share of a render. Disposed with the call (the typefaces belong to the font library).
    /// </summary>
    private sealed class FontCache : IDisposable
    {
        private readonly List<(FontFace Face, float Size, SKFont Font)> _fonts = new(8);

        public SKFont Get(FontFace face, float size)
        {
            foreach (var (f, s, font) in _fonts)
                if (ReferenceEquals(f, face) && s == size)
                    return font;
            var created = face.CreateFont(size);
            _fonts.Add((face, size, created));
            return created;
        }

        public void Dispose()
        {
            foreach (var (_, _, font) in _fonts)
                font.Dispose();
            _fonts.Clear();
        }
    }
}
