using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Layout;

/// <summary>
/// What a page is drawn from: text at a baseline, a rule, a filled box, a figure. Every laid-out block reduces to
/// these, so the painter has one mapping per piece and a new block kind needs none.
/// </summary>
internal abstract record Piece(int Page);

internal sealed record TextPiece(int Page, float X, float Baseline, string Text, Typography Type) : Piece(Page);

internal sealed record RulePiece(int Page, float X1, float Y1, float X2, float Y2, float WidthPt, InkColor Color, bool Dashed) : Piece(Page);

internal sealed record FillPiece(int Page, float X, float Y, float Width, float Height, InkColor Color) : Piece(Page);

internal sealed record FigurePiece(int Page, float X, float Top, Figure Figure) : Piece(Page);

internal static class Pieces
{
    /// <summary>Underlines of blanks and the cut line's dashes.</summary>
    public const float RuleWidth = 0.6f;

    /// <summary>A dashed rule's pattern: 4 pt drawn, 3 pt gap, from the rule's start.</summary>
    public static ReadOnlySpan<float> Dash => [4f, 3f];
}
