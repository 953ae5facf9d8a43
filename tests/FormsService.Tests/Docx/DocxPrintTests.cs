namespace FormsService.Tests.Docx;

/// <summary>
/// The DOCX as Word-like software lays it out matches our PDF: LibreOffice's print of it has our page count, our
/// text in our order, and our printed lines (nine in ten at least), with no line that is only an underscore leader
/// unless ours has an empty blank alone there too. Edited values reflow without stray leaders.
/// </summary>
public sealed class DocxPrintTests(DocxPrintCases cases, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DocxPrintCases>
{
    [Fact]
    public void Every_case_prints_on_our_pages_with_our_text_in_our_order()
    {
        var failures = new List<string>();
        foreach (var c in cases.Cases)
        {
            var ourPages = PrintedLines.PageCount(c.Pdf);
            var theirPages = PrintedLines.PageCount(c.Printed);
            if (ourPages != theirPages)
                failures.Add($"{c}: {theirPages} pages printed, ours {ourPages}");
            var ours = PrintedLines.Text(c.OurLines);
            var theirs = PrintedLines.Text(c.PrintedLinesOfDocx);
            if (ours != theirs)
                failures.Add($"{c}: text differs at {Diverges(ours, theirs)}:\n  ours:    …{Around(ours, Diverges(ours, theirs))}…\n  printed: …{Around(theirs, Diverges(ours, theirs))}…");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_case_breaks_nine_lines_in_ten_where_we_do()
    {
        var report = new List<string>();
        var failed = false;
        foreach (var c in cases.Cases)
        {
            var ours = c.OurLines.Count(l => l.Key.Length > 0);
            var theirs = c.PrintedLinesOfDocx.Count(l => l.Key.Length > 0);
            var same = PrintedLines.Matching(c.OurLines, c.PrintedLinesOfDocx);
            var share = same / (double)Math.Max(ours, theirs);
            report.Add($"{c}: {same} of {ours} lines (printed {theirs}) = {share:P0}");
            if (share < 0.9)
            {
                failed = true;
                var printed = c.PrintedLinesOfDocx.Select(l => l.Key).ToHashSet();
                report.AddRange(c.OurLines.Where(l => l.Key.Length > 0 && !printed.Contains(l.Key)).Select(l => "   not printed: " + l.Text));
            }
        }
        output.WriteLine(string.Join("\n", report));
        Assert.False(failed, string.Join("\n", report));
    }

    [Fact]
    public void No_printed_line_is_a_bare_leader_unless_ours_is_an_empty_blank()
    {
        var failures = cases.Cases
            .Select(c => (Case: c, Bare: c.PrintedLinesOfDocx.Count(l => l.LeaderOnly)))
            .Where(x => x.Bare > x.Case.LeaderOnlyLinesAllowed)
            .Select(x => $"{x.Case}: {x.Bare} lines printed with only a leader; ours has {x.Case.LeaderOnlyLinesAllowed} lines of empty blanks alone")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_value_edited_three_times_longer_or_emptied_reflows_in_order_without_stray_leaders()
    {
        Assert.NotEmpty(cases.Edits);
        var failures = new List<string>();
        foreach (var e in cases.Edits)
        {
            var lines = PrintedLines.Of(e.Printed);
            var original = PrintedLines.Text(e.Original.PrintedLinesOfDocx);
            var key = PrintedLine.KeyOf(e.Value);
            var at = original.IndexOf(key, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{e}: '{e.Value}' is not in the print of the original");
            Assert.True(original.IndexOf(key, at + key.Length, StringComparison.Ordinal) < 0, $"{e}: '{e.Value}' is printed more than once");
            var expected = original[..at] + PrintedLine.KeyOf(e.Longer) + original[(at + key.Length)..];
            var actual = PrintedLines.Text(lines);
            if (expected != actual)
                failures.Add($"{e}: text differs at {Diverges(expected, actual)}:\n  expected: …{Around(expected, Diverges(expected, actual))}…\n  printed:  …{Around(actual, Diverges(expected, actual))}…");
            var bare = lines.Count(l => l.LeaderOnly);
            if (bare > e.Original.LeaderOnlyLinesAllowed)
                failures.Add($"{e}: {bare} lines printed with only a leader");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_blank_typed_in_prints_every_value_in_order_on_the_blanks_pages_within_the_margins()
    {
        Assert.NotEmpty(cases.Typed);
        var failures = new List<string>();
        foreach (var t in cases.Typed)
        {
            var pages = PrintedLines.PageCount(t.Printed);
            // Typed values longer than their blanks may lengthen a document, as far as the same values do in our PDF.
            var blankPages = PrintedLines.PageCount(t.Blank.Printed);
            var filled = cases.Cases.First(c => c.Name == t.Blank.Name[..^" blank".Length] + " example");
            var allowed = Math.Max(blankPages, PrintedLines.PageCount(filled.Pdf));
            if (pages > allowed)
                failures.Add($"{t}: {pages} pages printed, the blank {blankPages}, our filled PDF {allowed}; the last page: "
                    + PrintedLines.Text(PrintedLines.Of(t.Printed).Where(l => l.Page == pages)));
            var text = PrintedLines.Text(PrintedLines.Of(t.Printed));
            var at = 0;
            foreach (var value in t.Values)
            {
                var key = PrintedLine.KeyOf(value);
                var found = text.IndexOf(key, at, StringComparison.Ordinal);
                if (found < 0) { failures.Add($"{t}: '{value}' is not printed after what was typed before it"); break; }
                at = found + key.Length;
            }
            var bare = PrintedLines.Of(t.Printed).Count(l => l.LeaderOnly);
            if (bare > t.Blank.PrintedLinesOfDocx.Count(l => l.LeaderOnly))
                failures.Add($"{t}: {bare} lines printed with only a leader, more than the blank has");
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(t.Printed);
            foreach (var page in pdf.GetPages())
                foreach (var letter in page.Letters.Where(l => l.Value.Trim().Length > 0 && l.Value != "_"))
                    if (letter.GlyphRectangle.Right > page.Width - 0.5 * Units(10) || letter.GlyphRectangle.Left < 0)
                    {
                        failures.Add($"{t}: '{letter.Value}' printed past the page's edge on page {page.Number}");
                        break;
                    }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static double Units(double mm) => mm * 72 / 25.4;

    private static int Diverges(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    private static string Around(string s, int at) => s[Math.Max(0, at - 30)..Math.Min(s.Length, at + 50)];
}
