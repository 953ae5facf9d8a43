using System.Net;
using System.Text.Json;
using FormsService.Tests.Support;
using UglyToad.PdfPig;
using static FormsService.Tests.ReferralCertificate.ReferralCertificateSamples;

namespace FormsService.Tests.ReferralCertificate;

/// <summary>The Хабарлама as the order draws it, and the rules of its dates.</summary>
public sealed class ReferralNotificationTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string ValidateUrl = "/api/forms/referral-certificate/validate";
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<byte[]> Pdf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// The first line reads <c>20__ жылғы "___" ______ _________ № ____</c>: after the date's month blank comes a blank of
    /// its own, then №. Measured from the day's closing quote to №: the month blank (24 mm) and the middle one (25 mm).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_notification_s_first_line_has_its_middle_blank(bool filled)
    {
        var pdf = await Pdf(filled
            ? await _client.PostJson(RenderUrl + "?format=pdf", Example)
            : await _client.GetAsync("/api/forms/referral-certificate/blank?format=pdf"));
        var gapMm = FromDayQuoteToNumberMm(pdf);
        Assert.True(gapMm > 24 + 25, $"From the day's quote to № is {gapMm:0.0} mm: the middle blank is missing.");
    }

    /// <summary>The same line as Word-like software prints the DOCX (LibreOffice), filled and blank.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_DOCX_printed_by_LibreOffice_has_the_middle_blank_too(bool filled)
    {
        var response = filled
            ? await _client.PostJson(RenderUrl + "?format=docx", Example)
            : await _client.GetAsync("/api/forms/referral-certificate/blank?format=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dir = Tools.TempDir("soffice-notification");
        var file = Path.Combine(dir, "form.docx");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var (code, output) = Tools.Run("soffice",
            $"-env:UserInstallation=file://{dir}/profile --headless --norestore --convert-to pdf --outdir \"{dir}\" \"{file}\"", 180_000);
        Assert.True(code == 0, output);
        var gapMm = FromDayQuoteToNumberMm(await File.ReadAllBytesAsync(Path.Combine(dir, "form.pdf")));
        Assert.True(gapMm > 24 + 25, $"From the day's quote to № is {gapMm:0.0} mm in LibreOffice's print: the middle blank is missing.");
    }

    /// <summary>On the Хабарлама's first line, the distance from the day's closing quote to №: the month blank and the middle one.</summary>
    private static double FromDayQuoteToNumberMm(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var heading = page.GetWords().Single(w => w.Text == "Хабарлама");
        var number = page.GetWords().Where(w => w.Text.StartsWith('№') && w.BoundingBox.Bottom < heading.BoundingBox.Bottom)
            .OrderByDescending(w => w.BoundingBox.Bottom).First();
        var baseline = number.Letters[0].StartBaseLine.Y;
        var quote = page.Letters.Where(l => l.Value == "\"" && SameLine(l.StartBaseLine.Y, baseline)
                && l.GlyphRectangle.Right < number.BoundingBox.Left)
            .OrderByDescending(l => l.GlyphRectangle.Right).First();
        return (number.BoundingBox.Left - quote.GlyphRectangle.Right) * 25.4 / 72;
    }

    [Fact]
    public async Task The_signature_date_is_its_own_and_defaults_to_the_notification_date()
    {
        var own = DocumentText.PdfPages(await Pdf(await _client.PostJson(RenderUrl + "?format=pdf",
            With(p => p["notification"]!["signedDate"] = "2025-10-24"))))[0];
        Assert.EndsWith("2025 жылғы \" 24 \" қазан", own.TrimEnd());
        Assert.Contains("2025 жылғы \" 23 \" қазан № 14-07/318", own);

        var defaulted = DocumentText.PdfPages(await Pdf(await _client.PostJson(RenderUrl + "?format=pdf", Example)))[0];
        Assert.EndsWith("2025 жылғы \" 23 \" қазан", defaulted.TrimEnd());
    }

    [Fact]
    public async Task The_sample_keeps_its_dates_in_order()
    {
        var answer = JsonDocument.Parse(await (await _client.PostJson(ValidateUrl, Example)).Content.ReadAsStringAsync()).RootElement;
        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(0, answer.GetProperty("warnings").GetArrayLength());
    }

    public static TheoryData<string, string, string> DateBreaks => new()
    {
        // It reports a start in the past tense (кірісті): not dated before the start, nor before the referral.
        { With(p => p["notification"]!["date"] = "2025-10-22"), "notification.date", "startDate" },
        { With(p => { p["notification"]!["date"] = "2025-10-19"; p["notification"]!["startDate"] = "2025-10-19"; }), "notification.date", "issuer.date" },
        { With(p => p["notification"]!["signedDate"] = "2025-10-22"), "notification.signedDate", "startDate" },
        { With(p => p["notification"]!["signedDate"] = "2025-02-30"), "notification.signedDate", "" },
        { With(p => p["notification"]!["signedDate"] = "1989-12-31"), "notification.signedDate", "1990" },
    };

    [Theory]
    [MemberData(nameof(DateBreaks))]
    public async Task A_notification_dated_before_what_it_reports_is_422_at_its_path(string payload, string path, string named)
    {
        var response = await _client.PostJson(RenderUrl, payload, "en");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(path, out var messages), errors.ToString());
        Assert.Contains(named, string.Join(" ", messages.EnumerateArray().Select(m => m.GetString())));
    }

    [Theory]
    [InlineData(2011, HttpStatusCode.OK)]                   // 2025 − 2011 = 14: may be 13 → a warning
    [InlineData(2012, HttpStatusCode.UnprocessableEntity)]  // 13 at most: refused
    [InlineData(2010, HttpStatusCode.OK)]
    public async Task A_birth_year_that_may_mean_13_is_a_warning_one_that_must_is_refused(int birthYear, HttpStatusCode status)
    {
        var response = await _client.PostJson(ValidateUrl, With(p => p["convict"]!["birthYear"] = birthYear));
        Assert.Equal(status, response.StatusCode);
        if (status != HttpStatusCode.OK)
        {
            Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("convict.birthYear", out _));
            return;
        }
        var warnings = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("warnings")
            .EnumerateArray().Where(w => w.GetProperty("code").GetString() == "possibly-under-14").ToList();
        Assert.Equal(birthYear == 2011 ? 1 : 0, warnings.Count);
        if (warnings.Count == 1)
        {
            Assert.Equal("convict.birthYear", warnings[0].GetProperty("path").GetString());
            Assert.Contains("13", warnings[0].GetProperty("message").GetString());
            var render = await _client.PostJson(RenderUrl + "?format=pdf", With(p => p["convict"]!["birthYear"] = birthYear));
            Assert.Equal(HttpStatusCode.OK, render.StatusCode);
            Assert.Contains("possibly-under-14", render.Headers.GetValues("X-Form-Warnings").Single());
        }
    }

    [Theory]
    [InlineData("120.0", "120")]
    [InlineData("1.2e2", "120")]
    public async Task Whole_hours_however_spelt_are_accepted_and_print_as_whole(string spelt, string printed)
    {
        var payload = Example.Replace("\"hours\": 120", "\"hours\": " + spelt, StringComparison.Ordinal);
        Assert.NotEqual(Example, payload);
        var text = DocumentText.Pdf(await Pdf(await _client.PostJson(RenderUrl + "?format=pdf", payload)));
        Assert.Contains($"ҚК-нің 190 бабы бойынша {printed} сағат", text);
        Assert.DoesNotContain(spelt, text);
    }

    [Fact]
    public async Task Hours_with_a_fraction_are_refused_as_not_whole()
    {
        var response = await _client.PostJson(RenderUrl, Example.Replace("\"hours\": 120", "\"hours\": 4.5", StringComparison.Ordinal), "en");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = (await response.ProblemAsync()).GetProperty("errors").GetProperty("verdict.hours")[0].GetString();
        Assert.Contains("whole number", message);
    }

    private static bool SameLine(double a, double b) => Math.Abs(a - b) < 2;
}
