using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// The one PNG encoder of the service: page previews, figures and artwork. It writes the rows itself, a band at a
/// time, so that a cancelled render stops inside encoding too: at 600 dpi encoding is about 70 % of a vest render
/// (1.4 s of 2 s on a loaded 2-core machine), and Skia's encoder cannot be interrupted. No row filter and a fast
/// zlib level, as Skia's was set: flat drawings compress nearly as well as with the "Up" filter at level 6. Same
/// pixels; same input, same bytes.
/// </summary>
internal static class PngEncoding
{
    /// <summary>Rows between looks at the token: about 2 MB of pixels at 600 dpi, a few milliseconds.</summary>
    private const int RowsPerBand = 64;

    private const int IdatBytes = 64 * 1024;

    /// <summary>
    /// zlib level 2: the runtime's zlib-ng makes level 1 a "quick" deflate that doubled the vest's 600 dpi PNG (870 KB
    /// against Skia's 451 KB); level 2 gives 219 KB in about Skia's time.
    /// </summary>
    private static readonly ZLibCompressionOptions Level = new() { CompressionLevel = 2 };
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(SKSurface surface, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var pixels = surface.PeekPixels() ?? throw new InvalidOperationException("The surface has no pixels to encode.");
        return Encode(pixels, cancellationToken);
    }

    public static byte[] Encode(SKPixmap pixels, CancellationToken cancellationToken = default) => Encode(pixels, cancellationToken, null);

    /// <param name="bandStarting">Told the first row of each band before its cancellation check (tests follow the encoder with it).</param>
    internal static byte[] Encode(SKPixmap pixels, CancellationToken cancellationToken, Action<int>? bandStarting)
    {
        if (pixels.ColorType != SKColorType.Rgba8888 || pixels.AlphaType == SKAlphaType.Unknown)
            throw new ArgumentException($"Only RGBA 8888 surfaces are encoded (this one is {pixels.ColorType}, {pixels.AlphaType}).", nameof(pixels));
        using var writer = new Writer(pixels.Width, pixels.Height, pixels.AlphaType);
        var source = pixels.GetPixelSpan();
        for (var y = 0; y < pixels.Height; y++)
        {
            if (y % RowsPerBand == 0)
            {
                bandStarting?.Invoke(y);
                cancellationToken.ThrowIfCancellationRequested();
            }
            writer.Row(source.Slice(y * pixels.RowBytes, pixels.Width * 4));
        }
        return writer.Finish();
    }

    /// <summary>Rows painted at a time by <see cref="PaintAndEncode"/>: four of the encoder's bands.</summary>
    internal const int PaintRows = 4 * RowsPerBand;

