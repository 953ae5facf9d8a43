using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FormsService.Core.Engine.Model;

/// <summary>
/// Feeds a value read in place (<see cref="ViewNode"/>: a bound record, say) to a hash, member by member, through a
/// small window: the value's identity without writing it out as JSON first. Every value is tagged and every text
/// length-prefixed, so two different values never feed the same bytes; nulls are left out, as absent.
/// </summary>
internal sealed class ViewHash : IDisposable
{
    private const int Window = 4096;
    private readonly IncrementalHash _hash;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(Window);
    private int _used;

    public ViewHash(IncrementalHash hash) => _hash = hash;

    /// <summary>Adds <paramref name="node"/> and all it holds.</summary>
    public void Add(ViewNode node)
    {
        switch (node.Kind)
        {
            case JsonValueKind.Object:
                Tag((byte)'{');
                foreach (var (name, value) in node.Members())
                {
                    Text(name);
                    Add(value);
                }
                Tag((byte)'}');
                break;
            case JsonValueKind.Array:
                Tag((byte)'[');
                foreach (var item in node.Items())
                    Add(item);
                Tag((byte)']');
                break;
            case JsonValueKind.String:
                Tag((byte)'s');
                Text(node.Text ?? "");
                break;
            case JsonValueKind.Number:
                Tag((byte)'n');
                Text(node.Text ?? "");
                break;
            case JsonValueKind.True:
                Tag((byte)'t');
                break;
            case JsonValueKind.False:
                Tag((byte)'f');
                break;
            default:
                Tag((byte)'0');
                break;
        }
    }

    /// <summary>Adds a text as it is (a header of the tag, say), length-prefixed.</summary>
    public void Text(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        Room(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), length);
        _used += 4;
        if (length > Window)
        {
            Flush();
            var rented = ArrayPool<byte>.Shared.Rent(length);
            var written = Encoding.UTF8.GetBytes(text, rented);
            _hash.AppendData(rented, 0, written);
            ArrayPool<byte>.Shared.Return(rented);
            return;
        }
        Room(length);
        _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
    }

    /// <summary>Hands what the window holds to the hash: call before reading the hash.</summary>
    public void Flush()
    {
        if (_used == 0) return;
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose()
    {
        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private void Tag(byte tag)
    {
        Room(1);
        _buffer[_used++] = tag;
    }

    private void Room(int bytes)
    {
        if (_used + bytes > Window)
            Flush();
    }
}
