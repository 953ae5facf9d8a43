using System.Collections.Concurrent;
using SkiaSharp;

namespace FormsService.Core.Engine.Fonts;

internal enum FontFamilyKind { Serif, Sans }

/// <summary>One font file the service ships, loaded once: its bytes (for subsetting) and its typeface.</summary>
internal sealed class FontFace : IDisposable
{
    /// <summary>
    /// Advances (fractions of the size) by UTF-16 code unit, in pages of 256 filled lazily; NaN marks "not measured
    /// yet". Reads take no lock: a page is published whole, and a racing writer stores the same value.
    /// </summary>
    private readonly float[]?[] _advancePages = new float[]?[256];

    internal FontFace(string key, string path, byte[] data, SKTypeface typeface, string docxName, FontFamilyKind family, bool bold, bool italic)
    {
        Key = key;
        Family = family;
        Bold = bold;
        Italic = italic;
        Path = path;
        Data = data;
        Typeface = typeface;
        DocxName = docxName;
        using var font = CreateFont(1000f);
        var m = font.Metrics;
        // Skia reports ascent negative (up).
        Ascent = -m.Ascent / 1000f;
        Descent = m.Descent / 1000f;
    }

    public string Key { get; }
    public FontFamilyKind Family { get; }
    public bool Bold { get; }
    public bool Italic { get; }
    public string Path { get; }
    public byte[] Data { get; }
    public SKTypeface Typeface { get; }
    /// <summary>The family name a DOCX names: the metric twin Word has (Times New Roman for Liberation Serif).</summary>
    public string DocxName { get; }
    /// <summary>Ascent and descent as fractions of the font size.</summary>
    public float Ascent { get; }
    public float Descent { get; }

    /// <summary>An SKFont with the settings that keep widths linear and text extraction clean (see STACK.md).</summary>
    public SKFont CreateFont(float size, SKTypeface? typeface = null) => new(typeface ?? Typeface, size)
    {
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.Antialias,
    };

    /// <summary>Width of <paramref name="text"/> at <paramref name="size"/> points: the sum of unhinted advances.</summary>
    public float Measure(ReadOnlySpan<char> text, float size)
    {
        float sum = 0;
        foreach (var c in text)
            sum += Advance(c);
        return sum * size;
    }

    /// <summary>The advance of one UTF-16 code unit as a fraction of the size (cached; see <see cref="Measure"/>).</summary>
    internal float Advance(char c)
    {
        var page = _advancePages[c >> 8];
        if (page is not null)
        {
            var a = page[c & 0xFF];
            if (!float.IsNaN(a))
                return a;
        }
        return MeasureAdvance(c);
    }

    private readonly ConcurrentDictionary<int, bool> _drawable = new();

    public bool CanDraw(int codepoint) => _drawable.GetOrAdd(codepoint, static (cp, typeface) =>
    {
        using var font = new SKFont(typeface, 12f);
        return font.ContainsGlyph(cp);
    }, Typeface);

    private float MeasureAdvance(char c)
    {
        var page = Volatile.Read(ref _advancePages[c >> 8]);
        if (page is null)
        {
            var fresh = new float[256];
            Array.Fill(fresh, float.NaN);
            page = Interlocked.CompareExchange(ref _advancePages[c >> 8], fresh, null) ?? fresh;
        }
        using var font = CreateFont(1000f);
        var a = font.MeasureText(c.ToString()) / 1000f;
        Volatile.Write(ref page[c & 0xFF], a);
        return a;
    }

    public void Dispose() => Typeface.Dispose();
}

