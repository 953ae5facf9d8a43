using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;

namespace FormsService.Core.Engine.Rendering;

/// <summary>
/// The ZIP container of a Word package, written directly: local headers, the parts' deflated bytes and the central
/// directory, with fixed names, order and times (1 Jan 1980), no extra fields, no data descriptors. A part that
/// depends only on the form version (styles, settings, relationships, properties) is deflated once and its bytes
/// reused: the deflater set up for each small part was a tenth of a one-page render.
/// </summary>
internal sealed class DocxZip
{
    /// <summary>A part deflated: its raw deflate bytes (or itself, stored), CRC-32 and size.</summary>
    public sealed record Part(byte[] Data, uint Crc, uint Size, bool Stored);

    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

    /// <summary>
    /// XML parts deflated once, by their text, each after the XML declaration. Bounded: past the limit (a header
    /// that prints a value, say) a part is deflated each time.
    /// </summary>
    public sealed class Cache(int limit)
    {
        private readonly ConcurrentDictionary<string, Part> _parts = new(StringComparer.Ordinal);

        public Part Of(string xml)
        {
            if (_parts.TryGetValue(xml, out var part)) return part;
            part = Deflate(Encoding.UTF8.GetBytes(Declaration + xml));
            if (_parts.Count < limit) _parts.TryAdd(xml, part);
            return part;
        }
    }

    private const ushort VersionNeeded = 20, Deflated = 8, StoredMethod = 0;
    // General-purpose bits 1 and 2 of a deflated entry: deflated at the fastest setting.
    private const ushort FastestFlags = 6;
    // Made on Unix (3) by ZIP 2.0; each entry a regular file, rw-r--r--: what .NET's ZipArchive writes here, so the
    // packages are the bytes they were.
    private const ushort MadeBy = (3 << 8) | VersionNeeded;
    private const uint FileAttributes = 0x81A4u << 16;
    // 1 January 1980, 00:00, as MS-DOS writes dates: the earliest a ZIP can hold.
    private const ushort DosTime = 0, DosDate = (1 << 5) | 1;

    private readonly PooledOutput _output;
    private readonly List<(string Name, uint Crc, uint Compressed, uint Size, ushort Method, uint Offset)> _entries = [];

    public DocxZip(int capacity) => _output = new PooledOutput(capacity);

    public void Add(string name, Part part) =>
        Entry(name, part.Crc, part.Size, part.Stored ? StoredMethod : Deflated, part.Data);

