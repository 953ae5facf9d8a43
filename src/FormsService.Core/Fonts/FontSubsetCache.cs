using System.Collections.Concurrent;
using SkiaSharp;

namespace FormsService.Core.Fonts;

/// <summary>
/// Subsets of the shipped faces, cached by face and glyph set: documents of one form reuse the same few subsets.
/// Bounded, so hostile payloads with ever-new characters cannot grow it without end.
/// </summary>
public sealed class FontSubsetCache(int capacity = 512)
{
    private readonly ConcurrentDictionary<string, SKTypeface> _cache = new(StringComparer.Ordinal);

    public SKTypeface Get(FontFace face, IReadOnlyCollection<int> codepoints)
    {
        var key = face.Key + ":" + string.Join(',', codepoints);
        if (_cache.TryGetValue(key, out var cached))
            return cached;
        var data = FontSubsetter.Subset(face.Data, codepoints);
        var typeface = SKTypeface.FromData(SKData.CreateCopy(data))
            ?? throw new InvalidOperationException($"The subset of {face.Key} could not be loaded.");
        if (_cache.Count >= capacity)
            _cache.Clear(); // Evicted typefaces may still be drawing elsewhere: the GC releases them, not us.
        return _cache.GetOrAdd(key, typeface);
    }
}
