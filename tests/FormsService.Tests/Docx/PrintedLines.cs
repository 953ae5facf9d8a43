using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace FormsService.Tests.Docx;

/// <summary>One line as printed: the words that share a baseline on a page, left to right.</summary>
public sealed record PrintedLine(int Page, double Baseline, string Text)
{
    /// <summary>
    /// What a reader compares: the letters without white space, underscores or runs of hyphens. Leaders are printed
    /// as characters by word processors and as rules by our PDF; spaces differ around quotes and tabs.
    /// </summary>
    public string Key { get; } = KeyOf(Text);

    /// <summary>True when all the line prints is an underscore leader: an underline with nothing to read on it.</summary>
    public bool LeaderOnly => Key.Length == 0 && Text.Contains('_');

    public static string KeyOf(string text) =>
        Leaders.Replace(string.Concat(text.Where(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)), "");

    // Underscores (tab leaders) anywhere; three or more hyphens (a cut line's dashes, maybe fused with its label).
    private static readonly Regex Leaders = new("_+|-{3,}", RegexOptions.Compiled);
}

/// <summary>Reads a PDF back as printed lines (PdfPig words grouped by baseline).</summary>
public static class PrintedLines
{
    private const double SameBaseline = 1.5;

    /// <param name="figures">Areas of pictures (page from 0; points from the top-left corner): text drawn inside a
    /// figure is part of its art, which a DOCX embeds as an image.</param>
    public static IReadOnlyList<PrintedLine> Of(byte[] pdf, IReadOnlyList<(int Page, double Left, double Top, double Right, double Bottom)>? figures = null)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = new List<PrintedLine>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords()
                .Where(w => figures is null || !figures.Any(f => f.Page == page.Number - 1
                    && w.BoundingBox.Centroid.X > f.Left && w.BoundingBox.Centroid.X < f.Right
                    && page.Height - w.BoundingBox.Centroid.Y > f.Top && page.Height - w.BoundingBox.Centroid.Y < f.Bottom))
                .Select(w => (Word: w, Baseline: page.Height - w.Letters[0].StartBaseLine.Y, X: w.BoundingBox.Left))
                .OrderBy(w => w.Baseline).ThenBy(w => w.X).ToList();
            var current = new List<(UglyToad.PdfPig.Content.Word Word, double Baseline, double X)>();
            foreach (var w in words)
            {
                if (current.Count > 0 && w.Baseline - current[0].Baseline > SameBaseline)
                {
                    lines.Add(Line(page.Number, current));
                    current.Clear();
                }
                current.Add(w);
            }
            if (current.Count > 0)
                lines.Add(Line(page.Number, current));
        }
        return lines;
    }

    public static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    private static PrintedLine Line(int page, List<(UglyToad.PdfPig.Content.Word Word, double Baseline, double X)> words) =>
        new(page, words[0].Baseline, string.Join(' ', words.OrderBy(w => w.X).Select(w => w.Word.Text)));

    /// <summary>Every line's key, in reading order, run together: the text a reader reads, in its order.</summary>
    public static string Text(IEnumerable<PrintedLine> lines) => string.Concat(lines.Select(l => l.Key));

    /// <summary>How many lines of <paramref name="expected"/> are printed, in order, in <paramref name="actual"/> (longest common subsequence of non-empty lines).</summary>
    public static int Matching(IReadOnlyList<PrintedLine> expected, IReadOnlyList<PrintedLine> actual)
    {
        var a = expected.Where(l => l.Key.Length > 0).Select(l => l.Key).ToArray();
        var b = actual.Where(l => l.Key.Length > 0).Select(l => l.Key).ToArray();
        var row = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = 0;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : Math.Max(row[j], row[j - 1]);
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
