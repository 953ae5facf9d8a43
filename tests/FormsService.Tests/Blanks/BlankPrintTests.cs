using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Modules;
using FormsService.Tests.Layout;
using FormsService.Tests.Support;
using UglyToad.PdfPig;

namespace FormsService.Tests.Blanks;

/// <summary>One document as we print it and as LibreOffice prints our DOCX of it.</summary>
public sealed record PrintedPair(string Name, byte[] Pdf, byte[] Docx)
{
    public byte[] Printed { get; set; } = [];
    public override string ToString() => Name;
}

/// <summary>The blanks and the long letters, rendered to PDF and DOCX, the DOCX printed by LibreOffice in one run.</summary>
public sealed class BlankPrintCases
{
    public List<PrintedPair> Cases { get; } = [];

    public BlankPrintCases()
    {
        var engine = TimeSheetFixture.Engine;
        void Add(string name, string formId, Func<Core.Engine.Catalog.FormVersion, string, byte[]> render)
        {
            var version = engine.Catalog.Find(formId)!.Versions[^1];
            Cases.Add(new PrintedPair(name, render(version, OutputFormats.Pdf), render(version, OutputFormats.Docx)));
        }
        foreach (var formId in new[] { "time-sheet", "work-act", "evasion-report", "conduct-report", "work-order" })
            Add(formId + " blank", formId, (v, f) => engine.Render(v, (Core.Engine.Payloads.PayloadCheck?)null, f));
        Add("time-sheet blank 2026-02", "time-sheet", (v, f) => engine.RenderBlank(v, new BlankOptions(new DateOnly(2026, 2, 1)), f));
        Add("conduct-report with 30 breaches", "conduct-report", (v, f) => engine.Render(v, ConductWithBreaches(30), f));
        Add("evasion-report with 40 facts", "evasion-report", (v, f) => engine.Render(v, EvasionWithFacts(40), f));
        var printed = LibreOffice.PrintToPdf(Cases.Select(c => c.Docx).ToList());
        for (var i = 0; i < Cases.Count; i++)
            Cases[i].Printed = printed[i];
    }

    public PrintedPair this[string name] => Cases.Single(c => c.Name == name);

    /// <summary>The example's report with <paramref name="count"/> breaches, one a day of its month (November 2025, up to the day it is sent) and round again.</summary>
    public static JsonElement ConductWithBreaches(int count)
    {
        var report = JsonNode.Parse(Repo.Example("conduct-report"))!.AsObject();
        report["breaches"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["date"] = new DateOnly(2025, 11, 1 + i % 28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["description"] = $"Жұмысқа {10 + i} минут кешігіп келді; ауызша ескерту жасалды",
        })]);
        return JsonDocument.Parse(report.ToJsonString()).RootElement.Clone();
    }

    /// <summary>The example's report with <paramref name="count"/> absences, a day each from the day after the order.</summary>
    public static JsonElement EvasionWithFacts(int count)
    {
        var report = JsonNode.Parse(Repo.Example("evasion-report"))!.AsObject();
        report["facts"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["date"] = new DateOnly(2025, 10, 22).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["kind"] = "absent",
        })]);
        return JsonDocument.Parse(report.ToJsonString()).RootElement.Clone();
    }
}

