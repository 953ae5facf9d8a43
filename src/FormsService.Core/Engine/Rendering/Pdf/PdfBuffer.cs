using System.Buffers;
using System.Buffers.Text;

namespace FormsService.Core.Engine.Rendering.Pdf;

/// <summary>
/// Bytes of PDF syntax being written: ASCII tokens, numbers with at most three decimals (a thousandth of a point is
/// far below what a printer resolves, and fixed rounding keeps the bytes the same on every machine), hex strings.
/// The storage is pooled: dispose it.
/// </summary>
internal sealed class PdfBuffer(int capacity = 4096) : IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(capacity);
    private int _length;

    public int Length => _length;

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

    public PdfBuffer Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Free(bytes.Length));
        _length += bytes.Length;
        return this;
    }

    /// <summary>Text known to be ASCII (names, keys, operators built from literals).</summary>
    public PdfBuffer Ascii(string text)
    {
        var span = Free(text.Length);
        for (var i = 0; i < text.Length; i++)
            span[i] = (byte)text[i];
        _length += text.Length;
        return this;
    }

    public PdfBuffer Byte(byte b)
    {
        Free(1)[0] = b;
        _length++;
        return this;
    }

    public PdfBuffer Int(long value)
    {
        Utf8Formatter.TryFormat(value, Free(20), out var n);
        _length += n;
        return this;
    }

    public PdfBuffer Number(float value) => Thousandths(ToThousandths(value));

    /// <summary>The value as a whole number of thousandths, as <see cref="Number"/> rounds it.</summary>
    public static long ToThousandths(float value) => (long)MathF.Round(value * 1000f, MidpointRounding.AwayFromZero);

    /// <summary>A number given in thousandths, written exactly (relative moves stay free of rounding drift).</summary>
    public PdfBuffer Thousandths(long scaled)
    {
        if (scaled % 1000 == 0)
            return Int(scaled / 1000);
        var span = Free(24);
        var at = 0;
        if (scaled < 0)
        {
            span[at++] = (byte)'-';
            scaled = -scaled;
        }
        Utf8Formatter.TryFormat(scaled / 1000, span[at..], out var n);
        at += n;
        span[at++] = (byte)'.';
        var fraction = (int)(scaled % 1000);
        span[at++] = (byte)('0' + fraction / 100);
        if (fraction % 100 != 0)
        {
            span[at++] = (byte)('0' + fraction / 10 % 10);
            if (fraction % 10 != 0)
                span[at++] = (byte)('0' + fraction % 10);
        }
        _length += at;
        return this;
    }

    /// <summary>Four hex digits: a two-byte character code or glyph id.</summary>
    public PdfBuffer Hex4(int value)
    {
        var span = Free(4);
        span[0] = HexDigit(value >> 12);
        span[1] = HexDigit(value >> 8);
        span[2] = HexDigit(value >> 4);
        span[3] = HexDigit(value);
        _length += 4;
        return this;
    }

    /// <summary>A text string (document information, outline titles): literal when plain ASCII, else UTF-16BE hex.</summary>
    public PdfBuffer TextString(string text)
    {
        var plain = true;
        foreach (var c in text)
            if (c is < ' ' or > '~' or '(' or ')' or '\\')
                plain = false;
        if (plain)
            return Byte((byte)'(').Ascii(text).Byte((byte)')');
        Raw("<FEFF"u8);
        foreach (var c in text)
            Hex4(c);
        return Byte((byte)'>');
    }

    public byte[] ToArray() => Written.ToArray();

    public void Clear() => _length = 0;

    private static byte HexDigit(int v) => (byte)"0123456789ABCDEF"[v & 0xF];

    private Span<byte> Free(int atLeast)
    {
        if (_length + atLeast > _bytes.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + atLeast));
            _bytes.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = grown;
        }
        return _bytes.AsSpan(_length);
    }

    public void Dispose()
    {
        if (_bytes.Length > 0)
            ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        _length = 0;
    }
}
