using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using UglyToad.PdfPig;

namespace FormsService.Tests.Support;

/// <summary>Reads documents back the way a user's tools do.</summary>
public static class DocumentText
{
    /// <summary>The PDF's words, page by page, joined by single spaces.</summary>
    public static IReadOnlyList<string> PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => Rejoined(string.Join(' ', p.GetWords().Select(w => w.Text)))).ToList();
    }

    /// <summary>A word the layout broke after its hyphen at a line's end ("ҚАК-" / "тың") reads as one word, as printed text does.</summary>
    private static string Rejoined(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"(?<=[\p{L}\d]-) (?=\p{L})", "");

    public static string Pdf(byte[] pdf) => string.Join(' ', PdfPages(pdf));

    /// <summary>
    /// The PDF's words printed at <paramref name="minPointSize"/> or more: a form's text without the small captions
    /// under its blanks, which fall between the words of the lines they sit under wherever those lines break.
    /// </summary>
    public static string PdfWithoutSmallText(byte[] pdf, double minPointSize)
    {
        using var document = PdfDocument.Open(pdf);
        return Rejoined(string.Join(' ', document.GetPages().SelectMany(p => p.GetWords())
            .Where(w => w.Letters.Count > 0 && w.Letters.Max(l => l.PointSize) >= minPointSize).Select(w => w.Text)));
    }

    /// <summary>The DOCX's text: paragraphs joined by spaces, tabs as spaces, runs of spaces collapsed.</summary>
    public static string Docx(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var sb = new StringBuilder();
        foreach (var p in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
        {
            foreach (var e in p.Descendants())
            {
                // No-break spaces read as spaces; a word joiner prints nothing.
                if (e is DocumentFormat.OpenXml.Wordprocessing.Text t) sb.Append(t.Text.Replace('\u00A0', ' ').Replace("\u2060", ""));
                else if (e is DocumentFormat.OpenXml.Wordprocessing.NoBreakHyphen) sb.Append('-');
                else if (e is DocumentFormat.OpenXml.Wordprocessing.TabChar or DocumentFormat.OpenXml.Wordprocessing.Break) sb.Append(' ');
            }
            sb.Append(' ');
        }
        return Collapse(sb.ToString());
    }

    /// <summary>What the Open XML SDK's validator finds wrong, as readable lines.</summary>
    public static IReadOnlyList<string> DocxErrors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    private static string NoSpace(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    public static string Collapse(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Phrases are compared with white space collapsed, as a reader sees them.</summary>
    public static void AssertContainsAll(string text, IEnumerable<string> phrases)
    {
        // Around quotes, PDF extraction and Word text differ only in spacing ("14" vs " 14 "): compare those without spaces.
        var bare = NoSpace(text);
        var missing = phrases.Where(p => !(text.Contains(Collapse(p), StringComparison.Ordinal)
            || (p.Contains('"') && bare.Contains(NoSpace(p), StringComparison.Ordinal)))).ToList();
        Assert.True(missing.Count == 0, "Missing: " + string.Join(" | ", missing) + "\nText: " + text);
    }
}
