using FormsService.Core.Engine.Layout;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// A target a page is drawn on, piece by piece: the PDF's page content and Skia's page images implement it, as
/// figures draw on <see cref="IArtCanvas"/>. Which piece is which is decided once, by <see cref="PagePieces"/>.
/// </summary>
internal interface IPageCanvas
{
    /// <summary>
    /// Texts <paramref name="first"/> to <paramref name="last"/> of <paramref name="pieces"/>: one after another on one
    /// baseline in one type (a table row's cells), which a target may draw as one run.
    /// </summary>
    void Texts(IReadOnlyList<Piece> pieces, int first, int last);
    void Rule(RulePiece rule);
    void Fill(FillPiece fill);
    void Figure(FigurePiece figure);
}

/// <summary>Draws a page's pieces on any <see cref="IPageCanvas"/>: the one mapping from a piece to a drawing call.</summary>
internal static class PagePieces
{
    public static void Draw(IReadOnlyList<Piece> pieces, IPageCanvas canvas, CancellationToken cancellationToken = default)
    {
        for (var k = 0; k < pieces.Count; k++)
        {
            // A 600 dpi preview spends a good part of its time here: a cancelled one stops within a few dozen pieces.
            if (((k + 1) & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
            switch (pieces[k])
            {
                case TextPiece t:
                    var last = k;
                    while (last + 1 < pieces.Count && pieces[last + 1] is TextPiece next && next.Baseline == t.Baseline && next.Type == t.Type)
                        last++;
                    canvas.Texts(pieces, k, last);
                    k = last;
                    break;
                case RulePiece r:
                    canvas.Rule(r);
                    break;
                case FillPiece f:
                    canvas.Fill(f);
                    break;
                case FigurePiece f:
                    canvas.Figure(f);
                    break;
            }
        }
    }
}
