using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Tests.Support;

namespace FormsService.Tests.Docx;

/// <summary>
/// The Word document as a clerk uses it: its text read by independent readers is the PDF's text, every field is a
/// content control tagged with its payload path, and what a clerk types or changes reads back through the service.
/// </summary>
public sealed partial class DocxReadBackTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private FormsEngine Engine => fixture.Engine;

    private const string DocxMedia = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Every DOCX form's example and a variant of it with other values (so no test passes on one payload only).</summary>
    private IEnumerable<(string Name, FormVersion Version, JsonElement Payload)> Filled()
    {
        foreach (var v in DocxPrintCases.DocxVersions(Engine))
        {
            yield return ($"{DocxPrintCases.Name(v)} example", v, v.Example!.Value);
            if (Variant(v, v.Example!.Value) is { } other)
                yield return ($"{DocxPrintCases.Name(v)} variant", v, other);
        }
    }

    /// <summary>The example with every bound text value changed (a letter added) where the form still accepts it.</summary>
    private JsonElement? Variant(FormVersion version, JsonElement example)
    {
        var node = JsonNode.Parse(example.GetRawText())!.AsObject();
        var changed = false;
        foreach (var path in version.Module.BoundPaths)
        {
            if (Find(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 3 } s
                && !Regex.IsMatch(s, @"^\d{4}-\d{2}-\d{2}$"))
            {
                Put(node, path, s + "а");
                var check = Engine.Check(version, JsonSerializer.SerializeToElement(node));
                if (check.IsValid) changed = true;
                else Put(node, path, s);
            }
        }
        return changed ? JsonSerializer.SerializeToElement(node) : null;
    }

    private static JsonNode? Find(JsonObject root, string path)
    {
        JsonNode? n = root;
        foreach (var name in path.Split('.'))
            n = n is JsonObject o && o.TryGetPropertyValue(name, out var next) ? next : null;
        return n;
    }

    private static void Put(JsonObject root, string path, string value)
    {
        var names = path.Split('.');
        var o = root;
        foreach (var name in names[..^1]) o = (JsonObject)o[name]!;
        o[names[^1]] = value;
    }

    /// <summary>The payload as the form binds it (what a read-back must give): its record, serialized.</summary>
    private JsonNode Normalized(FormVersion version, JsonElement payload)
    {
        var check = Engine.Check(version, payload);
        Assert.True(check.IsValid);
        return JsonNode.Parse(version.Module.CarriedPayload(check)!)!;
    }

    private JsonNode ReadBack(FormVersion version, byte[] docx)
    {
        var reading = Engine.ReadDocx(Engine.Catalog.Find(version.FormId)!, new MemoryStream(docx));
        Assert.True(reading.Read, string.Join("; ", reading.Errors.Select(e => e.Key + ": " + string.Join(' ', e.Value))));
        // The document says its language: a Russian one is read (its dates, its words) as Russian.
        Assert.Equal(version.Language, reading.Version!.Language);
        var check = Engine.Check(reading.Version!, reading.Payload!.Value);
        Assert.True(check.IsValid, string.Join("; ", check.Errors.Select(e => e.Key + ": " + string.Join(' ', e.Value))));
        return JsonNode.Parse(reading.Version!.Module.CarriedPayload(check)!)!;
    }

    [Fact]
    public void Every_filled_document_reads_back_as_its_payload()
    {
        var cases = Filled().ToList();
        Assert.NotEmpty(cases);
        foreach (var (name, version, payload) in cases)
        {
            var docx = Engine.Render(version, payload, OutputFormats.Docx);
            Assert.True(JsonNode.DeepEquals(Normalized(version, payload), ReadBack(version, docx)), name);
        }
    }

    /// <summary>The content controls of a document: tag, alias, text, whether the placeholder shows.</summary>
    private static List<(string Tag, string? Alias, string Text, bool Placeholder)> Controls(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return word.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>()
            .Select(s => (s.SdtProperties!.GetFirstChild<Tag>()?.Val?.Value ?? "", s.SdtProperties!.GetFirstChild<SdtAlias>()?.Val?.Value,
                string.Concat(s.Descendants<Text>().Select(t => t.Text)), s.SdtProperties!.GetFirstChild<ShowingPlaceholder>() is not null))
            .ToList();
    }

    [Fact]
    public void Every_field_a_form_binds_is_a_content_control_tagged_with_its_path_and_named_by_its_label()
    {
        foreach (var version in DocxPrintCases.DocxVersions(Engine))
        {
            foreach (var payload in new JsonElement?[] { version.Example, null })
            {
                var name = $"{DocxPrintCases.Name(version)} {(payload is null ? "blank" : "example")}";
                var model = Engine.Lay(version, payload).Source;
                var expected = Bound(model).ToList();
                var controls = Controls(Engine.Render(version, payload, OutputFormats.Docx));
                Assert.Equal(expected, controls.Select(c => c.Tag).ToList());
                foreach (var c in controls)
                {
                    var path = c.Tag.Split(':')[0];
                    Assert.Contains(path, version.Module.BoundPaths);
                    if (version.Labels.Words.TryGetValue(path, out var words))
                        Assert.StartsWith(words.Label[version.Definition.Language == "ru" ? 1 : 0], c.Alias);
                    // Filled, the control holds its value; empty, its placeholder shows.
                    Assert.Equal(c.Text.Trim().Length == 0, c.Placeholder);
                }
                if (payload is null)
                    Assert.All(controls, c => Assert.True(c.Placeholder, $"{name}: {c.Tag} is filled in the blank"));
            }
        }
    }

    /// <summary>The tags the model binds, in document order (paragraphs, then cells row by row).</summary>
    private static IEnumerable<string> Bound(Core.Engine.Model.Document model)
    {
        IEnumerable<string> Of(Core.Engine.Model.Paragraph p) => p.Inlines.OfType<Core.Engine.Model.Field>()
            .SelectMany(f => f.Parts ?? []).Where(x => x.Binding is not null).Select(x => x.Binding!.Tag);
        foreach (var block in model.Blocks)
        {
            if (block is Core.Engine.Model.Paragraph p)
                foreach (var t in Of(p)) yield return t;
            else if (block is Core.Engine.Model.Table table)
                foreach (var row in table.HeaderRows.Concat(table.Rows))
                    foreach (var cell in row.Cells)
                        foreach (var para in cell.Content)
                            foreach (var t in Of(para)) yield return t;
        }
    }

    [Fact]
    public void A_value_changed_in_Word_reads_back_changed_and_an_emptied_one_reads_back_absent()
    {
        foreach (var version in DocxPrintCases.DocxVersions(Engine))
        {
            var docx = Engine.Render(version, version.Example, OutputFormats.Docx);
            var controls = Controls(docx);
            var text = controls.FirstOrDefault(c => !c.Tag.Contains(':') && c.Text.Length > 3
                && TypeIsText(version, c.Tag));
            if (text.Tag is null) continue;
            var edited = SetControls(docx, c => c == text.Tag ? text.Text + " өзгертілді" : null);
            var read = ReadBack(version, edited);
            Assert.Equal(text.Text + " өзгертілді", Find(read.AsObject(), text.Tag)!.GetValue<string>());
            // Emptied: the field is gone, and the check names it if the form requires it.
            var emptied = SetControls(docx, c => c == text.Tag ? "" : null);
            var reading = Engine.ReadDocx(Engine.Catalog.Find(version.FormId)!, new MemoryStream(emptied));
            Assert.True(reading.Read);
            Assert.Null(Find(JsonNode.Parse(reading.Payload!.Value.GetRawText())!.AsObject(), text.Tag));
        }
    }

    private static bool TypeIsText(FormVersion version, string path)
    {
        var type = version.Module.PayloadRecord;
        foreach (var name in path.Split('.'))
            type = type?.GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name)?.PropertyType;
        return type == typeof(string);
    }

    /// <summary>Sets the text of every control whose tag <paramref name="value"/> gives a value for, as typing in Word does.</summary>
    private static byte[] SetControls(byte[] docx, Func<string, string?> value)
    {
        var stream = new MemoryStream();
        stream.Write(docx);
        using (var word = WordprocessingDocument.Open(stream, true))
        {
            foreach (var sdt in word.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>().ToList())
            {
                var tag = sdt.SdtProperties!.GetFirstChild<Tag>()?.Val?.Value ?? "";
                if (value(tag) is not { } v) continue;
                var texts = sdt.Descendants<Text>().ToList();
                texts[0].Text = v;
                texts[0].Space = SpaceProcessingModeValues.Preserve;
                foreach (var t in texts.Skip(1)) t.Text = "";
                sdt.SdtProperties!.GetFirstChild<ShowingPlaceholder>()?.Remove();
            }
            word.MainDocumentPart.Document.Save();
        }
        return stream.ToArray();
    }

    [Fact]
    public void A_blank_typed_in_reads_back_as_the_payload_typed()
    {
        foreach (var version in DocxPrintCases.DocxVersions(Engine))
        {
            var blank = Engine.Render(version, null, OutputFormats.Docx);
            var example = JsonNode.Parse(version.Example!.Value.GetRawText())!.AsObject();
            var typed = SetControls(blank, tag => Typed(example, tag, version.Definition.Language));
            var reading = Engine.ReadDocx(Engine.Catalog.Find(version.FormId)!, new MemoryStream(typed));
            Assert.True(reading.Read, version.FormId + ": " + string.Join("; ", reading.Errors.Select(e => e.Key + ": " + string.Join(' ', e.Value))));
            var read = JsonNode.Parse(reading.Payload!.Value.GetRawText())!.AsObject();
            foreach (var tag in Controls(blank).Select(c => c.Tag.Split(':')[0]).Distinct())
            {
                var want = Find(example, tag);
                if (want is null) continue;
                Assert.True(JsonNode.DeepEquals(want, Find(read, tag)), $"{version.FormId}: {tag} typed '{want}' read '{Find(read, tag)}'");
            }
        }
    }

    private static readonly string[] KazakhMonths = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

    /// <summary>What a clerk types into the control of a tag, for the example's value: a date's parts as the form prints them.</summary>
    private static string? Typed(JsonObject example, string tag, string language)
    {
        var parts = tag.Split(':');
        if (Find(example, parts[0]) is not JsonValue v) return null;
        var text = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
        if (parts.Length == 1) return text;
        var date = DateOnly.ParseExact(text, "yyyy-MM-dd");
        return parts[1] switch
        {
            "year" => (date.Year % 100).ToString("00"),
            "day" => date.Day.ToString("00"),
            _ => language switch { "kk" => KazakhMonths[date.Month - 1], "ru" => DocxPrintCases.RussianMonths[date.Month - 1], _ => date.Month.ToString() },
        };
    }

    [Fact]
    public async Task The_service_reads_a_document_sent_raw_or_as_a_file_and_checks_it()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        var version = Engine.Catalog.Find("referral-certificate")!.Versions[^1];
        var docx = Engine.Render(version, version.Example, OutputFormats.Docx);

        var raw = new ByteArrayContent(docx);
        raw.Headers.ContentType = new MediaTypeHeaderValue(DocxMedia);
        var response = await client.PostAsync("/api/forms/referral-certificate/read", raw);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(answer["valid"]!.GetValue<bool>());
        Assert.Equal(version.Version, answer["version"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(Normalized(version, version.Example!.Value), answer["payload"]));

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue(DocxMedia);
        form.Add(file, "file", "анықтама.docx");
        response = await client.PostAsync("/api/forms/referral-certificate/read", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // A required field emptied in Word: 422 naming it by its JSON path, as /validate would.
        var emptied = SetControls(docx, t => t == "convict.surname" ? "" : null);
        raw = new ByteArrayContent(emptied);
        raw.Headers.ContentType = new MediaTypeHeaderValue(DocxMedia);
        response = await client.PostAsync("/api/forms/referral-certificate/read", raw);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("convict.surname", out _));
    }

    public static TheoryData<string, string, int, string, string> Refusals => new()
    {
        { "not a zip", "text", 400, "$", "docx-unreadable" },
        { "a Word document of someone else", "foreign", 422, "$", "docx-not-ours" },
        { "another form's document", "other-form", 422, "$", "docx-other-form" },
        { "a version the service does not have", "other-version", 422, "$", "docx-unknown-version" },
        { "a control with an unknown tag", "unknown-tag", 422, "convict.shoeSize", "docx-unknown-field" },
        { "a date whose month is not a month", "bad-month", 422, "issuer.date", "docx-date-parts" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_document_that_cannot_be_read_is_a_coded_problem_never_a_500(string _, string kind, int status, string at, string code)
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        var version = Engine.Catalog.Find("referral-certificate")!.Versions[^1];
        var docx = Engine.Render(version, version.Example, OutputFormats.Docx);
        var body = kind switch
        {
            "text" => Encoding.UTF8.GetBytes("PK not really a zip"),
            "foreign" => Foreign(),
            "other-form" => Engine.Render(Engine.Catalog.Find("work-order")!.Versions[^1], Engine.Catalog.Find("work-order")!.Versions[^1].Example, OutputFormats.Docx),
            "other-version" => ReplaceSource(docx, "version=\"" + version.Version + "\"", "version=\"1999-001\""),
            "unknown-tag" => ReplaceDocument(docx, "w:val=\"convict.surname\"", "w:val=\"convict.shoeSize\""),
            "bad-month" => SetControls(Engine.Render(version, null, OutputFormats.Docx), t => t switch
            {
                "issuer.date:year" => "25",
                "issuer.date:day" => "14",
                "issuer.date:month" => "брюмер",
                _ => null,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(DocxMedia);
        var response = await client.PostAsync("/api/forms/referral-certificate/read", content);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ProblemAsync();
        var codes = problem.GetProperty("codes").GetProperty(at);
        Assert.Contains(code, codes.EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task An_unknown_form_is_a_404_and_a_body_of_another_kind_a_415()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = new MediaTypeHeaderValue(DocxMedia);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/forms/no-such-form/read", content)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostJson("/api/forms/referral-certificate/read", "{}")).StatusCode);
    }

    /// <summary>A Word document made by another program: valid, with a content control, but no source.</summary>
    private static byte[] Foreign()
    {
        var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("Анықтама")))));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static byte[] ReplaceSource(byte[] docx, string find, string replace) => Replace(docx, "customXml/item1.xml", find, replace);

    private static byte[] ReplaceDocument(byte[] docx, string find, string replace) => Replace(docx, "word/document.xml", find, replace);

    private static byte[] Replace(byte[] docx, string part, string find, string replace)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                if (entry.FullName == part)
                {
                    Assert.Contains(find, text);
                    text = text.Replace(find, replace, StringComparison.Ordinal);
                }
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(text);
            }
        }
        return output.ToArray();
    }

    // ---- The text as readers see it ----

    [Fact]
    public void The_DOCX_says_what_the_PDF_says_to_pandoc_and_to_python_docx()
    {
        var dir = Tools.TempDir("docx-words");
        var failures = new List<string>();
        var cases = Filled().Select(c => (c.Name, c.Version, (JsonElement?)c.Payload))
            .Concat(DocxPrintCases.DocxVersions(Engine).Select(v => ($"{DocxPrintCases.Name(v)} blank", v, (JsonElement?)null))).ToList();
        foreach (var (name, version, payload) in cases)
        {
            var pdf = Path.Combine(dir, "d.pdf");
            var docx = Path.Combine(dir, "d.docx");
            File.WriteAllBytes(pdf, Engine.Render(version, payload, OutputFormats.Pdf));
            File.WriteAllBytes(docx, Engine.Render(version, payload, OutputFormats.Docx));
            var (code, pdfText) = Tools.Run("pdftotext", $"-layout \"{pdf}\" -");
            Assert.Equal(0, code);
            var laid = Engine.Lay(version, payload);
            var figures = laid.Blocks.OfType<Core.Engine.Layout.LaidOutFigure>().ToList();
            if (figures.Count > 0)
                pdfText = OutsideFigures(File.ReadAllBytes(pdf), laid, figures); // a figure is a picture in Word
            var (pandocCode, pandocText) = Tools.Run("pandoc", $"-f docx -t plain --wrap=none \"{docx}\"");
            Assert.True(pandocCode == 0, pandocText);
            var (pyCode, pyText) = Tools.Run("/usr/bin/python3", $"-c \"{PythonDocx}\" \"{docx}\"");
            Assert.True(pyCode == 0, pyText);
            // Headers and footers (page numbers) are parts of their own in Word, which these readers leave out.
            var expected = Words(PageNumber().Replace(pdfText, " "));
            foreach (var f in figures)
                pandocText = pandocText.Replace("[" + f.Source.Art.Description + "]", "", StringComparison.Ordinal); // its alt text
            foreach (var (reader, read) in new[] { ("pandoc", pandocText), ("python-docx", pyText) })
            {
                // A blank date's shape ("20", "жылғы \"") is the one place no-break spaces are written on purpose.
                var text = payload is null ? read.Replace('\u00A0', ' ') : read;
                var got = Words(text);
                if (!got.SequenceEqual(expected))
                    failures.Add($"{name}, {reader}: missing [{string.Join(' ', Difference(expected, got).Take(12))}], extra [{string.Join(' ', Difference(got, expected).Take(12))}]");
                if (text.Contains('\u00A0') || text.Contains('\u2060') || text.Contains('\u2011'))
                    failures.Add($"{name}, {reader}: no-break spaces, word joiners or no-break hyphens in the text");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // python-docx gives a paragraph's direct runs only: the script walks every w:t and tab of the body it parsed.
    private const string PythonDocx =
        "import sys, docx; from docx.oxml.ns import qn; d = docx.Document(sys.argv[1]); " +
        "out = [(n.text or '') if n.tag == qn('w:t') else ' ' for n in d.element.body.iter() if n.tag in (qn('w:t'), qn('w:tab'), qn('w:br'), qn('w:p'))]; " +
        "sys.stdout.buffer.write(''.join(out).encode('utf-8'))";

    /// <summary>
    /// The words of a text, sorted: each reader orders a table's cells and a caption's line its own way, but the
    /// words are the same. A word broken after its hyphen at a line's end is joined again; a leader's underscores
    /// and a quote's spacing are not words.
    /// </summary>
    private static List<string> Words(string text)
    {
        text = HyphenAtLineEnd().Replace(text, "$1");
        text = text.Replace('_', ' ').Replace('"', ' ').Replace('«', ' ').Replace('»', ' ');
        // pandoc draws a plain table's rules with dashes, pipes and pluses: not words.
        return text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(c => c is not ('-' or '+' or '|' or '='))).Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Difference(List<string> a, List<string> b)
    {
        var rest = b.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        foreach (var w in a)
        {
            if (rest.TryGetValue(w, out var n) && n > 0) rest[w] = n - 1;
            else yield return w;
        }
    }

    [GeneratedRegex(@"([\p{L}\d]-)\s*\n\s*(?=\p{L})")]
    private static partial Regex HyphenAtLineEnd();

    /// <summary>A footer's page number: "1-бет / 3" (Kazakh), "Стр. 1 из 3" (Russian), "page 1 / 3".</summary>
    [GeneratedRegex(@"\d+\s*-?\s*(бет|стр\.?|page)\s*/\s*\d+|Стр\.\s*\d+\s+из\s+\d+", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    /// <summary>The PDF's words outside the figures, a line of text each (PdfPig: pdftotext cannot leave out a region).</summary>
    private static string OutsideFigures(byte[] pdf, Core.Engine.Layout.LaidOutDocument laid, List<Core.Engine.Layout.LaidOutFigure> figures)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = laid.Source.Page;
        var sb = new StringBuilder();
        foreach (var p in document.GetPages())
        {
            foreach (var w in p.GetWords())
            {
                var x = w.BoundingBox.Centroid.X;
                var y = p.Height - w.BoundingBox.Centroid.Y;
                var inside = figures.Any(f => f.Page == p.Number - 1 && x >= page.MarginLeft + f.X && x <= page.MarginLeft + f.X + f.Source.WidthPt
                    && y >= f.Top && y <= f.Top + f.Source.HeightPt);
                if (!inside) sb.Append(w.Text).Append('\n');
            }
        }
        return sb.ToString();
    }
}
