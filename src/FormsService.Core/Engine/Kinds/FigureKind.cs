using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>
/// Vector art a form's module draws (<c>{ "figure": "id", "widthMm": ..., "heightMm": ... }</c>), placed in the flow,
/// centred; in Word, its PNG in a centred paragraph.
/// </summary>
internal sealed class FigureKind : BlockKind<FigureTemplate, Figure>
{
    public override string Key => "figure";

    protected override FigureTemplate ParseTemplate(JsonElement block, JsonElement value, TemplateParser parser, string at)
    {
        var id = parser.String(value, at + ".figure");
        if (!parser.KnownFigures.Contains(id))
            throw parser.Error(at + ".figure", $"unknown figure '{id}'; known: {string.Join(", ", parser.KnownFigures)}.");
        return new FigureTemplate(id, parser.Number(block, "widthMm", at, 0), parser.Number(block, "heightMm", at, 0),
            parser.Number(block, "spaceBeforePt", at, 0), parser.Number(block, "spaceAfterPt", at, 0));
    }

    protected override Figure Build(FigureTemplate f, BuildContext context) =>
        new(context.Figures[f.FigureId].Create(context.Definition, context.View), Units.MmToPt(f.WidthMm), Units.MmToPt(f.HeightMm),
            f.SpaceBeforePt, f.SpaceAfterPt);

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
