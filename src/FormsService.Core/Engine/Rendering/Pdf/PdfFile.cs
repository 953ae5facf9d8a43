using System.IO.Compression;

namespace FormsService.Core.Engine.Rendering.Pdf;

/// <summary>
/// A PDF file as it is written: numbered indirect objects, each offset recorded for the classic cross-reference
/// table. Nothing in it depends on the clock or the process, so the same objects give the same bytes.
/// </summary>
internal sealed class PdfFile : IDisposable
{
    private readonly List<long> _offsets = [0];

    public PdfFile(int capacity)
    {
        Bytes = new PdfBuffer(capacity);
        // The binary comment tells transfer tools the file is not text.
        Bytes.Raw("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
    }

    public PdfBuffer Bytes { get; }

    /// <summary>Takes the next object number; the object is written later with <see cref="Begin"/>.</summary>
    public int Reserve()
    {
        _offsets.Add(-1);
        return _offsets.Count - 1;
    }

    /// <summary>Starts object <paramref name="number"/>: what follows is its body, up to <see cref="End"/>.</summary>
    public PdfBuffer Begin(int number)
    {
        _offsets[number] = Bytes.Length;
        return Bytes.Int(number).Raw(" 0 obj\n"u8);
    }

    public void End() => Bytes.Raw("\nendobj\n"u8);

    /// <summary>A stream object: <paramref name="entries"/> are its dictionary's entries besides /Length and /Filter.</summary>
    public void Stream(int number, ReadOnlySpan<byte> entries, ReadOnlySpan<byte> data, bool deflated)
    {
        var b = Begin(number).Raw("<<"u8).Raw(entries);
        if (deflated)
            b.Raw(" /Filter /FlateDecode"u8);
        b.Raw(" /Length "u8).Int(data.Length).Raw(">>\nstream\n"u8).Raw(data).Raw("\nendstream"u8);
        End();
    }

    /// <summary>Writes the cross-reference table and the trailer; every reserved object must have been written.</summary>
    public byte[] Finish(int root, int info, ReadOnlySpan<byte> id)
    {
        var xref = Bytes.Length;
        var b = Bytes.Raw("xref\n0 "u8).Int(_offsets.Count).Raw("\n0000000000 65535 f \n"u8);
        for (var i = 1; i < _offsets.Count; i++)
        {
            if (_offsets[i] < 0)
                throw new InvalidOperationException($"PDF object {i} was reserved but never written.");
            var offset = _offsets[i].ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
            b.Ascii(offset).Raw(" 00000 n \n"u8);
        }
        b.Raw("trailer\n<< /Size "u8).Int(_offsets.Count).Raw(" /Root "u8).Int(root).Raw(" 0 R /Info "u8).Int(info).Raw(" 0 R /ID [<"u8);
        for (var pass = 0; pass < 2; pass++)
        {
            if (pass == 1) b.Raw("> <"u8);
            foreach (var x in id)
                b.Ascii(x.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        b.Raw(">] >>\nstartxref\n"u8).Int(xref).Raw("\n%%EOF\n"u8);
        return b.ToArray();
    }

    /// <summary>
    /// zlib-deflates <paramref name="data"/>. Level 6 for what is cached (font files, the colour profile): written
    /// once; the page contents use a faster level, as they are compressed on every render.
    /// </summary>
    public static byte[] Deflate(ReadOnlySpan<byte> data, int level)
    {
        using var output = new MemoryStream(data.Length / 2 + 64);
        using (var z = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
            z.Write(data);
        return output.ToArray();
    }

    public void Dispose() => Bytes.Dispose();
}
