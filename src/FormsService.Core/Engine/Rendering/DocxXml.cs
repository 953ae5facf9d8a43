using System.Globalization;
using System.Text;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// WordprocessingML written as text, element by element in the order the schema requires. Faster than building an
/// object tree and serialising it, and the validator in the tests guards the result.
/// </summary>
internal sealed class DocxXml(int capacity)
{
    private readonly StringBuilder _sb = new(capacity);

    public DocxXml Raw(string xml)
    {
        _sb.Append(xml);
        return this;
    }

    public DocxXml Number(int value)
    {
        _sb.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Points as twentieths of a point, the unit of most WordprocessingML lengths.</summary>
    public DocxXml Twips(float pt) => Number(Units.PtToTwips(pt));

    /// <summary>Text content or an attribute value, escaped.</summary>
    public DocxXml Escaped(string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': _sb.Append("&amp;"); break;
                case '<': _sb.Append("&lt;"); break;
                case '>': _sb.Append("&gt;"); break;
                case '"': _sb.Append("&quot;"); break;
                default: _sb.Append(c); break;
            }
        }
        return this;
    }

    public override string ToString() => _sb.ToString();

    /// <summary>The text as UTF-8, straight from the builder's chunks (no string of the whole part).</summary>
    public void WriteUtf8(Stream stream)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(ChunkChars));
        try
        {
            foreach (var chunk in _sb.GetChunks())
            {
                var chars = chunk.Span;
                while (chars.Length > 0)
                {
                    var take = Math.Min(ChunkChars, chars.Length);
                    encoder.Convert(chars[..take], buffer, flush: false, out var used, out var bytes, out _);
                    stream.Write(buffer, 0, bytes);
                    chars = chars[used..];
                }
            }
            encoder.Convert([], buffer, flush: true, out _, out var last, out _);
            stream.Write(buffer, 0, last);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int ChunkChars = 4096;
}
