using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// Translates the document model into a normal, editable Word document that Word reflows: one Word paragraph per
/// model paragraph with real runs, blanks as underlined runs and leader tabs, captions under their blanks, lines of
/// captioned blanks as borderless tables. It reads the model, block by block, and of the layout only the facts the
/// layout recorded (where a printed line of blanks ends, how wide a blank was drawn, where its caption sits); it
/// measures nothing and decides nothing the builder decided.
/// </summary>
internal sealed class DocxRenderer
{
    // Parts that depend only on the form version: made once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Catalog.TextStyles Styles, string Language), string> _styles = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DocumentInfo, string> _core = new();
    private readonly DocxZip.Cache _parts = new(limit: 512);

    /// <param name="payloadJson">
    /// The payload as bound, carried in the document (a custom XML part) so that a filled document reads back whole;
    /// null for a blank.
    /// </param>
    public byte[] Render(LaidOutDocument document, byte[]? payloadJson = null) => Render(document.Source, document.Facts, payloadJson);

    internal byte[] Render(Document source, LayoutFacts facts, byte[]? payloadJson)
    {
        var looks = new DocxLooks(source.Styles);
        using var x = new DocxXml(64 * 1024, pooled: true);
        x.Raw("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"")
            .Raw(" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"")
            .Raw(" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"")
            .Raw(" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"")
            .Raw(" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>");
        var body = new DocxBody(x, looks, source.Page, source.FieldLabels, facts);
        foreach (var block in source.Blocks)
            body.Write(block);
        body.Finish();
        var margins = DocxMargins.Parts(source, facts, looks);
        DocxSection.Write(x, source.Page, margins);
        x.Raw("</w:body></w:document>");
        // The package is written directly, with fixed ids, names and times: the same document gives the same bytes.
        var styles = _styles.GetOrAdd((source.Styles, source.Info.Language), key => DocxStyles.Xml(looks.Family, key.Styles, LanguageTag(key.Language)));
        using var sourceXml = new DocxXml(512 + (payloadJson?.Length ?? 0), pooled: true);
        DocxSource.Write(sourceXml, source.Info, payloadJson);
        return DocxPackage.Write(x, styles, _core.GetOrAdd(source.Info, CoreXml), body.Images, margins.Select(m => m.Part).ToList(), _parts,
            sourceXml);
    }

    private static string CoreXml(DocumentInfo info)
    {
        var dc = System.Xml.Linq.XNamespace.Get("http://purl.org/dc/elements/1.1/");
        var cp = System.Xml.Linq.XNamespace.Get("http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
        return new System.Xml.Linq.XElement(cp + "coreProperties",
            new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "cp", cp),
            new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "dc", dc),
            new System.Xml.Linq.XElement(dc + "title", info.Title),
            new System.Xml.Linq.XElement(dc + "subject", info.Subject),
            new System.Xml.Linq.XElement(dc + "creator", "FormsService"),
            new System.Xml.Linq.XElement(dc + "language", LanguageTag(info.Language))).ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
    }

    private static string LanguageTag(string language) => language switch
    {
        "kk" => "kk-KZ",
        "ru" => "ru-RU",
        _ => language,
    };
}
