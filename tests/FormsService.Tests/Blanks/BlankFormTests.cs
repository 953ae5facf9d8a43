using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Modules;
using FormsService.Core.Forms.Order733.Calendar;
using FormsService.Tests.Layout;
using FormsService.Tests.Support;
using UglyToad.PdfPig;

namespace FormsService.Tests.Blanks;

/// <summary>
/// The blanks a person fills by hand, read from the printed PDF: the time sheet's day columns (a month's days, its
/// days off shaded as the calendar has them, or 31 numbered days), empty ruled rows and lines down to the page's
/// foot, the order on one page, no date broken over two lines, and a caption under each of two blanks side by side.
/// </summary>
public sealed partial class BlankFormTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static FormsEngine Engine => TimeSheetFixture.Engine;

    private static readonly Lazy<WorkingCalendar> Calendar = new(() => WorkingCalendar.Load(Path.Combine(Repo.Forms, "_calendar", "kz")));

    private async Task<byte[]> Blank(string formId, string query = "")
    {
        var response = await _client.GetAsync($"/api/forms/{formId}/blank?format=pdf{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The day numbers of the header's second row, left to right, with their centres (points from the left, from the top).</summary>
    private static List<(int Day, double X, double Y)> DayColumns(UglyToad.PdfPig.Content.Page page)
    {
        var words = page.GetWords().ToList();
        var heading = words.Single(w => w.Text == "Айдың");
        return words
            .Where(w => int.TryParse(w.Text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                && w.BoundingBox.Top < heading.BoundingBox.Bottom && w.BoundingBox.Top > heading.BoundingBox.Bottom - 25)
            .OrderBy(w => w.BoundingBox.Left)
            .Select(w => (int.Parse(w.Text, CultureInfo.InvariantCulture), w.BoundingBox.Centroid.X, page.Height - w.BoundingBox.Centroid.Y))
            .ToList();
    }

    /// <summary>Whether each day column is shaded, read in the middle of the empty rows under it.</summary>
    private static List<bool> Shaded(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var days = DayColumns(page);
        var totals = page.GetWords().Single(w => w.Text == "Барлығы");
        var printed = PrintedPage.Of(pdf, 1);
        var y = (int)((days[0].Y + (page.Height - totals.BoundingBox.Centroid.Y)) / 2);
        return days.Select(d => printed.Median((int)d.X, y) < 235).ToList();
    }

    [Theory]
    [InlineData("2025-11")]
    [InlineData("2026-02")]
    [InlineData("2026-03")]
    public async Task A_months_blank_time_sheet_has_a_column_per_day_with_the_calendars_days_off_shaded(string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var length = DateTime.DaysInMonth(first.Year, first.Month);
        var pdf = await Blank("time-sheet", "&month=" + month);
        using (var document = PdfDocument.Open(pdf))
            Assert.Equal(Enumerable.Range(1, length), DayColumns(document.GetPage(1)).Select(d => d.Day));
        var expected = Enumerable.Range(0, length).Select(i => !Calendar.Value.IsWorkingDay(first.AddDays(i))).ToList();
        Assert.Equal(expected, Shaded(pdf));
        Assert.Contains(expected, off => off);
    }

    [Fact]
    public async Task The_blank_time_sheet_without_a_month_has_31_numbered_days_none_shaded()
    {
        var pdf = await Blank("time-sheet");
        using (var document = PdfDocument.Open(pdf))
            Assert.Equal(Enumerable.Range(1, 31), DayColumns(document.GetPage(1)).Select(d => d.Day));
        Assert.All(Shaded(pdf), Assert.False);
    }

    public static TheoryData<string, string> BlanksWithRowsToFill() => new()
    {
        { "time-sheet", "" }, { "time-sheet", "&month=2026-02" }, { "work-act", "" }, { "evasion-report", "" }, { "conduct-report", "" },
    };

    [Theory]
    [MemberData(nameof(BlanksWithRowsToFill))]
    public async Task Empty_ruled_rows_fill_the_page_but_for_two_rows_kept_for_values_typed_longer_than_their_blanks(string formId, string query)
    {
        var pdf = await Blank(formId, query);
        var margins = Engine.Catalog.Find(formId)!.Versions[^1].Definition.Page.MarginsMm;
        var printed = PrintedPage.Of(pdf, 1);
        int Pt(float mm) => (int)Math.Round(mm * 72 / 25.4);
        var (left, right, top, bottom) = (Pt(margins.Left) + 2, printed.Width - Pt(margins.Right) - 2, Pt(margins.Top), printed.Height - Pt(margins.Bottom));
        var rules = printed.HorizontalRules(left, right, top, bottom);
        var gaps = rules.Zip(rules.Skip(1), (a, b) => b - a).ToList();
        // The empty rows: the spacing of rules that repeats most.
        var pitch = gaps.GroupBy(g => g).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        var rows = gaps.Count(g => Math.Abs(g - pitch.Key) <= 1);
        Assert.True(rows >= 2, $"{formId}{query}: {rows} rule spacing(s) of {pitch.Key} pt: no empty rows to write in");
        var free = bottom - printed.LowestInk(left, right, bottom);
        // Two rows' room stays free for values typed longer than their blanks; a third would be a row not printed.
        Assert.True(free < 3 * pitch.Key + 1, $"{formId}{query}: {free} pt free at the foot of the page, room for a third row of {pitch.Key} pt");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
    }

    [Fact]
    public async Task The_blank_work_order_is_one_page_ending_with_its_signature()
    {
        using var document = PdfDocument.Open(await Blank("work-order"));
        Assert.Equal(1, document.NumberOfPages);
        Assert.Contains("(аты-жөнінің бас әрпі, тегі)", string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text)));
    }

    /// <summary>Every form's example and blank (a monthly blank also for a month), as PDF.</summary>
    public static TheoryData<string, string> Documents()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in Engine.Catalog.Forms.Where(f => f.FormId != "time-sheet-fixture").OrderBy(f => f.FormId, StringComparer.Ordinal))
        {
            var version = form.Versions[^1];
            if (FormsEngine.HasArtwork(version)) continue;
            data.Add(form.FormId, "example");
            data.Add(form.FormId, "blank");
            if (version.Module.BlankTakesMonth) data.Add(form.FormId, "blank 2026-03");
        }
        return data;
    }

    /// <summary>Every form's blank (a monthly blank also for a month), as PDF.</summary>
    public static TheoryData<string, string> BlankDocuments()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Documents())
            if ((string)row[1] != "example")
                data.Add((string)row[0], (string)row[1]);
        return data;
    }

    private static byte[] Pdf(string formId, string which)
    {
        var version = Engine.Catalog.Find(formId)!.Versions[^1];
        return which switch
        {
            "example" => Engine.Render(version, version.Example, OutputFormats.Pdf),
            "blank" => Engine.Render(version, (Core.Engine.Payloads.PayloadCheck?)null, OutputFormats.Pdf),
            _ => Engine.RenderBlank(version, new BlankOptions(DateOnly.ParseExact(which[6..] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)), OutputFormats.Pdf),
        };
    }

    /// <summary>
    /// A blank's date is written by hand into its shape, which must stay on one line. A filled date breaks at its
    /// spaces like any text, as Word breaks it in the DOCX.
    /// </summary>
    [Theory]
    [MemberData(nameof(BlankDocuments))]
    public void No_blank_date_is_broken_over_two_lines(string formId, string which)
    {
        var file = Path.Combine(Tools.TempDir("dates"), "doc.pdf");
        File.WriteAllBytes(file, Pdf(formId, which));
        var (code, text) = Tools.Run("pdftotext", $"-layout \"{file}\" -");
        Assert.True(code == 0, text);
        var broken = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            foreach (Match m in Year().Matches(line))
            {
                var before = line[..m.Index].TrimEnd();
                var after = line[(m.Index + m.Length)..];
                // "2025 жылғы 14 қазан", "20__ жылғы "__" ____": the year before "жылғы", the day and month after it.
                if (!YearEnd().IsMatch(before) || after.Trim().Length == 0 || (after.TrimStart().StartsWith('"') && after.Count(c => c == '"') < 2))
                    broken.Add(line.Trim());
            }
        }
        Assert.True(broken.Count == 0, $"{formId} {which}: a date broken at the end of: {string.Join(" | ", broken)}");
    }

    [GeneratedRegex("жылғы")]
    private static partial Regex Year();

    [GeneratedRegex(@"(\d|20)$")]
    private static partial Regex YearEnd();

    /// <summary>
    /// The forms whose layout is the service's own (their legal basis says the law sets no template): a form the law
    /// draws (the referral, Appendix 3) prints its blanks and captions as the law does, adding none.
    /// </summary>
    public static TheoryData<string> OwnLayouts()
    {
        var data = new TheoryData<string>();
        foreach (var form in Engine.Catalog.Forms.Where(f => f.FormId != "time-sheet-fixture" && !FormsEngine.HasArtwork(f.Versions[^1])
            && f.Versions[^1].Definition.LegalBasis.Appendix.StartsWith("Ресми үлгісі жоқ", StringComparison.Ordinal)))
            data.Add(form.FormId);
        return data;
    }

    [Theory]
    [MemberData(nameof(OwnLayouts))]
    public void Two_blanks_side_by_side_each_have_their_caption(string formId)
    {
        var laid = Engine.Lay(Engine.Catalog.Find(formId)!.Versions[^1], (Core.Engine.Payloads.PayloadCheck?)null);
        var lines = laid.Blocks.OfType<LaidOutParagraph>().SelectMany(p => p.Lines)
            .Concat(laid.Blocks.OfType<LaidOutTable>().SelectMany(t => t.Rows.SelectMany(r => r.Cells.SelectMany(c => c.Lines))));
        var bare = new List<string>();
        foreach (var line in lines)
        {
            bool Captioned(Segment s) => line.Captions.Any(c => c.CenterX >= s.X - 0.5 && c.CenterX <= s.X + s.Width + 0.5);
            FieldSegment? previous = null;
            foreach (var segment in line.Segments)
            {
                if (segment is FieldSegment { Text.Length: 0 } blank)
                {
                    if (previous is not null && (!Captioned(previous) || !Captioned(blank)))
                        bare.Add($"page {line.Page + 1}, {previous.X:0}–{blank.X + blank.Width:0} pt");
                    previous = blank;
                }
                else if (segment.Text.Trim().Length > 0)
                {
                    previous = null;
                }
            }
        }
        Assert.True(bare.Count == 0, $"{formId}: blanks side by side without a caption each: {string.Join("; ", bare)}");
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-1")]
    [InlineData("november")]
    public async Task A_month_that_is_not_one_is_422_naming_month(string month)
    {
        var response = await _client.GetAsync($"/api/forms/time-sheet/blank?format=pdf&month={month}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("month", out _));
    }

    [Fact]
    public async Task A_month_for_a_blank_that_has_none_is_422_naming_month()
    {
        var response = await _client.GetAsync("/api/forms/work-act/blank?format=pdf&month=2025-11");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("month", out _));
    }

    [Fact]
    public async Task A_months_blank_has_its_own_ETag_and_file_name()
    {
        var november = await _client.GetAsync("/api/forms/time-sheet/blank?format=pdf&month=2025-11");
        var december = await _client.GetAsync("/api/forms/time-sheet/blank?format=pdf&month=2025-12");
        var any = await _client.GetAsync("/api/forms/time-sheet/blank?format=pdf");
        Assert.Equal(3, new[] { november, december, any }.Select(r => r.Headers.ETag!.Tag).Distinct().Count());
        Assert.Contains("2025-11", november.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.EndsWith(".pdf", november.Content.Headers.ContentDisposition!.FileNameStar);
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/forms/time-sheet/blank?format=pdf&month=2025-11");
        again.Headers.IfNoneMatch.Add(november.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
    }
}