/// <summary>
/// The fonts in <c>fonts/</c>, loaded from files at start-up: nothing depends on the machine's fonts.
/// </summary>
internal sealed class FontLibrary : IDisposable
{
    private static readonly (FontFamilyKind Family, bool Bold, bool Italic, string File, string DocxName)[] Files =
    [
        (FontFamilyKind.Serif, false, false, "LiberationSerif-Regular.ttf", "Times New Roman"),
        (FontFamilyKind.Serif, true, false, "LiberationSerif-Bold.ttf", "Times New Roman"),
        (FontFamilyKind.Serif, false, true, "LiberationSerif-Italic.ttf", "Times New Roman"),
        (FontFamilyKind.Serif, true, true, "LiberationSerif-BoldItalic.ttf", "Times New Roman"),
        (FontFamilyKind.Sans, false, false, "LiberationSans-Regular.ttf", "Arial"),
        (FontFamilyKind.Sans, true, false, "LiberationSans-Bold.ttf", "Arial"),
        (FontFamilyKind.Sans, false, true, "LiberationSans-Italic.ttf", "Arial"),
        (FontFamilyKind.Sans, true, true, "LiberationSans-BoldItalic.ttf", "Arial"),
    ];

    /// <summary>Letters every shipped font must draw: the Kazakh alphabet beyond Russian's, checked at start-up.</summary>
    public const string RequiredLetters = "ӘәҒғҚқҢңӨөҰұҮүҺһІіЁёАаЯяЩщ№«»–—";

    private readonly Dictionary<(FontFamilyKind, bool, bool), FontFace> _faces = new();

    private FontLibrary(string directory) => Directory = directory;

    public string Directory { get; }

    public IEnumerable<FontFace> Faces => _faces.Values;

    public static FontLibrary Load(string directory)
    {
        var library = new FontLibrary(directory);
        try
        {
            foreach (var (family, bold, italic, file, docxName) in Files)
            {
                var path = System.IO.Path.Combine(directory, file);
                if (!File.Exists(path))
                    throw new FileNotFoundException($"Font file '{path}' is missing: the service ships its fonts in fonts/.", path);
                var data = File.ReadAllBytes(path);
                var typeface = SKTypeface.FromData(SKData.CreateCopy(data))
                    ?? throw new InvalidDataException($"Font file '{path}' is not a font Skia can read.");
                var face = new FontFace(System.IO.Path.GetFileNameWithoutExtension(file), path, data, typeface, docxName, family, bold, italic);
                foreach (var c in RequiredLetters)
                    if (!face.CanDraw(c))
                        throw new InvalidDataException($"Font file '{path}' cannot draw '{c}' (U+{(int)c:X4}).");
                library._faces[(family, bold, italic)] = face;
            }
            return library;
        }
        catch
        {
            library.Dispose();
            throw;
        }
    }

    public FontFace Get(FontFamilyKind family, bool bold, bool italic) => _faces[(family, bold, italic)];

    /// <summary>The font file a model's face is drawn with.</summary>
    public FontFace Get(Model.Face face) => _faces[(face.Family, face.Bold, face.Italic)];

    /// <summary>Per family, for each BMP code point: 0 not asked yet, 1 every face draws it, 2 some face does not.</summary>
    private readonly byte[][] _familyDrawable = [new byte[0x10000], new byte[0x10000]];

    /// <summary>True when every shipped face of <paramref name="family"/> draws the code point.</summary>
    public bool CanDraw(FontFamilyKind family, int codepoint)
    {
        if ((uint)codepoint > 0xFFFF || (int)family is < 0 or > 1)
            return AllFacesDraw(family, codepoint);
        var states = _familyDrawable[(int)family];
        var state = Volatile.Read(ref states[codepoint]);
        if (state == 0)
        {
            state = AllFacesDraw(family, codepoint) ? (byte)1 : (byte)2;
            Volatile.Write(ref states[codepoint], state);
        }
        return state == 1;
    }

    private bool AllFacesDraw(FontFamilyKind family, int codepoint) =>
        _faces.Where(f => f.Key.Item1 == family).All(f => f.Value.CanDraw(codepoint));

    public void Dispose()
    {
        foreach (var f in _faces.Values) f.Dispose();
        _faces.Clear();
    }
}