    /// <summary>
    /// A part made for this document alone, deflated now (<paramref name="head"/> then <paramref name="body"/>) into
    /// the package itself: its gzip header and trailer are cut out and the entry's header filled in after.
    /// </summary>
    public void Add(string name, ReadOnlySpan<byte> head, ReadOnlySpan<byte> body)
    {
        var header = Entry(name, 0, 0, Deflated, []);
        var start = (int)_output.Length;
        var (crc, size) = Gzip(_output, start, head, body, CompressionLevel.Fastest);
        var buffer = _output.Buffer;
        var deflated = (int)_output.Length - start - 18;
        buffer.AsSpan(start + 10, deflated).CopyTo(buffer.AsSpan(start));
        _output.Truncate(start + deflated);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan((int)header + 14), crc);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan((int)header + 18), (uint)deflated);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan((int)header + 22), size);
        _entries[^1] = _entries[^1] with { Crc = crc, Compressed = (uint)deflated, Size = size };
    }

    public byte[] Finish()
    {
        var start = Offset();
        Span<byte> h = stackalloc byte[46];
        foreach (var e in _entries)
        {
            var name = Encoding.UTF8.GetBytes(e.Name);
            h.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(h, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(h[4..], MadeBy);
            BinaryPrimitives.WriteUInt16LittleEndian(h[6..], VersionNeeded);
            BinaryPrimitives.WriteUInt16LittleEndian(h[8..], e.Method == Deflated ? FastestFlags : (ushort)0);
            BinaryPrimitives.WriteUInt16LittleEndian(h[10..], e.Method);
            BinaryPrimitives.WriteUInt16LittleEndian(h[12..], DosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(h[14..], DosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(h[16..], e.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(h[20..], e.Compressed);
            BinaryPrimitives.WriteUInt32LittleEndian(h[24..], e.Size);
            BinaryPrimitives.WriteUInt16LittleEndian(h[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(h[38..], FileAttributes);
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], e.Offset);
            _output.Write(h);
            _output.Write(name);
        }
        var directory = Offset() - start;
        Span<byte> end = stackalloc byte[22];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], directory);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], start);
        _output.Write(end);
        var package = _output.Written.ToArray();
        _output.Dispose();
        return package;
    }

    /// <summary>A part deflated (or, for bytes already compressed such as a PNG, <paramref name="stored"/>).</summary>
    public static Part Deflate(byte[] bytes, bool stored = false)
    {
        using var gzip = new PooledOutput(stored ? bytes.Length + 64 : bytes.Length / 4 + 64);
        var (crc, size) = Gzip(gzip, 0, bytes, [], stored ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
        return new Part(stored ? bytes : gzip.Written[10..^8].ToArray(), crc, size, stored);
    }

    /// <returns>Where the entry's local header starts.</returns>
    private uint Entry(string name, uint crc, uint size, ushort method, ReadOnlySpan<byte> data)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        Span<byte> h = stackalloc byte[30];
        h.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(h, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], method == Deflated ? FastestFlags : (ushort)0);
        BinaryPrimitives.WriteUInt16LittleEndian(h[8..], method);
        BinaryPrimitives.WriteUInt16LittleEndian(h[10..], DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(h[12..], DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(h[18..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[22..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(h[26..], (ushort)bytes.Length);
        var offset = Offset();
        _output.Write(h);
        _output.Write(bytes);
        _output.Write(data);
        _entries.Add((name, crc, (uint)data.Length, size, method, offset));
        return offset;
    }

    private uint Offset() => _output.Length <= uint.MaxValue
        ? (uint)_output.Length
        : throw new InvalidOperationException("A DOCX of 4 GB or more needs ZIP64, which this writer does not write.");

    /// <summary>
    /// Deflates through gzip, whose trailer carries the CRC-32 that a ZIP entry needs (computed by the native zlib
    /// as it deflates); the raw deflate bytes between its header and trailer are what a ZIP entry holds.
    /// </summary>
    /// <param name="start">Where in <paramref name="into"/> the gzip stream starts.</param>
    private static (uint Crc, uint Size) Gzip(PooledOutput into, int start, ReadOnlySpan<byte> head, ReadOnlySpan<byte> body, CompressionLevel level)
    {
        using (var gzip = new GZipStream(into, level, leaveOpen: true))
        {
            gzip.Write(head);
            gzip.Write(body);
        }
        var bytes = into.Written[start..];
        // RFC 1952: ID1 ID2 CM FLG, then MTIME, XFL, OS; no optional fields when FLG is 0.
        if (bytes.Length < 18 || bytes[0] != 0x1f || bytes[1] != 0x8b || bytes[2] != 8 || bytes[3] != 0)
            throw new InvalidOperationException("The gzip stream does not start with the plain 10-byte header this writer expects.");
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^8..]);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]);
        if (size != (uint)(head.Length + body.Length))
            throw new InvalidOperationException("The gzip trailer does not give the size written.");
        return (crc, size);
    }

    /// <summary>
    /// Where a package is written: a buffer from the shared pool that grows as the deflater writes into it, given
    /// back when the package is copied out. A new buffer of the package's size for each render was most of what
    /// writing the ZIP allocated.
    /// </summary>
    private sealed class PooledOutput(int capacity) : WriteOnlyStream
    {
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
        private int _length;

        public byte[] Buffer => _bytes;
        public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

        /// <summary>Drops what was written past <paramref name="length"/>.</summary>
        public void Truncate(int length) => _length = Math.Min(_length, length);

        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_length + buffer.Length > _bytes.Length)
            {
                var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + buffer.Length));
                _bytes.AsSpan(0, _length).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = grown;
            }
            buffer.CopyTo(_bytes.AsSpan(_length));
            _length += buffer.Length;
        }

        public override void WriteByte(byte value) => Write([value]);

        protected override void Dispose(bool disposing)
        {
            if (disposing && _bytes.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = [];
                _length = 0;
            }
            base.Dispose(disposing);
        }
    }
}
