using System.Collections.Concurrent;
using SkiaSharp;

namespace FormsService.Core.Engine.Fonts;

/// <summary>
/// Subsets of the shipped faces, cached by face and glyph set: documents of one form reuse the same few subsets.
/// Bounded, so hostile payloads with ever-new characters cannot grow it without end.
/// </summary>
public sealed class FontSubsetCache(int capacity = 512)
{
    private readonly ConcurrentDictionary<SubsetKey, SKTypeface> _cache = new();

    /// <summary>The subset of <paramref name="face"/> holding <paramref name="codepoints"/> (any order; duplicates ignored).</summary>
    public SKTypeface Get(FontFace face, IReadOnlyCollection<int> codepoints)
    {
        var sorted = codepoints.ToArray();
        Array.Sort(sorted);
        var unique = sorted.Length == 0 ? 0 : 1;
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i] != sorted[unique - 1])
                sorted[unique++] = sorted[i];
        return Get(face, unique == sorted.Length ? sorted : sorted[..unique]);
    }

    /// <summary>
    /// As <see cref="Get(FontFace, IReadOnlyCollection{int})"/>, for code points sorted ascending without duplicates.
    /// The array becomes the cache's key: the caller must not change it afterwards.
    /// </summary>
    internal SKTypeface Get(FontFace face, int[] sortedCodepoints)
    {
        var probe = new SubsetKey(face, sortedCodepoints);
        if (_cache.TryGetValue(probe, out var cached))
            return cached;
        var data = FontSubsetter.Subset(face.Data, probe.Codepoints);
        var typeface = SKTypeface.FromData(SKData.CreateCopy(data))
            ?? throw new InvalidOperationException($"The subset of {face.Key} could not be loaded.");
        if (_cache.Count >= capacity)
            _cache.Clear(); // Evicted typefaces may still be drawing elsewhere: the GC releases them, not us.
        return _cache.GetOrAdd(probe, typeface);
    }

    /// <summary>A face and its sorted code points; equal when both are, with the hash computed once.</summary>
    private sealed class SubsetKey : IEquatable<SubsetKey>
    {
        private readonly int _hash;

        public SubsetKey(FontFace face, int[] codepoints)
        {
            Face = face;
            Codepoints = codepoints;
            var h = new HashCode();
            h.Add(face.Key, StringComparer.Ordinal);
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(codepoints.AsSpan()));
            _hash = h.ToHashCode();
        }

        public FontFace Face { get; }
        public int[] Codepoints { get; }

        public bool Equals(SubsetKey? other) =>
            other is not null && _hash == other._hash && string.Equals(Face.Key, other.Face.Key, StringComparison.Ordinal)
            && Codepoints.AsSpan().SequenceEqual(other.Codepoints);

        public override bool Equals(object? obj) => Equals(obj as SubsetKey);
        public override int GetHashCode() => _hash;
    }
}
