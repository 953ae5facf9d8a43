using System.IO.Compression;
using System.Text;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Tests.Docx;

/// <summary>The ZIP container the DOCX is written in, read back by .NET's own ZIP reader.</summary>
public sealed class DocxZipTests
{
    [Fact]
    public void Entries_read_back_in_order_with_their_bytes_CRC_and_date()
    {
        var text = string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>Сағат 4</w:t></w:r></w:p>", 500));
        var body = Encoding.UTF8.GetBytes(text);
        var picture = new byte[3000];
        new Random(7).NextBytes(picture);
        var cache = new DocxZip.Cache(limit: 8);

        var zip = new DocxZip(1024);
        zip.Add("[Content_Types].xml", cache.Of("<Types/>"));
        zip.Add("word/document.xml", Encoding.UTF8.GetBytes(DocxZip.Declaration), body);
        zip.Add("word/media/figure1.png", DocxZip.Deflate(picture, stored: true));
        var bytes = zip.Finish();

        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Equal(["[Content_Types].xml", "word/document.xml", "word/media/figure1.png"], archive.Entries.Select(e => e.FullName));
        var expected = new[]
        {
            Encoding.UTF8.GetBytes(DocxZip.Declaration + "<Types/>"),
            Encoding.UTF8.GetBytes(DocxZip.Declaration + text),
            picture,
        };
        for (var i = 0; i < expected.Length; i++)
        {
            var entry = archive.Entries[i];
            using var read = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(read);
            Assert.Equal(expected[i], read.ToArray());
            Assert.Equal(Crc32(expected[i]), entry.Crc32);
            Assert.Equal(new DateTime(1980, 1, 1), entry.LastWriteTime.DateTime);
        }
        // The picture is stored as it is; the text is deflated.
        Assert.Equal(picture.Length, archive.Entries[2].CompressedLength);
        Assert.True(archive.Entries[1].CompressedLength < body.Length / 10);
    }

    [Fact]
    public void A_part_past_the_cache_limit_is_deflated_to_the_same_bytes()
    {
        var cached = new DocxZip.Cache(limit: 4);
        var full = new DocxZip.Cache(limit: 0);
        var first = cached.Of("<w:settings/>");
        Assert.Same(first, cached.Of("<w:settings/>"));
        var again = full.Of("<w:settings/>");
        Assert.NotSame(again, full.Of("<w:settings/>"));
        Assert.Equal(first.Data, again.Data);
        Assert.Equal(first.Crc, again.Crc);
        Assert.Equal(first.Size, again.Size);
    }

    [Fact]
    public void The_carried_payload_is_escaped_as_XML_text_and_reads_back_as_it_was()
    {
        // Raw markup characters, quotes, Cyrillic and a 4-byte character: what a payload's JSON might hold unescaped.
        var json = "{\"name\":\"О'Нил <Сейітова> & \\\"Ко\\\" \U0001F600\",\"n\":[1,2]}";
        using var x = new DocxXml(16, pooled: true);
        DocxSource.Write(x, new FormsService.Core.Engine.Model.DocumentInfo("T", "kk", "S") { FormId = "form-a", Version = "2025-733" },
            Encoding.UTF8.GetBytes(json));

        // The bytes of escaping the text as a whole, as it was escaped before the part was written as bytes.
        var expected = DocxZip.Declaration + "<fs:document xmlns:fs=\"" + DocxSource.Namespace + "\" form=\"form-a\" version=\"2025-733\" language=\"kk\">"
            + "<fs:payload>" + System.Security.SecurityElement.Escape(json) + "</fs:payload></fs:document>";
        Assert.Equal(expected, Encoding.UTF8.GetString(x.Utf8));
        using var reader = System.Xml.XmlReader.Create(new MemoryStream(x.Utf8.ToArray()));
        reader.ReadToDescendant("payload", DocxSource.Namespace);
        Assert.Equal(json, reader.ReadElementContentAsString());
    }

    /// <summary>CRC-32 (ISO 3309, as ZIP uses it), bit by bit: slow and plainly right.</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
