using System.Runtime.InteropServices;

namespace FormsService.Core.Engine.Fonts;

/// <summary>
/// In-memory font subsetting through HarfBuzz's subset API (hb-subset), called directly in the
/// <c>libHarfBuzzSharp</c> native library shipped by HarfBuzzSharp.NativeAssets.*.
/// </summary>
/// <remarks>
/// Thread-safe: every call builds and destroys its own native objects and shares no state.
/// </remarks>
internal static partial class FontSubsetter
{
    /// <summary>
    /// Returns a font holding only the glyphs needed for <paramref name="codepoints"/> (plus .notdef and any
    /// glyphs those pull in through composites or OpenType layout closure), with hinting dropped
    /// (<c>HB_SUBSET_FLAGS_NO_HINTING</c>) to make it small.
    /// </summary>
    /// <remarks>
    /// The outline format of the source is kept: a TrueType (glyf) font yields a TrueType font. Glyph advances are
    /// unchanged and the output keeps the tables needed to render and embed it (cmap, glyf/loca, hmtx/hhea, head,
    /// maxp, OS/2, name, post), without the OpenType layout tables (GSUB, GPOS, GDEF). Glyph ids are renumbered. The result is deterministic: the same font and the same
    /// set of codepoints (in any order, duplicates ignored) give the same bytes. Codepoints the font does not map
    /// are ignored.
    /// </remarks>
    /// <param name="fontData">A TrueType/OpenType font (the first face of a collection is used).</param>
    /// <param name="codepoints">Unicode scalar values to keep (0 to 0x10FFFF).</param>
    /// <exception cref="ArgumentException"><paramref name="fontData"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="codepoints"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A codepoint is outside 0..0x10FFFF.</exception>
    /// <exception cref="InvalidOperationException">HarfBuzz could not parse or subset the font.</exception>
    public static byte[] Subset(ReadOnlySpan<byte> fontData, IReadOnlyCollection<int> codepoints)
    {
        ArgumentNullException.ThrowIfNull(codepoints);
        if (fontData.IsEmpty)
            throw new ArgumentException("Font data is empty.", nameof(fontData));
        foreach (var cp in codepoints)
        {
            if ((uint)cp > MaxCodepoint)
                throw new ArgumentOutOfRangeException(nameof(codepoints), cp,
                    $"Codepoint {cp} is outside the Unicode range 0..0x10FFFF.");
        }

        unsafe
        {
            // The source blob is created READONLY over the caller's memory, which `fixed` pins. HarfBuzz may keep
            // references to that memory in the source face and in the subset face (tables passed through
            // unchanged are sub-blobs of the source blob), so every native object is destroyed before the pin is
            // released, and the result is copied into managed memory before its blob is destroyed.
            fixed (byte* data = fontData)
            {
                nint sourceBlob = 0, sourceFace = 0, input = 0, subsetFace = 0, resultBlob = 0;
                try
                {
                    sourceBlob = Native.hb_blob_create_or_fail(data, (uint)fontData.Length, MemoryModeReadOnly, 0, 0);
                    if (sourceBlob == 0)
                        throw Failure("could not wrap the font data in a blob");

                    sourceFace = Native.hb_face_create_or_fail(sourceBlob, 0);
                    if (sourceFace == 0 || Native.hb_face_get_glyph_count(sourceFace) == 0)
                        throw Failure("the data is not a valid TrueType/OpenType font");

                    input = Native.hb_subset_input_create_or_fail();
                    if (input == 0)
                        throw Failure("could not create the subset input");

                    // The unicode set belongs to the input: it is freed with it and must not be destroyed here.
                    var unicodes = Native.hb_subset_input_unicode_set(input);
                    foreach (var cp in codepoints)
                        Native.hb_set_add(unicodes, (uint)cp);
                    if (Native.hb_set_allocation_successful(unicodes) == 0)
                        throw Failure("out of memory while building the codepoint set");

                    Native.hb_subset_input_set_flags(input, SubsetFlagsNoHinting);
                    // The PDF draws glyphs at the positions layout gave them: nothing reads the layout tables of an
                    // embedded font, and dropping them also keeps their substitution closure out of the subset.
                    var dropped = Native.hb_subset_input_set(input, SubsetSetsDropTableTag);
                    foreach (var tag in LayoutTables)
                        Native.hb_set_add(dropped, tag);
                    if (Native.hb_set_allocation_successful(dropped) == 0)
                        throw Failure("out of memory while building the table set");

                    subsetFace = Native.hb_subset_or_fail(sourceFace, input);
                    if (subsetFace == 0)
                        throw Failure("hb_subset_or_fail returned no face");

                    // For the face builder that hb-subset returns, this serialises the tables into a new font file.
                    resultBlob = Native.hb_face_reference_blob(subsetFace);
                    uint length = 0;
                    var result = resultBlob == 0 ? null : Native.hb_blob_get_data(resultBlob, &length);
                    if (result == null || length == 0)
                        throw Failure("the subset font could not be serialised");

                    return new ReadOnlySpan<byte>(result, checked((int)length)).ToArray();
                }
                finally
                {
                    // All destroy functions accept null; destroy in reverse order of creation.
                    Native.hb_blob_destroy(resultBlob);
                    Native.hb_face_destroy(subsetFace);
                    Native.hb_subset_input_destroy(input);
                    Native.hb_face_destroy(sourceFace);
                    Native.hb_blob_destroy(sourceBlob);
                }
            }
        }
    }