    /// <summary>
    /// Paints an opaque image a band of rows at a time and encodes each band as it is painted: <paramref name="paint"/>
    /// draws the whole picture on a canvas moved up to the band's top, clipped to a surface one band high. A large
    /// raster then never holds its whole surface (a 600 dpi vest is 109 MB at once, whose first touch alone takes
    /// seconds on a loaded machine), and a cancelled render stops before the next band is painted, as well as
    /// between the encoder's bands. <paramref name="paint"/> must draw the same whatever the band (a recorded picture).
    /// </summary>
    /// <param name="bandStarting">Told the first row of each encoder band before its cancellation check.</param>
    /// <param name="painting">Told the first row of each painted band before it is painted (tests follow the painter with it).</param>
    internal static byte[] PaintAndEncode(int width, int height, SKColor background, Action<SKCanvas> paint, CancellationToken cancellationToken,
        Action<int>? bandStarting = null, Action<int>? painting = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var info = new SKImageInfo(width, Math.Min(height, PaintRows), SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var band = SKSurface.Create(info) ?? throw new InvalidOperationException($"Cannot allocate a {info.Width}×{info.Height} band.");
        using var pixels = band.PeekPixels() ?? throw new InvalidOperationException("The band has no pixels.");
        using var writer = new Writer(width, height, SKAlphaType.Opaque);
        for (var top = 0; top < height; top += PaintRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            painting?.Invoke(top);
            var canvas = band.Canvas;
            canvas.Clear(background);
            canvas.Save();
            canvas.Translate(0, -top);
            paint(canvas);
            canvas.Restore();
            canvas.Flush();
            var source = pixels.GetPixelSpan();
            for (var y = top; y < Math.Min(height, top + PaintRows); y++)
            {
                if (y % RowsPerBand == 0)
                {
                    bandStarting?.Invoke(y);
                    cancellationToken.ThrowIfCancellationRequested();
                }
                writer.Row(source.Slice((y - top) * pixels.RowBytes, width * 4));
            }
        }
        return writer.Finish();
    }

    /// <summary>Writes a PNG row by row: the signature and header first, the rows deflated into IDAT chunks, IEND.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly MemoryStream _output = new();
        private readonly IdatStream _idat;
        private readonly ZLibStream _deflate;
        private readonly byte[] _row;
        private readonly bool _opaque, _premultiplied;

        public Writer(int width, int height, SKAlphaType alpha)
        {
            // An opaque surface is written as RGB, as Skia's encoder did: a quarter fewer bytes to deflate.
            _opaque = alpha == SKAlphaType.Opaque;
            _premultiplied = alpha == SKAlphaType.Premul;
            _output.Write(Signature);
            Span<byte> header = stackalloc byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
            header[8] = 8; // bits per channel
            header[9] = (byte)(_opaque ? 2 : 6); // RGB or RGBA
            header[10] = header[11] = header[12] = 0; // deflate, adaptive filtering (type 0 on every row), no interlace
            WriteChunk(_output, "IHDR"u8, header);
            _row = new byte[1 + width * (_opaque ? 3 : 4)];
            _idat = new IdatStream(_output);
            _deflate = new ZLibStream(_idat, Level, leaveOpen: true);
        }

        /// <summary>One row of RGBA pixels, as the surface holds them.</summary>
        public void Row(ReadOnlySpan<byte> rgba)
        {
            if (_opaque) CopyRgb(rgba, _row.AsSpan(1));
            else CopyUnpremultiplied(rgba, _row.AsSpan(1), _premultiplied);
            _deflate.Write(_row);
        }

        public byte[] Finish()
        {
            _deflate.Dispose();
            _idat.Dispose();
            WriteChunk(_output, "IEND"u8, []);
            return _output.ToArray();
        }

        public void Dispose()
        {
            _deflate.Dispose();
            _idat.Dispose();
        }
    }

    private static void CopyRgb(ReadOnlySpan<byte> rgba, Span<byte> rgb)
    {
        for (int i = 0, o = 0; i < rgba.Length; i += 4, o += 3)
        {
            rgb[o] = rgba[i];
            rgb[o + 1] = rgba[i + 1];
            rgb[o + 2] = rgba[i + 2];
        }
    }

    private static void CopyUnpremultiplied(ReadOnlySpan<byte> rgba, Span<byte> target, bool premultiplied)
    {
        rgba.CopyTo(target);
        if (!premultiplied) return;
        for (var i = 0; i < target.Length; i += 4)
        {
            var a = target[i + 3];
            if (a is 0 or 255) continue;
            target[i] = Unpremultiply(target[i], a);
            target[i + 1] = Unpremultiply(target[i + 1], a);
            target[i + 2] = Unpremultiply(target[i + 2], a);
        }
    }

    private static byte Unpremultiply(byte c, byte a) => (byte)Math.Min(255, (c * 255 + a / 2) / a);

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        // PNG's chunk CRC is zlib's CRC-32 over the type and the data.
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        output.Write(word);
    }

    /// <summary>Cuts the deflated stream into IDAT chunks of a fixed size (fixed, so the bytes are too).</summary>
    private sealed class IdatStream(Stream output) : WriteOnlyStream
    {
        private readonly byte[] _buffer = new byte[IdatBytes];
        private int _length;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                var take = Math.Min(buffer.Length, _buffer.Length - _length);
                buffer[..take].CopyTo(_buffer.AsSpan(_length));
                _length += take;
                buffer = buffer[take..];
                if (_length == _buffer.Length) Emit();
            }
        }

        private void Emit()
        {
            if (_length == 0) return;
            WriteChunk(output, "IDAT"u8, _buffer.AsSpan(0, _length));
            _length = 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Emit();
            base.Dispose(disposing);
        }
    }
}
