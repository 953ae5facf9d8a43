using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering.Pdf;

/// <summary>
/// Writes one page's pieces as PDF content, through the same <see cref="IPageCanvas"/> calls as the page images: one
/// operator group per piece, each with the typography and ink the piece carries, in drawing order, setting a state
/// (colour, font, line width, dash) only when it changes. Layout measures X from the left margin and Y down from the
/// top edge; PDF measures up from the bottom-left corner.
/// </summary>
internal sealed class PdfPageContent(FontLibrary fonts, IReadOnlyDictionary<FontFace, PdfFontResource> resources, PdfGraphicStates states)
{
    public void Write(PdfBuffer content, LaidOutDocument document, int page)
    {
        var target = new Canvas(content, document.Source.Page, fonts, resources, states);
        PagePieces.Draw(document.PiecesOn(page), target);
        EndText(content, ref target.InText);
    }

    /// <summary>The page's content stream as a page canvas, with the graphics state it has set so far.</summary>
    private sealed class Canvas(PdfBuffer content, PageGeometry geometry, FontLibrary fonts,
        IReadOnlyDictionary<FontFace, PdfFontResource> resources, PdfGraphicStates states) : IPageCanvas
    {
        private readonly float _left = geometry.MarginLeft;
        private readonly float _height = geometry.Height;
        public bool InText;
        private InkColor? _fill, _stroke;
        private float _lineWidth = -1f;
        private bool? _dashed;
        private PdfFontResource? _font;
        private float _fontSize = -1f;
        // The start of the current text line, in thousandths of a point. A piece on the same baseline moves from the
        // last one ("dx 0 Td": a table row's cells compress to almost nothing); one on a new baseline is placed
        // absolutely (Tm), because readers add relative moves in floating point, and pieces of one printed line must
        // come out on exactly one baseline for text extraction to keep them in order.
        private long _lineX, _lineY;
        private bool _placed;

        public void Texts(IReadOnlyList<Piece> pieces, int first, int last)
        {
            for (var k = first; k <= last; k++)
                Text((TextPiece)pieces[k]);
        }

        private void Text(TextPiece t)
        {
            if (t.Text.Length == 0) return;
            if (!InText)
            {
                content.Raw("BT\n"u8);
                InText = true;
                _placed = false;
            }
            if (_fill != t.Type.Color)
            {
                Color(content, t.Type.Color).Raw(" rg\n"u8);
                _fill = t.Type.Color;
            }
            var resource = resources[fonts.Get(t.Type.Face)];
            if (!ReferenceEquals(_font, resource) || _fontSize != t.Type.SizePt)
            {
                content.Byte((byte)'/').Ascii(resource.Name).Byte((byte)' ').Number(t.Type.SizePt).Raw(" Tf\n"u8);
                _font = resource;
                _fontSize = t.Type.SizePt;
            }
            var x = PdfBuffer.ToThousandths(_left + t.X);
            var y = PdfBuffer.ToThousandths(_height - t.Baseline);
            if (_placed && y == _lineY)
                content.Thousandths(x - _lineX).Raw(" 0 Td <"u8);
            else
                content.Raw("1 0 0 1 "u8).Thousandths(x).Byte((byte)' ').Thousandths(y).Raw(" Tm <"u8);
            _placed = true;
            _lineX = x;
            _lineY = y;
            resource.WriteGlyphs(content, t.Text);
            content.Raw("> Tj\n"u8);
        }

        public void Rule(RulePiece r)
        {
            EndText(content, ref InText);
            if (_stroke != r.Color)
            {
                Color(content, r.Color).Raw(" RG\n"u8);
                _stroke = r.Color;
            }
            if (_lineWidth != r.WidthPt)
            {
                content.Number(r.WidthPt).Raw(" w\n"u8);
                _lineWidth = r.WidthPt;
            }
            if (_dashed != r.Dashed)
            {
                if (r.Dashed)
                {
                    content.Byte((byte)'[');
                    var dash = Pieces.Dash;
                    for (var i = 0; i < dash.Length; i++)
                    {
                        if (i > 0) content.Byte((byte)' ');
                        content.Number(dash[i]);
                    }
                    content.Raw("] 0 d\n"u8);
                }
                else
                    content.Raw("[] 0 d\n"u8);
                _dashed = r.Dashed;
            }
            content.Number(_left + r.X1).Byte((byte)' ').Number(_height - r.Y1).Raw(" m "u8)
                .Number(_left + r.X2).Byte((byte)' ').Number(_height - r.Y2).Raw(" l S\n"u8);
        }

        public void Fill(FillPiece f)
        {
            EndText(content, ref InText);
            if (_fill != f.Color)
            {
                Color(content, f.Color).Raw(" rg\n"u8);
                _fill = f.Color;
            }
            content.Number(_left + f.X).Byte((byte)' ').Number(_height - f.Y - f.Height).Byte((byte)' ')
                .Number(f.Width).Byte((byte)' ').Number(f.Height).Raw(" re f\n"u8);
        }

        public void Figure(FigurePiece f)
        {
            EndText(content, ref InText);
            // The art draws in Skia's orientation; the saved state restores the page's own afterwards.
            content.Raw("q 1 0 0 -1 "u8).Number(_left + f.X).Byte((byte)' ').Number(_height - f.Top).Raw(" cm\n"u8);
            f.Figure.Art.Draw(new PdfArtCanvas(content, resources, states), f.Figure.WidthPt, f.Figure.HeightPt);
            content.Raw("Q\n"u8);
        }
    }

    private static void EndText(PdfBuffer content, ref bool inText)
    {
        if (!inText) return;
        content.Raw("ET\n"u8);
        inText = false;
    }

    private static PdfBuffer Color(PdfBuffer content, InkColor c) =>
        content.Number(c.R / 255f).Byte((byte)' ').Number(c.G / 255f).Byte((byte)' ').Number(c.B / 255f);
}

/// <summary>A font subset as one file names it: its resource name on the pages and its objects.</summary>
internal sealed record PdfFontResource(string Name, FontSubset Subset, PdfFontProgram Program, int Type0Object)
{
    /// <summary>The text's glyph ids in this subset, as the hex digits of a two-byte (Identity-H) string.</summary>
    public void WriteGlyphs(PdfBuffer content, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                cp = char.ConvertToUtf32(text[i], text[++i]);
            content.Hex4(Subset.GlyphOf(cp));
        }
    }
}
