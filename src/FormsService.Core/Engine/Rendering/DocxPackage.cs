using System.IO.Compression;
using System.Text;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// Writes the parts of a Word document as an OPC package: content types, relationships, the main document, styles,
/// core properties and pictures, in a fixed order with fixed names, ids and times.
/// </summary>
internal static class DocxPackage
{
    public sealed record Image(string RelationshipId, string Target, byte[] Png);

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string ContentTypes =
        Declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Default Extension=\"png\" ContentType=\"image/png\"/>" +
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
        "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>" +
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>" +
        "</Types>";

    private const string PackageRelationships =
        Declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rIdMain\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>" +
        "<Relationship Id=\"rIdCore\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>" +
        "</Relationships>";

    public static byte[] Write(string documentXml, string stylesXml, string coreXml, IReadOnlyList<Image> images)
    {
        var relationships = new StringBuilder(Declaration)
            .Append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
            .Append("<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        foreach (var image in images)
            relationships.Append("<Relationship Id=\"").Append(image.RelationshipId)
                .Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"")
                .Append(image.Target).Append("\"/>");
        relationships.Append("</Relationships>");

        using var output = new MemoryStream(16 * 1024);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", ContentTypes);
            Text(zip, "_rels/.rels", PackageRelationships);
            Text(zip, "word/document.xml", Declaration + documentXml);
            Text(zip, "word/_rels/document.xml.rels", relationships.ToString());
            Text(zip, "word/styles.xml", Declaration + stylesXml);
            Text(zip, "docProps/core.xml", Declaration + coreXml);
            foreach (var image in images)
                Bytes(zip, "word/" + image.Target, image.Png, CompressionLevel.NoCompression);
        }
        return output.ToArray();
    }

    private static void Text(ZipArchive zip, string name, string text) =>
        Bytes(zip, name, Encoding.UTF8.GetBytes(text), CompressionLevel.Fastest);

    private static void Bytes(ZipArchive zip, string name, byte[] bytes, CompressionLevel level)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = Epoch;
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
