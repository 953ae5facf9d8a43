using System.Buffers;
using System.Globalization;
using System.Text;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// WordprocessingML written as text, element by element in the order the schema requires. Faster than building an
/// object tree and serialising it, and the validator in the tests guards the result. It is written as UTF-8 straight
/// away: a large table's part is most of a DOCX render's memory, and as UTF-16 chunks it was twice the size and
/// lived through every collection of the render.
/// </summary>
internal sealed class DocxXml(int capacity, bool pooled = false) : IDisposable
{
    private byte[] _bytes = pooled ? ArrayPool<byte>.Shared.Rent(capacity) : new byte[capacity];
    private int _length;

    public DocxXml Raw(string xml)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(xml.Length));
        _length += Encoding.UTF8.GetBytes(xml, _bytes.AsSpan(_length));
        return this;
    }

    /// <summary>Markup already UTF-8 (a <c>u8</c> literal): copied as it is.</summary>
    public DocxXml Raw(ReadOnlySpan<byte> utf8)
    {
        Ensure(utf8.Length);
        utf8.CopyTo(_bytes.AsSpan(_length));
        _length += utf8.Length;
        return this;
    }

    public DocxXml Number(int value)
    {
        Ensure(11);
        value.TryFormat(_bytes.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
        return this;
    }

    /// <summary>Room for at least <paramref name="size"/> bytes, to be written there and then taken by <see cref="Advance"/>.</summary>
    public Span<byte> Free(int size)
    {
        Ensure(size);
        return _bytes.AsSpan(_length);
    }

    /// <summary>Takes <paramref name="count"/> bytes written into <see cref="Free"/>.</summary>
    public void Advance(int count) => _length += count;

    /// <summary>How many bytes are written: where the next piece starts.</summary>
    public int Length => _length;

    /// <summary>Writes again a piece already written, from <paramref name="start"/>, <paramref name="length"/> bytes long.</summary>
    public DocxXml Again(int start, int length)
    {
        Ensure(length);
        _bytes.AsSpan(start, length).CopyTo(_bytes.AsSpan(_length));
        _length += length;
        return this;
    }

    /// <summary>Points as twentieths of a point, the unit of most WordprocessingML lengths.</summary>
    public DocxXml Twips(float pt) => Number(Units.PtToTwips(pt));

    /// <summary>Text content or an attribute value, escaped.</summary>
    public DocxXml Escaped(string text) => Escaped(text.AsSpan());

    /// <summary>Text content or an attribute value, escaped.</summary>
    public DocxXml Escaped(ReadOnlySpan<char> text)
    {
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => null,
            };
            if (entity is null) continue;
            Chars(text.Slice(from, i - from));
            Raw(entity);
            from = i + 1;
        }
        return Chars(text[from..]);
    }

    private DocxXml Chars(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return this;
        Ensure(Encoding.UTF8.GetMaxByteCount(chars.Length));
        _length += Encoding.UTF8.GetBytes(chars, _bytes.AsSpan(_length));
        return this;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _bytes.Length) return;
        var size = Math.Max(_bytes.Length * 2, _length + more);
        var grown = pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
        _bytes.AsSpan(0, _length).CopyTo(grown);
        if (pooled) ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = grown;
    }

    public override string ToString() => Encoding.UTF8.GetString(_bytes, 0, _length);

    /// <summary>The text as UTF-8, as written.</summary>
    public ReadOnlySpan<byte> Utf8 => _bytes.AsSpan(0, _length);

    public void Dispose()
    {
        if (!pooled) return;
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        _length = 0;
    }
}
