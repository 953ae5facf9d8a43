using FormsService.Core.Documents;
using FormsService.Core.Fonts;
using FormsService.Core.Layout;

namespace FormsService.Core.Rendering;

/// <summary>Which characters each face draws in a document: what its font subsets must hold.</summary>
internal static class GlyphUsage
{
    public static Dictionary<FontFace, SortedSet<int>> Collect(LaidOutDocument document, FontLibrary fonts)
    {
        var family = document.Source.Styles.Font == "sans" ? FontFamilyKind.Sans : FontFamilyKind.Serif;
        var usage = new Dictionary<FontFace, SortedSet<int>>();
        void Add(FontFace face, string text)
        {
            if (!usage.TryGetValue(face, out var set))
                usage[face] = set = [];
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length)
                {
                    set.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                    i++;
                }
                else
                {
                    set.Add(text[i]);
                }
            }
        }
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case LaidOutParagraph p:
                    foreach (var line in p.Lines)
                    {
                        foreach (var s in line.Segments)
                            Add(fonts.Get(family, s.Style.Bold || p.Source.Style.Bold, s.Style.Italic), s.Text);
                        foreach (var c in line.Captions)
                            Add(fonts.Get(family, false, false), c.Text);
                    }
                    break;
                case LaidOutCutLine c:
                    Add(fonts.Get(family, false, true), c.Source.Label);
                    break;
                case LaidOutFigure f when f.Source.Art is ITextArt art:
                    foreach (var (face, text) in art.Texts(fonts))
                        Add(face, text);
                    break;
            }
        }
        return usage;
    }
}

/// <summary>Figure art that draws text: tells the PDF renderer which glyphs its subsets must hold.</summary>
public interface ITextArt
{
    IEnumerable<(FontFace Face, string Text)> Texts(FontLibrary fonts);
}
