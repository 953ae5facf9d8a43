using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>The dashed line the tear-off part is cut along, its label centred on it: <c>{ "cutLine": "label" }</c>.</summary>
internal sealed class CutLineKind : BlockKind<CutLineTemplate, CutLine>
{
    public override string Key => "cutLine";

    protected override CutLineTemplate ParseTemplate(JsonElement block, JsonElement value, TemplateParser parser, string at) =>
        new(parser.String(value, at + ".cutLine"), parser.Number(block, "spaceBeforePt", at, 0), parser.Number(block, "spaceAfterPt", at, 0));

    protected override CutLine Build(CutLineTemplate c, BuildContext context) => new(c.Label, context.Scale.CutLabel, c.SpaceBeforePt, c.SpaceAfterPt);

    protected override LaidOutBlock Layout(CutLine c, LayoutContext context)
    {
        var size = c.Type.SizePt;
        var face = context.Fonts.Get(c.Type.Face);
        var height = HeightOf(c);
        var (pageIndex, top) = context.Flow.Place(height, c.SpaceBeforePt);
        context.Flow.Advance(height + c.SpaceAfterPt);
        var labelWidth = face.Measure(c.Label, size);
        var baseline = top + height / 2f + (face.Ascent - face.Descent) * size / 2f;
        var width = context.Page.ContentWidth;
        return new LaidOutCutLine(c, pageIndex, top, height, baseline, (width - labelWidth) / 2f, labelWidth, width);
    }

    protected override void WriteDocx(CutLine c, DocxBody body)
    {
        body.BeforeParagraph();
        DocxCutLine.Write(body.Runs, c, HeightOf(c), body.Page.ContentWidth, body.TakePageBreak());
    }

    /// <summary>A cut line's height: its label's size and a half again (a rule of the layout, not of any font).</summary>
    private static float HeightOf(CutLine c) => c.Type.SizePt * 1.6f;
}
