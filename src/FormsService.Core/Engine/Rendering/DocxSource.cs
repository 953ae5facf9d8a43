using System.IO.Compression;
using System.Text;
using System.Xml;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// What a Word document of this service says about itself, and what a clerk typed into it: the custom XML part that
/// names its form and version and carries the payload it was made from, and the content controls tagged with payload
/// paths. Read as a stream with bounds: a document of any shape is read or refused, never trusted.
/// </summary>
internal static class DocxSource
{
    public const string Namespace = "urn:formsservice:document";
    internal const string PartName = "customXml/item1.xml";
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The most a part may inflate to when read back; a Word document of a form is far smaller.</summary>
    private const long PartLimit = 32L * 1024 * 1024;

    /// <summary>
    /// The part, declaration first, written into <paramref name="x"/>. The payload's JSON is escaped as UTF-8 bytes,
    /// never decoded: a large table's payload as strings was most of a Word render's memory and sent it through
    /// collections of the large-object heap.
    /// </summary>
    internal static void Write(DocxXml x, DocumentInfo info, byte[]? payloadJson)
    {
        x.Raw(DocxZip.Declaration)
            .Raw("<fs:document xmlns:fs=\"").Raw(Namespace).Raw("\" form=\"").Raw(Escape(info.FormId))
            .Raw("\" version=\"").Raw(Escape(info.Version)).Raw("\" language=\"").Raw(Escape(info.Language)).Raw("\">");
        if (payloadJson is not null)
        {
            x.Raw("<fs:payload>"u8);
            EscapeUtf8(x, payloadJson);
            x.Raw("</fs:payload>"u8);
        }
        x.Raw("</fs:document>"u8);
    }

    /// <summary>
    /// The characters <see cref="System.Security.SecurityElement.Escape"/> escapes, escaped the same way in UTF-8:
    /// each is one ASCII byte, and no byte of a multi-byte sequence is below 0x80. A byte at a time: JSON has a quote
    /// every few bytes, too often for a search between them to pay.
    /// </summary>
    private static void EscapeUtf8(DocxXml x, ReadOnlySpan<byte> text)
    {
        var escapes = text.Count((byte)'"') + text.Count((byte)'\'') + text.Count((byte)'&') + text.Count((byte)'<') + text.Count((byte)'>');
        var to = x.Free(text.Length + 5 * escapes);
        var n = 0;
        foreach (var b in text)
        {
            var entity = b switch
            {
                (byte)'"' => "&quot;"u8,
                (byte)'\'' => "&apos;"u8,
                (byte)'&' => "&amp;"u8,
                (byte)'<' => "&lt;"u8,
                (byte)'>' => "&gt;"u8,
                _ => default,
            };
            if (entity.IsEmpty)
            {
                to[n++] = b;
                continue;
            }
            entity.CopyTo(to[n..]);
            n += entity.Length;
        }
        x.Advance(n);
    }

    private static string Escape(string s) => System.Security.SecurityElement.Escape(s) ?? "";

    /// <summary>A content control as read: its tag and the text it holds (trimmed; empty when only its placeholder shows).</summary>
    public sealed record Control(string Tag, string Text);

    /// <summary>What a Word document holds: its source (when it is this service's) and its tagged controls in document order.</summary>
    public sealed record Content(string? FormId, string? Version, string? PayloadJson, IReadOnlyList<Control> Controls)
    {
        /// <summary>The document's language as it names it; null in a document that does not (one made before documents had a language: Kazakh).</summary>
        public string? Language { get; init; }
    }

    /// <summary>Reads a DOCX; null when it is not a readable Word document (not a ZIP, no main part, broken XML, too large).</summary>
    public static Content? Read(Stream docx)
    {
        try
        {
            using var zip = new ZipArchive(docx, ZipArchiveMode.Read, leaveOpen: true);
            var main = zip.GetEntry("word/document.xml");
            if (main is null || main.Length > PartLimit) return null;
            string? form = null, version = null, payload = null, language = null;
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.StartsWith("customXml/", StringComparison.Ordinal) || !entry.FullName.EndsWith(".xml", StringComparison.Ordinal)
                    || entry.FullName.Contains("/_rels/", StringComparison.Ordinal) || entry.Length > PartLimit)
                    continue;
                using var s = entry.Open();
                if (ReadSource(s) is { } found)
                {
                    (form, version, payload, language) = found;
                    break;
                }
            }
            using var body = main.Open();
            return new Content(form, version, payload, Controls(body)) { Language = language };
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersInDocument = PartLimit,
    };

    private static (string? Form, string? Version, string? Payload, string? Language)? ReadSource(Stream part)
    {
        using var r = XmlReader.Create(part, Settings);
        if (r.MoveToContent() != XmlNodeType.Element || r.LocalName != "document" || r.NamespaceURI != Namespace)
            return null;
        var form = r.GetAttribute("form");
        var version = r.GetAttribute("version");
        var language = r.GetAttribute("language");
        string? payload = null;
        while (r.Read())
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "payload" && r.NamespaceURI == Namespace)
            {
                payload = r.ReadElementContentAsString();
                break;
            }
        return (form, version, payload, language);
    }

    /// <summary>Every tagged content control, with the text of its content (tabs and breaks read as spaces).</summary>
    private static List<Control> Controls(Stream main)
    {
        var controls = new List<Control>();
        using var r = XmlReader.Create(main, Settings);
        // The controls open at this moment, innermost last: text belongs to each of them.
        var open = new List<(int Depth, string? Tag, StringBuilder Text, bool InContent)>();
        var inText = false;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element && r.NamespaceURI == W)
            {
                switch (r.LocalName)
                {
                    case "sdt":
                        if (!r.IsEmptyElement) open.Add((r.Depth, null, new StringBuilder(), false));
                        break;
                    case "tag" when open.Count > 0 && !open[^1].InContent:
                        open[^1] = open[^1] with { Tag = r.GetAttribute("val", W) };
                        break;
                    case "sdtContent" when open.Count > 0:
                        open[^1] = open[^1] with { InContent = true };
                        break;
                    case "t" when open.Count > 0 && !r.IsEmptyElement:
                        inText = true;
                        break;
                    case "tab" or "br" or "cr" or "ptab" when open.Count > 0:
                        foreach (var c in open) if (c.InContent) c.Text.Append(' ');
                        break;
                }
            }
            else if (inText && r.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                foreach (var c in open) if (c.InContent) c.Text.Append(r.Value);
            }
            else if (r.NodeType == XmlNodeType.EndElement && r.NamespaceURI == W && r.LocalName == "t")
            {
                inText = false;
            }
            else if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "sdt" && r.NamespaceURI == W)
            {
                Close(r, open, controls);
            }
        }
        return controls;
    }

    private static void Close(XmlReader r, List<(int Depth, string? Tag, StringBuilder Text, bool InContent)> open, List<Control> controls)
    {
        if (open.Count == 0 || open[^1].Depth != r.Depth) return;
        var c = open[^1];
        open.RemoveAt(open.Count - 1);
        if (c.Tag is not null)
            controls.Add(new Control(c.Tag, PayloadValues.Normalize(c.Text.ToString())));
    }
}
