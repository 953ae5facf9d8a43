using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Modules;

/// <summary>
/// A figure alone on a page of its own size, through the same model, layout and PDF writer (fonts subset by the
/// same cache) as every form: artwork exported at real size is one more document, not a second pipeline.
/// </summary>
internal sealed class FigureDocuments
{
    private readonly LayoutEngine _layout;
    private readonly PdfRenderer _pdf;

    internal FigureDocuments(LayoutEngine layout, PdfRenderer pdf)
    {
        _layout = layout;
        _pdf = pdf;
    }

    public byte[] Pdf(IFigureArt art, float widthPt, float heightPt, DocumentInfo info, CancellationToken cancellationToken = default)
    {
        var page = new PageGeometry(widthPt, heightPt, 0, 0, 0, 0);
        var document = new Document(info, page, new Catalog.TextStyles(), [new Figure(art, widthPt, heightPt, 0, 0)]);
        return _pdf.Render(_layout.Layout(document, cancellationToken), cancellationToken);
    }
}
