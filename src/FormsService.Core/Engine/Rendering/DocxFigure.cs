using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FormsService.Core.Engine.Model;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace FormsService.Core.Engine.Rendering;

/// <summary>A figure in a DOCX: its art as an embedded PNG picture, inline in a centred paragraph.</summary>
internal static class DocxFigure
{
    public const int Dpi = 200;
    private const long EmuPerPoint = 12700;

    public static DocumentFormat.OpenXml.Wordprocessing.Paragraph Paragraph(Figure figure, int index, string relId, bool pageBreakBefore)
    {
        var cx = (long)(figure.WidthPt * EmuPerPoint);
        var cy = (long)(figure.HeightPt * EmuPerPoint);
        var name = $"Figure {index}";

        var drawing = new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = (UInt32Value)(uint)index, Name = name, Description = figure.Art.Description },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(
                    new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = (UInt32Value)(uint)index, Name = name + ".png", Description = figure.Art.Description },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(
                                new A.Blip { Embed = relId },
                                new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            });

        var props = new ParagraphProperties(
                new SpacingBetweenLines
                {
                    Before = Units.PtToTwips(figure.SpaceBeforePt).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    After = Units.PtToTwips(figure.SpaceAfterPt).ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                new Justification { Val = JustificationValues.Center });
        if (pageBreakBefore)
            props.PrependChild(new PageBreakBefore());
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(props, new Run(drawing));
    }
}
