using System.Net;
using System.Text.Json;
using FormsService.Tests.Merge;
using FormsService.Tests.Support;

namespace FormsService.Tests.Pdfa;

/// <summary>
/// PDF/A-2b on the PDF routes, read back by independent readers: pikepdf (Debian's python3-pikepdf, over qpdf) for the
/// XMP, output intent, fonts and encryption, and <c>qpdf --check</c> for the structure. No PDF/A validator (veraPDF)
/// is obtainable here: these check the markers and the structure, not every clause of ISO 19005-2.
/// </summary>
public sealed class PdfaTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private const string Markers = """
        import json, sys, pikepdf
        pdf = pikepdf.open(sys.argv[1])
        meta = pdf.open_metadata()
        fonts = []
        for page in pdf.pages:
            for name, font in page.Resources.get('/Font', {}).items():
                descriptor = font.DescendantFonts[0].FontDescriptor if '/DescendantFonts' in font else font.get('/FontDescriptor')
                fonts.append(descriptor is not None and any(k in descriptor for k in ('/FontFile', '/FontFile2', '/FontFile3')))
        intents = pdf.Root.get('/OutputIntents', [])
        print(json.dumps({
            'part': meta.get('pdfaid:part'), 'conformance': meta.get('pdfaid:conformance'),
            'title': meta.get('dc:title'), 'language': sorted(meta.get('dc:language') or []), 'lang': str(pdf.Root.get('/Lang', '')),
            'documentId': meta.get('xmpMM:DocumentID'), 'trailerId': bytes(pdf.trailer.ID[0]).hex(),
            'intent': str(intents[0].S) if len(intents) else None, 'icc': bool(len(intents)) and '/DestOutputProfile' in intents[0],
            'intentInfo': str(intents[0].get('/Info', '')) if len(intents) else None,
            'encrypted': pdf.is_encrypted, 'fontsEmbedded': fonts, 'pages': len(pdf.pages)}))
        """;

    [Fact]
    public async Task A_rendered_pdfa_carries_the_markers_and_passes_qpdf()
    {
        var example = await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/example");
        var response = await _client.PostJson("/api/forms/referral-certificate/render?format=pdf&pdfa=2b", example);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var markers = Read(pdf);
        Assert.Equal("2", markers.GetProperty("part").GetString());
        Assert.Equal("B", markers.GetProperty("conformance").GetString());
        Assert.Equal("Қоғамдық жұмыстарды орындау үшін анықтама-жолдама", markers.GetProperty("title").GetString());
        Assert.Equal(["kk"], markers.GetProperty("language").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("kk", markers.GetProperty("lang").GetString());
        Assert.Equal("/GTS_PDFA1", markers.GetProperty("intent").GetString());
        Assert.True(markers.GetProperty("icc").GetBoolean());
        Assert.Contains("sRGB", markers.GetProperty("intentInfo").GetString());
        Assert.False(markers.GetProperty("encrypted").GetBoolean());
        Assert.NotEmpty(markers.GetProperty("fontsEmbedded").EnumerateArray());
        Assert.All(markers.GetProperty("fontsEmbedded").EnumerateArray(), f => Assert.True(f.GetBoolean()));
        // The XMP id and the trailer's are one id, derived from the content.
        Assert.Equal(markers.GetProperty("trailerId").GetString(), markers.GetProperty("documentId").GetString()!.Replace("uuid:", "").Replace("-", ""));
        var (code, output) = Tools.Run("qpdf", $"--check {Save(pdf)}");
        Assert.True(code == 0, output);
        Assert.Contains("Сейтқалиев", DocumentText.Pdf(pdf));
    }

    [Fact]
    public async Task The_same_input_gives_the_same_pdfa_bytes_and_its_own_etag()
    {
        var example = await _client.GetStringAsync("/api/forms/work-order/versions/2025-733/example");
        var first = await _client.PostJson("/api/forms/work-order/render?format=pdf&conformance=pdfa-2b", example);
        await Task.Delay(1100); // Skia's own id would change with the clock
        var second = await _client.PostJson("/api/forms/work-order/render?format=pdf&pdfa=2b", example);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        var plain = await _client.PostJson("/api/forms/work-order/render?format=pdf", example);
        Assert.NotEqual(plain.Headers.ETag, first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        // Another payload, another id.
        var other = await _client.PostJson("/api/forms/work-order/render?format=pdf&pdfa=2b", example.Replace("Сейтқалиев", "Бекова"));
        Assert.NotEqual(Read(await first.Content.ReadAsByteArrayAsync()).GetProperty("trailerId").GetString(),
            Read(await other.Content.ReadAsByteArrayAsync()).GetProperty("trailerId").GetString());
    }

    [Fact]
    public async Task The_blank_form_and_the_merged_pdf_are_pdfa_on_request()
    {
        var blank = await _client.GetAsync("/api/forms/referral-certificate/blank?format=pdf&pdfa=2b");
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal("B", Read(await blank.Content.ReadAsByteArrayAsync()).GetProperty("conformance").GetString());

        var template = await _client.GetByteArrayAsync("/api/forms/referral-certificate/versions/2025-733/template.xlsx");
        var example = JsonDocument.Parse(await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/example")).RootElement;
        var filled = SheetFiles.Fill(template, [example, SheetFiles.With(example, "convict.surname", "Бекова"), example]);
        var merged = await _client.PostAsync("/api/forms/referral-certificate/merge?output=single&pdfa=2b", SheetFiles.Content(filled, SheetFiles.XlsxType));
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var pdf = await merged.Content.ReadAsByteArrayAsync();
        var markers = Read(pdf);
        Assert.Equal("2", markers.GetProperty("part").GetString());
        Assert.Equal(3, markers.GetProperty("pages").GetInt32());
        Assert.True(Tools.Run("qpdf", $"--check {Save(pdf)}").ExitCode == 0);

        var zip = await _client.PostAsync("/api/forms/referral-certificate/merge?pdfa=2b", SheetFiles.Content(filled, SheetFiles.XlsxType));
        var entries = SheetFiles.Unzip(await zip.Content.ReadAsByteArrayAsync());
        Assert.All(entries.Where(e => e.Key.EndsWith(".pdf", StringComparison.Ordinal)), e => Assert.Equal("B", Read(e.Value).GetProperty("conformance").GetString()));
    }

    [Fact]
    public async Task Other_conformance_levels_and_non_pdf_formats_are_422()
    {
        var example = await _client.GetStringAsync("/api/forms/referral-certificate/versions/2025-733/example");
        foreach (var query in new[] { "format=pdf&pdfa=1a", "format=pdf&conformance=pdfa-3u", "format=docx&pdfa=2b" })
        {
            var response = await _client.PostJson($"/api/forms/referral-certificate/render?{query}", example);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var errors = (await response.ProblemAsync()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("pdfa", out _) || errors.TryGetProperty("conformance", out _), errors.ToString());
        }
    }

    private static JsonElement Read(byte[] pdf)
    {
        var file = Save(pdf);
        var script = Path.Combine(Path.GetDirectoryName(file)!, "markers.py");
        File.WriteAllText(script, Markers);
        // Debian's interpreter: python3-pikepdf installs there, whatever python3 comes first on PATH.
        var (code, output) = Tools.Run("/usr/bin/python3", $"{script} {file}");
        Assert.True(code == 0, $"pikepdf could not read the PDF (apt-get install python3-pikepdf): {output}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string Save(byte[] pdf)
    {
        var file = Path.Combine(Tools.TempDir("pdfa"), "document.pdf");
        File.WriteAllBytes(file, pdf);
        return file;
    }
}
