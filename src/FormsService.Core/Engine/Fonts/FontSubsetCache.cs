using System.Collections.Concurrent;
using SkiaSharp;

namespace FormsService.Core.Engine.Fonts;

/// <summary>
/// Subsets of the shipped faces, cached by face and glyph set: documents of one form reuse the same few subsets.
/// Bounded, so hostile payloads with ever-new characters cannot grow it without end.
/// </summary>
internal sealed class FontSubsetCache(int capacity = 512)
{
    private readonly ConcurrentDictionary<SubsetKey, FontSubset> _cache = new();

    /// <summary>The subset of <paramref name="face"/> holding <paramref name="codepoints"/> (any order; duplicates ignored).</summary>
    public FontSubset Get(FontFace face, IReadOnlyCollection<int> codepoints)
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
    internal FontSubset Get(FontFace face, int[] sortedCodepoints)
    {
        var probe = new SubsetKey(face, sortedCodepoints);
        if (_cache.TryGetValue(probe, out var cached))
            return cached;
        var subset = FontSubset.Create(face, sortedCodepoints);
        if (_cache.Count >= capacity)
            _cache.Clear(); // Evicted subsets may still be drawing elsewhere: the GC releases them, not us.
        return _cache.GetOrAdd(probe, subset);
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

/// <summary>
/// A face cut down to the glyphs of some code points: the font file, its typeface, and each code point's glyph id in
/// it (the subset renumbers glyphs). A writer may attach what it derives from the subset once (the PDF's compressed
/// font program and width table), so a cached subset costs it nothing the next time.
/// </summary>
internal sealed class FontSubset
{
    private object? _attached;

    private FontSubset(FontFace face, int[] codepoints, byte[] data, SKTypeface typeface, ushort[] glyphs)
    {
        Face = face;
        Codepoints = codepoints;
        Data = data;
        Typeface = typeface;
        Glyphs = glyphs;
    }

    public FontFace Face { get; }
    /// <summary>Sorted ascending, without duplicates.</summary>
    public int[] Codepoints { get; }
    public byte[] Data { get; }
    public SKTypeface Typeface { get; }
    /// <summary>The glyph id of <see cref="Codepoints"/>[i] in the subset (0 when the face lacks it).</summary>
    public ushort[] Glyphs { get; }

    internal static FontSubset Create(FontFace face, int[] sortedCodepoints)
    {
        var data = FontSubsetter.Subset(face.Data, sortedCodepoints);
        var typeface = SKTypeface.FromData(SKData.CreateCopy(data))
            ?? throw new InvalidOperationException($"The subset of {face.Key} could not be loaded.");
        var glyphs = new ushort[sortedCodepoints.Length];
        using (var font = new SKFont(typeface, 12f))
            for (var i = 0; i < glyphs.Length; i++)
                glyphs[i] = font.GetGlyph(sortedCodepoints[i]);
        return new FontSubset(face, sortedCodepoints, data, typeface, glyphs);
    }

    /// <summary>The glyph id of <paramref name="codepoint"/>, 0 (.notdef) when the subset does not hold it.</summary>
    public ushort GlyphOf(int codepoint)
    {
        var i = Array.BinarySearch(Codepoints, codepoint);
        return i >= 0 ? Glyphs[i] : (ushort)0;
    }

    /// <summary>What <paramref name="derive"/> makes of this subset, made once (a race may make it twice; one wins).</summary>
    internal T Attached<T>(Func<FontSubset, T> derive) where T : class
    {
        if (Volatile.Read(ref _attached) is T done)
            return done;
        var made = derive(this);
        return Interlocked.CompareExchange(ref _attached, made, null) as T ?? made;
    }
}
