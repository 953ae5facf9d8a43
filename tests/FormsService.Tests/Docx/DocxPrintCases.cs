using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Tests.Support;

namespace FormsService.Tests.Docx;

/// <summary>One document to compare: our PDF and LibreOffice's print of our DOCX of the same payload.</summary>
public sealed record PrintCase(string Name, byte[] Pdf, byte[] Docx, int LeaderOnlyLinesAllowed,
    IReadOnlyList<(int Page, double Left, double Top, double Right, double Bottom)> Figures)
{
    public byte[] Printed { get; set; } = [];
    public IReadOnlyList<PrintedLine> OurLines => _ours ??= PrintedLines.Of(Pdf, Figures);
    public IReadOnlyList<PrintedLine> PrintedLinesOfDocx => _printed ??= PrintedLines.Of(Printed);
    private IReadOnlyList<PrintedLine>? _ours, _printed;

    public override string ToString() => Name;
}

/// <summary>A value replaced in <c>document.xml</c> by one three times longer, and the print of the edited DOCX.</summary>
public sealed record EditCase(string Name, PrintCase Original, string Value, string Longer, byte[] Docx)
{
    public byte[] Printed { get; set; } = [];
    public override string ToString() => Name;
}

/// <summary>
/// A blank DOCX with the example's values typed into its empty content controls, as a clerk types them in Word (a
/// date's year as its last two digits after the printed "20", the day, the month's name), and the print of it.
/// </summary>
public sealed record TypedCase(string Name, PrintCase Blank, IReadOnlyList<string> Values, byte[] Docx)
{
    public byte[] Printed { get; set; } = [];
    public override string ToString() => Name;
}

/// <summary>
/// Every shipped form's example, its blank form and long values, rendered to PDF and DOCX; a value of each edited in
/// the DOCX; all printed by LibreOffice in one run (it takes about a second and a half a document).
/// </summary>
public sealed class DocxPrintCases : IDisposable
{
    public const string LongCourt = "court";

    // Lengths from the issue: a court name of 150 characters, an akimat name of 80, a residence of 250.
    private static readonly (string Path, int Length)[] LongValues =
    [
        ("verdict.court", 150),
        ("localExecutiveBody", 80),
        ("akimat.name", 80),
        ("convict.residence", 250),
    ];

    private static readonly string[] Words =
        ["Алматы", "облысы", "Қарасай", "ауданының", "Қаскелең", "қаласындағы", "мамандандырылған", "ауданаралық", "сотының", "№", "2", "бөлімшесі"];