    private const int MaxCodepoint = 0x10FFFF;

    /// <summary><c>HB_MEMORY_MODE_READONLY</c>: HarfBuzz neither copies nor writes the memory.</summary>
    private const int MemoryModeReadOnly = 1;

    /// <summary><c>HB_SUBSET_FLAGS_NO_HINTING</c>: drop glyph instructions and fpgm/prep/cvt/hdmx/VDMX.</summary>
    private const uint SubsetFlagsNoHinting = 0x1;

    /// <summary><c>HB_SUBSET_SETS_DROP_TABLE_TAG</c>: the set of table tags the subset leaves out.</summary>
    private const int SubsetSetsDropTableTag = 3;

    /// <summary>GSUB, GPOS, GDEF, as HarfBuzz tags (four ASCII bytes, big-endian).</summary>
    private static readonly uint[] LayoutTables = [Tag("GSUB"), Tag("GPOS"), Tag("GDEF")];

    private static uint Tag(string name) => (uint)(name[0] << 24 | name[1] << 16 | name[2] << 8 | name[3]);

    private static InvalidOperationException Failure(string what) =>
        new($"Font subsetting failed: {what} (HarfBuzz {HarfBuzzVersion}).");

    private static string HarfBuzzVersion
    {
        get
        {
            unsafe
            {
                return Marshal.PtrToStringUTF8((nint)Native.hb_version_string()) ?? "unknown";
            }
        }
    }

    /// <summary>
    /// hb-subset entry points of the native library that HarfBuzzSharp ships. All signatures are blittable;
    /// pointers are <see cref="nint"/> so that null (0) can be passed to the destroy functions.
    /// </summary>
    private static unsafe partial class Native
    {
        private const string Library = "libHarfBuzzSharp";

        [LibraryImport(Library)]
        internal static partial nint hb_blob_create_or_fail(byte* data, uint length, int mode, nint userData, nint destroy);

        [LibraryImport(Library)]
        internal static partial byte* hb_blob_get_data(nint blob, uint* length);

        [LibraryImport(Library)]
        internal static partial void hb_blob_destroy(nint blob);

        [LibraryImport(Library)]
        internal static partial nint hb_face_create_or_fail(nint blob, uint index);

        [LibraryImport(Library)]
        internal static partial uint hb_face_get_glyph_count(nint face);

        [LibraryImport(Library)]
        internal static partial nint hb_face_reference_blob(nint face);

        [LibraryImport(Library)]
        internal static partial void hb_face_destroy(nint face);

        [LibraryImport(Library)]
        internal static partial void hb_set_add(nint set, uint codepoint);

        [LibraryImport(Library)]
        internal static partial int hb_set_allocation_successful(nint set);

        [LibraryImport(Library)]
        internal static partial nint hb_subset_input_create_or_fail();

        [LibraryImport(Library)]
        internal static partial nint hb_subset_input_unicode_set(nint input);

        [LibraryImport(Library)]
        internal static partial nint hb_subset_input_set(nint input, int setType);

        [LibraryImport(Library)]
        internal static partial void hb_subset_input_set_flags(nint input, uint flags);

        [LibraryImport(Library)]
        internal static partial void hb_subset_input_destroy(nint input);

        [LibraryImport(Library)]
        internal static partial nint hb_subset_or_fail(nint sourceFace, nint input);

        [LibraryImport(Library)]
        internal static partial byte* hb_version_string();
    }
}
