using System.Text;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// Writes the parts of a Word document as an OPC package: content types, relationships, the main document, styles,
/// settings, core properties, headers or footers and pictures, in a fixed order with fixed names, ids and times.
/// </summary>
internal static class DocxPackage
{
    public sealed record Image(string RelationshipId, string Target, byte[] Png);

    /// <summary>A header or footer part (<paramref name="Kind"/> "header" or "footer").</summary>
    public sealed record Margin(string RelationshipId, string Kind, string Target, string Xml);

    private static readonly byte[] DeclarationBytes = Encoding.UTF8.GetBytes(DocxZip.Declaration);

    private const string ContentTypesStart =
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Default Extension=\"png\" ContentType=\"image/png\"/>" +
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
        "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>" +
        "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>" +
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>";

    private const string PackageRelationships =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rIdMain\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>" +
        "<Relationship Id=\"rIdCore\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>" +
        "</Relationships>";

    // Word 2013 and later lay the document out by their own rules (tables placed by their cell edges, for one),
    // not in a compatibility mode; a half-inch default tab grid as Word's templates have.
    private const string Settings =
        "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
        "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>" +
        "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>" +
        "</w:settings>";

    /// <param name="parts">Parts deflated before, by their text (each is written after the XML declaration).</param>
    public static byte[] Write(DocxXml document, string stylesXml, string coreXml, IReadOnlyList<Image> images, IReadOnlyList<Margin> margins,
        DocxZip.Cache parts, DocxXml sourceXml)
    {
        var contentTypes = new StringBuilder(ContentTypesStart);
        foreach (var m in margins)
            contentTypes.Append("<Override PartName=\"/word/").Append(m.Target)
                .Append("\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.").Append(m.Kind).Append("+xml\"/>");
        contentTypes.Append("</Types>");

        var relationships = new StringBuilder()
            .Append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
            .Append("<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
            .Append("<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>")
            .Append("<Relationship Id=\"rIdSource\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml\" Target=\"../").Append(DocxSource.PartName).Append("\"/>");
        foreach (var image in images)
            relationships.Append("<Relationship Id=\"").Append(image.RelationshipId)
                .Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"")
                .Append(image.Target).Append("\"/>");
        foreach (var m in margins)
            relationships.Append("<Relationship Id=\"").Append(m.RelationshipId)
                .Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/").Append(m.Kind).Append("\" Target=\"")
                .Append(m.Target).Append("\"/>");
        relationships.Append("</Relationships>");

        // Room for the package as deflated (a large table's part deflates to a thirtieth or less, the payload carried
        // to a tenth), kept under the size of the large-object heap unless pictures make it larger.
        var zip = new DocxZip(8 * 1024 + Math.Min(document.Utf8.Length / 32 + sourceXml.Length / 10, 64 * 1024) + images.Sum(i => i.Png.Length));
        zip.Add("[Content_Types].xml", parts.Of(contentTypes.ToString()));
        zip.Add("_rels/.rels", parts.Of(PackageRelationships));
        zip.Add("word/document.xml", DeclarationBytes, document.Utf8);
        zip.Add("word/_rels/document.xml.rels", parts.Of(relationships.ToString()));
        zip.Add("word/styles.xml", parts.Of(stylesXml));
        zip.Add("word/settings.xml", parts.Of(Settings));
        foreach (var m in margins)
            zip.Add("word/" + m.Target, parts.Of(m.Xml));
        zip.Add("docProps/core.xml", parts.Of(coreXml));
        zip.Add(DocxSource.PartName, [], sourceXml.Utf8);
        foreach (var image in images)
            zip.Add("word/" + image.Target, DocxZip.Deflate(image.Png, stored: true));
        return zip.Finish();
    }
}