    internal FormsEngine Engine { get; } = FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts);
    public List<PrintCase> Cases { get; } = [];
    public List<TypedCase> Typed { get; } = [];
    public List<EditCase> Edits { get; } = [];

    public DocxPrintCases()
    {
        foreach (var version in DocxVersions(Engine))
        {
            var name = Name(version);
            Cases.Add(Case(name + " example", version, version.Example!.Value));
            Cases.Add(Case(name + " blank", version, null));
            if (WithLongValues(version.Example!.Value) is { } longer)
                Cases.Add(Case(name + " long values", version, longer));
        }
        foreach (var c in Cases.Where(c => c.Name.EndsWith(" example", StringComparison.Ordinal)).ToList())
        {
            var version = DocxVersions(Engine).First(v => c.Name.StartsWith($"{Name(v)} ", StringComparison.Ordinal));
            var xml = DocumentXml(c.Docx);
            // The court's name where a form has one (a blank with its caption in the middle of a sentence), and the
            // longest other value that is one piece of text in document.xml (a clerk's edit replaces such a piece).
            var ours = PrintedLines.Text(c.OurLines);
            var values = Values(version.Example!.Value)
                .Where(v => v.Length >= 12 && Count(xml, Stored(v)) == 1 && Count(ours, PrintedLine.KeyOf(v)) == 1).ToList();
            var court = Value(version.Example!.Value, "verdict.court");
            var chosen = new List<string>();
            if (court is not null && values.Contains(court)) chosen.Add(court);
            if (values.Where(v => !chosen.Contains(v)).OrderByDescending(v => v.Length).FirstOrDefault() is { } longest) chosen.Add(longest);
            foreach (var value in chosen)
            {
                var longer = string.Join(' ', value, value, value);
                Edits.Add(new EditCase($"{c.Name} with '{value}' three times longer", c, value, longer, Edit(c.Docx, Stored(value), longer)));
                Edits.Add(new EditCase($"{c.Name} with '{value}' emptied", c, value, "", Edit(c.Docx, Stored(value), "")));
            }
        }
        foreach (var c in Cases.Where(c => c.Name.EndsWith(" blank", StringComparison.Ordinal)).ToList())
        {
            var version = DocxVersions(Engine).First(v => c.Name.StartsWith($"{Name(v)} ", StringComparison.Ordinal));
            var example = JsonNode.Parse(version.Example!.Value.GetRawText())!.AsObject();
            var values = new List<string>();
            var typed = TypeInto(c.Docx, tag => TypedValue(example, tag, version.Definition.Language), values);
            if (values.Count > 0)
                Typed.Add(new TypedCase($"{c.Name} typed in", c, values, typed));
        }
        var printed = LibreOffice.PrintToPdf(Cases.Select(c => c.Docx).Concat(Edits.Select(e => e.Docx)).Concat(Typed.Select(t => t.Docx)).ToList());
        for (var i = 0; i < Cases.Count; i++)
            Cases[i].Printed = printed[i];
        for (var i = 0; i < Edits.Count; i++)
            Edits[i].Printed = printed[Cases.Count + i];
        for (var i = 0; i < Typed.Count; i++)
            Typed[i].Printed = printed[Cases.Count + Edits.Count + i];
        if (Environment.GetEnvironmentVariable("DOCX_PRINT_DIR") is { Length: > 0 } dir)
            Keep(dir);
    }

    /// <summary>Every case's three documents in a folder, to look at when a comparison fails.</summary>
    private void Keep(string dir)
    {
        Directory.CreateDirectory(dir);
        foreach (var c in Cases)
        {
            var name = c.Name.Replace('/', '_').Replace(' ', '_');
            File.WriteAllBytes(Path.Combine(dir, name + ".pdf"), c.Pdf);
            File.WriteAllBytes(Path.Combine(dir, name + ".docx"), c.Docx);
            File.WriteAllBytes(Path.Combine(dir, name + ".printed.pdf"), c.Printed);
        }
        foreach (var e in Edits)
        {
            var name = e.Original.Name.Replace('/', '_').Replace(' ', '_') + "_edited_" + Edits.IndexOf(e);
            File.WriteAllBytes(Path.Combine(dir, name + ".docx"), e.Docx);
            File.WriteAllBytes(Path.Combine(dir, name + ".printed.pdf"), e.Printed);
        }
        foreach (var t in Typed)
        {
            var name = t.Name.Replace('/', '_').Replace(' ', '_');
            File.WriteAllBytes(Path.Combine(dir, name + ".docx"), t.Docx);
            File.WriteAllBytes(Path.Combine(dir, name + ".printed.pdf"), t.Printed);
        }
    }

    /// <summary>Every version that offers a DOCX and has an example, in every language it offers (the default first).</summary>
    internal static IEnumerable<FormVersion> DocxVersions(FormsEngine engine) =>
        engine.Catalog.Forms.SelectMany(f => f.Versions)
            .Where(v => v.Definition.Formats.Contains(OutputFormats.Docx) && v.Example is not null)
            .OrderBy(v => v.FormId, StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal)
            .SelectMany(v => v.Languages.Select(language => v.In(language)!));

    /// <summary>A case's name: form/version, and the language where it is not the default (<c>work-order/2025-733/ru</c>).</summary>
    internal static string Name(FormVersion v) => v.Language == Catalogue.DefaultLanguage ? $"{v.FormId}/{v.Version}" : $"{v.FormId}/{v.Version}/{v.Language}";

    internal static readonly string[] RussianMonths =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    private PrintCase Case(string name, FormVersion version, JsonElement? payload)
    {
        if (payload is { } p)
        {
            var check = Engine.Check(version, p);
            Assert.True(check.IsValid, $"{name}: {string.Join("; ", check.Errors.Select(e => e.Key + ": " + string.Join(' ', e.Value)))}");
        }
        var laid = Engine.Lay(version, payload);
        var page = laid.Source.Page;
        var figures = laid.Blocks.OfType<LaidOutFigure>()
            .Select(f => (f.Page, (double)(page.MarginLeft + f.X), (double)f.Top, (double)(page.MarginLeft + f.X + f.Source.WidthPt), (double)(f.Top + f.Source.HeightPt)))
            .ToList();
        return new PrintCase(name, Engine.Render(version, payload, OutputFormats.Pdf), Engine.Render(version, payload, OutputFormats.Docx), EmptyBlankLines(laid), figures);
    }

    /// <summary>Lines of our layout that print nothing but empty blanks: there a word processor prints a bare leader too.</summary>
    private static int EmptyBlankLines(LaidOutDocument laid) =>
        laid.Blocks.OfType<LaidOutParagraph>().SelectMany(p => p.Lines)
            .Concat(laid.Blocks.OfType<LaidOutTable>().SelectMany(t => t.Rows.SelectMany(r => r.Cells.SelectMany(c => c.Lines))))
            .Count(l => l.Segments.Count > 0 && l.Segments.All(s => s is FieldSegment { Text.Length: 0 }));

    private static JsonElement? WithLongValues(JsonElement example)
    {
        var node = JsonNode.Parse(example.GetRawText())!.AsObject();
        var changed = false;
        foreach (var (path, length) in LongValues)
        {
            var parts = path.Split('.');
            var parent = node;
            foreach (var part in parts[..^1])
                parent = parent?[part] as JsonObject;
            if (parent?[parts[^1]] is null) continue;
            parent[parts[^1]] = Text(length);
            changed = true;
        }
        return changed ? JsonDocument.Parse(node.ToJsonString()).RootElement.Clone() : null;
    }

    /// <summary>Words of the forms' kind, to exactly <paramref name="length"/> characters.</summary>
    public static string Text(int length)
    {
        var sb = new StringBuilder();
        for (var i = 0; sb.Length < length; i++)
            sb.Append(sb.Length == 0 ? "" : " ").Append(Words[i % Words.Length]);
        return sb.ToString(0, length).TrimEnd();
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>How a value the layout kept on one line is stored: its spaces no-break spaces.</summary>
    private static string Stored(string value) => value;

    private static readonly string[] KazakhMonths = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

    /// <summary>What a clerk types into the control of a tag for the example's value; null where the example has none.</summary>
    private static string? TypedValue(JsonObject example, string tag, string language)
    {
        var parts = tag.Split(':');
        JsonNode? n = example;
        foreach (var name in parts[0].Split('.'))
            n = n is JsonObject o && o.TryGetPropertyValue(name, out var next) ? next : null;
        if (n is not JsonValue v) return null;
        var text = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
        if (parts.Length == 1) return text;
        var date = DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return parts[1] switch
        {
            "year" => (date.Year % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture),
            "day" => date.Day.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
            _ => language switch { "kk" => KazakhMonths[date.Month - 1], "ru" => RussianMonths[date.Month - 1], _ => date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
    }

    /// <summary>Replaces each empty control's placeholder with its value, as typing in Word does; the values typed, in order.</summary>
    private static byte[] TypeInto(byte[] docx, Func<string, string?> value, List<string> typed)
    {
        var stream = new MemoryStream();
        stream.Write(docx);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
        {
            foreach (var sdt in word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.SdtElement>().ToList())
            {
                var tag = sdt.SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Tag>()?.Val?.Value ?? "";
                if (value(tag) is not { Length: > 0 } v) continue;
                var texts = sdt.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().ToList();
                texts[0].Text = v;
                foreach (var t in texts.Skip(1)) t.Text = "";
                sdt.SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.ShowingPlaceholder>()?.Remove();
                typed.Add(v);
            }
            word.MainDocumentPart.Document.Save();
        }
        return stream.ToArray();
    }

    private static string? Value(JsonElement e, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(part, out e)) return null;
        }
        return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }

    private static IEnumerable<string> Values(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Values(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Values),
        JsonValueKind.String => [e.GetString()!],
        _ => [],
    };

    public static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The DOCX with <paramref name="find"/> replaced in <c>document.xml</c>, as a clerk's edit would.</summary>
    private static byte[] Edit(byte[] docx, string find, string replacement)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var input = entry.Open();
                using var copy = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName == "word/document.xml")
                {
                    var xml = new StreamReader(input).ReadToEnd();
                    var at = xml.IndexOf(find, StringComparison.Ordinal);
                    Assert.True(at >= 0, $"'{find}' is not in document.xml");
                    var bytes = Encoding.UTF8.GetBytes(xml[..at] + System.Security.SecurityElement.Escape(replacement) + xml[(at + find.Length)..]);
                    copy.Write(bytes);
                }
                else
                {
                    input.CopyTo(copy);
                }
            }
        }
        return output.ToArray();
    }

    public void Dispose() => Engine.Dispose();
}
