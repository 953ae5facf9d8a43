using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>Vector art placed in the flow, centred; in Word, its PNG in a centred paragraph.</summary>
internal sealed class FigureKind : BlockKind<Figure>
{
    protected override LaidOutBlock Layout(Figure f, LayoutContext context)
    {
        var (page, top) = context.Flow.Place(f.HeightPt, f.SpaceBeforePt);
        context.Flow.Advance(f.HeightPt + f.SpaceAfterPt);
        return new LaidOutFigure(f, page, (context.Page.ContentWidth - f.WidthPt) / 2f, top);
    }

    protected override void WriteDocx(Figure f, DocxBody body)
    {
        body.BeforeParagraph();
        var index = body.Images.Count + 1;
        var image = new DocxPackage.Image($"rIdFigure{index}", $"media/figure{index}.png", f.Art.ToPng(f.WidthPt, f.HeightPt, DocxFigure.Dpi));
        body.Images.Add(image);
        body.Runs.Xml.Raw(DocxFigure.Paragraph(f, index, image.RelationshipId, body.TakePageBreak()).OuterXml);
    }
}