/// <summary>
/// What a clerk prints from the DOCX: LibreOffice prints the blanks and the long letters on our pages, with their
/// empty rows, the month's day columns, the page numbers ("1-бет / 2") and the table's header on every page it
/// reaches; the DOCX says so itself (a footer of PAGE and NUMPAGES fields, header rows marked to repeat) and is valid.
/// </summary>
public sealed partial class BlankPrintTests(BlankPrintCases cases) : IClassFixture<BlankPrintCases>
{
    public static TheoryData<string> Names() =>
    [
        "time-sheet blank", "work-act blank", "evasion-report blank", "conduct-report blank", "work-order blank", "time-sheet blank 2026-02",
        "conduct-report with 30 breaches", "evasion-report with 40 facts",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void LibreOffice_prints_the_DOCX_on_our_pages_with_our_ruled_rows(string name)
    {
        var c = cases[name];
        Assert.Empty(DocumentText.DocxErrors(c.Docx));
        using var ours = PdfDocument.Open(c.Pdf);
        using var printed = PdfDocument.Open(c.Printed);
        Assert.Equal(ours.NumberOfPages, printed.NumberOfPages);
        // The ruled rows of a blank, where nothing written decides a row's height; a filled row's height follows its
        // text, as the word processor sets it.
        // The work order has no rows: its blanks are underscore leaders in Word, drawn lines in our PDF, which a
        // pixel count of rules cannot compare (its page count is compared above).
        if (!name.Contains(" blank", StringComparison.Ordinal) || name.StartsWith("work-order", StringComparison.Ordinal))
            return;
        for (var page = 1; page <= ours.NumberOfPages; page++)
        {
            var mine = PrintedPage.Of(c.Pdf, page);
            var theirs = PrintedPage.Of(c.Printed, page);
            int Rules(PrintedPage p) => p.HorizontalRules(90, p.Width - 40, 0, p.Height).Count;
            Assert.True(Rules(mine) == Rules(theirs), $"{name}, page {page}: {Rules(theirs)} ruled lines printed, ours {Rules(mine)}");
        }
    }

    [Fact]
    public void LibreOffice_prints_a_months_blank_time_sheet_with_a_column_per_day()
    {
        using var printed = PdfDocument.Open(cases["time-sheet blank 2026-02"].Printed);
        var page = printed.GetPage(1);
        var words = page.GetWords().ToList();
        var heading = words.Single(w => w.Text == "Айдың");
        var days = words.Where(w => int.TryParse(w.Text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                && w.BoundingBox.Top < heading.BoundingBox.Bottom && w.BoundingBox.Top > heading.BoundingBox.Bottom - 25)
            .OrderBy(w => w.BoundingBox.Left).Select(w => int.Parse(w.Text, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 28), days);
    }

    public static TheoryData<string, string> Letters() => new()
    {
        { "conduct-report with 30 breaches", "Бұзушылықтың" },
        { "evasion-report with 40 facts", "Жалтару түрі" },
    };

    [Theory]
    [MemberData(nameof(Letters))]
    public void A_long_letter_numbers_its_pages_and_repeats_its_table_header_in_our_PDF_and_LibreOffices_print(string name, string heading)
    {
        var c = cases[name];
        foreach (var (who, pdf) in new[] { ("ours", c.Pdf), ("LibreOffice", c.Printed) })
        {
            using var document = PdfDocument.Open(pdf);
            Assert.True(document.NumberOfPages >= 2, $"{name} ({who}): {document.NumberOfPages} page(s)");
            foreach (var page in document.GetPages())
            {
                var text = string.Join(' ', page.GetWords().Select(w => w.Text));
                Assert.Contains($"{page.Number}-бет / {document.NumberOfPages}", text);
                if (CellDate().IsMatch(text))
                    Assert.True(text.Contains(heading, StringComparison.Ordinal), $"{name} ({who}), page {page.Number}: rows without the header '{heading}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void The_DOCX_has_a_page_number_footer_and_its_header_row_marked_to_repeat(string name, string heading)
    {
        var docx = cases[name].Docx;
        using var zip = new ZipArchive(new MemoryStream(docx));
        string Part(string entry)
        {
            using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
            return reader.ReadToEnd();
        }
        var footers = zip.Entries.Where(e => e.FullName.StartsWith("word/footer", StringComparison.Ordinal)).Select(e => Part(e.FullName)).ToList();
        Assert.Contains(footers, f => f.Contains(" PAGE ", StringComparison.Ordinal) || f.Contains("\"PAGE\"", StringComparison.Ordinal) || f.Contains(">PAGE<", StringComparison.Ordinal));
        Assert.Contains(footers, f => f.Contains("NUMPAGES", StringComparison.Ordinal) && f.Contains("бет", StringComparison.Ordinal));
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Single(t => t.InnerText.Contains(heading, StringComparison.Ordinal));
        var first = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First();
        Assert.Contains(heading, first.InnerText);
        Assert.NotNull(first.TableRowProperties?.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableHeader>());
    }

    [GeneratedRegex(@"\b\d\d\.\d\d\.\d{4}\b")]
    private static partial Regex CellDate();
}
