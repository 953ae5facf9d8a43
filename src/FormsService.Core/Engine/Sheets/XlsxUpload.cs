using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FormsService.Core.Engine.Sheets;

/// <summary>
/// Reads an uploaded workbook as a stream — the package and its small parts (workbook, styles) with the Open XML SDK
/// and its <see cref="OpenXmlReader"/>, the sheets and shared strings with a plain <see cref="XmlReader"/> (the SDK's
/// reader makes an element object per XML element: 800 MB of garbage and seconds for a sheet formatted to its last
/// row) — after checking it ourselves: a zip (not an encrypted or legacy .xls compound file), whose parts inflate to a bounded size, with XML
/// that declares no DTD or entity, nests shallowly and holds no text run longer than a cell may be. Every limit —
/// rows, columns, cells, a cell's length, shared strings, all text, the caller's deadline — is checked as the file
/// is read, never after: the reader holds one row and the shared strings, nothing else. Rows and cells that hold
/// nothing (a used range stretched to row 1,048,576 by formatting) are passed over and cost nothing but the reading.
/// Formulas are never evaluated: a cell reads as the value Excel cached for it.
/// </summary>
internal static class XlsxUpload
{
    /// <summary>The label row and the path row above the data.</summary>
    internal const int HeaderRows = 2;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static UploadedWorkbook Read(byte[] data, SheetLimits limits, CancellationToken cancellationToken = default)
    {
        Guard(data, limits, cancellationToken);
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(data, writable: false), false,
                new OpenSettings { MaxCharactersInPart = limits.MaxInflatedBytes });
            var workbook = document.WorkbookPart ?? throw SheetProblem.WrongType("xlsx-no-workbook");
            var budget = new ReadBudget(limits, cancellationToken);
            var strings = workbook.SharedStringTablePart is { } sst ? SharedStrings(sst, budget) : [];
            var dates = workbook.WorkbookStylesPart is { } styles ? DateStyles(styles, budget) : new HashSet<uint>();
            var sheets = new List<UploadedSheet>();
            foreach (var (name, id) in SheetIds(workbook, budget))
            {
                if (!workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
                    continue; // a chart sheet or a dangling reference: no rows to take
                sheets.Add(new UploadedSheet(name, Rows(worksheet, name, strings, dates, budget)));
            }
            return new UploadedWorkbook(UploadKind.Xlsx, sheets);
        }
        catch (Exception ex) when (ex is not (SheetProblem or OperationCanceledException or OutOfMemoryException))
        {
            // Whatever the SDK throws on a file that passed the checks above but is still malformed is the file's
            // fault: a 400 naming what broke, never a 500.
            throw SheetProblem.Unreadable("xlsx-unreadable", ("error", ex.GetType().Name));
        }
    }

    private static OpenXmlReader Open(OpenXmlPart part) =>
        new OpenXmlPartReader(part.GetStream(FileMode.Open, FileAccess.Read), part.Features,
            new OpenXmlPartReaderOptions { IgnoreWhitespace = false, CloseStream = true });

    private static List<(string Name, string Id)> SheetIds(WorkbookPart workbook, ReadBudget budget)
    {
        var sheets = new List<(string, string)>();
        using var reader = Open(workbook);
        while (reader.Read())
        {
            budget.Tick();
            if (reader.ElementType != typeof(Sheet) || !reader.IsStartElement) continue;
            string? name = null, id = null;
            foreach (var attribute in reader.Attributes)
            {
                if (attribute.LocalName == "name" && attribute.NamespaceUri.Length == 0) name = attribute.Value;
                else if (attribute.LocalName == "id") id = attribute.Value;
            }
            if (name is not null && id is not null)
                sheets.Add((name, id));
        }
        return sheets;
    }

    /// <summary>The shared strings, each checked for length and all of them for count and total size as they are read.</summary>
    private static List<string> SharedStrings(SharedStringTablePart part, ReadBudget budget)
    {
        var strings = new List<string>();
        var item = new StringBuilder();
        bool inItem = false, inText = false, phonetic = false;
        using var reader = Xml(part, budget.Limits);
        while (reader.Read())
        {
            budget.Tick();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when IsMain(reader.NamespaceURI):
                    switch (reader.LocalName)
                    {
                        case "si":
                            budget.SharedString(strings.Count + 1);
                            item.Clear();
                            inItem = !reader.IsEmptyElement;
                            if (!inItem) strings.Add("");
                            break;
                        case "rPh": phonetic = !reader.IsEmptyElement; break;
                        case "t": inText = inItem && !phonetic && !reader.IsEmptyElement; break;
                    }
                    break;
                case XmlNodeType.EndElement when IsMain(reader.NamespaceURI):
                    switch (reader.LocalName)
                    {
                        case "si":
                            if (!inItem) break;
                            inItem = false;
                            budget.Text(item.Length, "xl/sharedStrings.xml");
                            strings.Add(item.ToString());
                            break;
                        case "rPh": phonetic = false; break;
                        case "t": inText = false; break;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText:
                    item.Append(reader.Value);
                    budget.Text(item.Length, "xl/sharedStrings.xml", total: false);
                    break;
            }
        }
        return strings;
    }

    private static readonly string[] MainNamespaces = ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"];

    private static bool IsMain(string ns) => ns == MainNamespaces[0] || ns == MainNamespaces[1];

    /// <summary>A part's XML as a plain stream of nodes: no DTD, no resolver, no more characters than a workbook may inflate to.</summary>
    private static XmlReader Xml(OpenXmlPart part, SheetLimits limits) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
        MaxCharactersInDocument = limits.MaxInflatedBytes,
    });

    /// <summary>A string item's text: its one text, or its runs' (phonetic guides left out, as Excel shows it).</summary>
    private static string ItemText(OpenXmlCompositeElement item)
    {
        if (item.GetFirstChild<Text>() is { } plain)
            return plain.Text;
        var runs = new StringBuilder();
        foreach (var run in item.Elements<Run>())
            if (run.Text is { } t)
                runs.Append(t.Text);
        return runs.ToString();
    }

    /// <summary>
    /// The cell formats (<c>cellXfs</c> indexes) that show a number as a date: Excel stores a date as a day number and
    /// says it is one only by its format. Read as a stream: a stylesheet is small, unless it is hostile.
    /// </summary>
    private static HashSet<uint> DateStyles(WorkbookStylesPart part, ReadBudget budget)
    {
        var custom = new Dictionary<uint, string>();
        var formats = new List<uint>();
        var inCellFormats = false;
        using var reader = Open(part);
        while (reader.Read())
        {
            budget.Tick();
            if (reader.ElementType == typeof(CellFormats))
                inCellFormats = reader.IsStartElement;
            else if (reader.ElementType == typeof(NumberingFormat) && reader.IsStartElement)
            {
                var id = Attribute(reader, "numFmtId");
                var code = Attribute(reader, "formatCode");
                if (uint.TryParse(id, CultureInfo.InvariantCulture, out var n) && code is not null)
                    custom[n] = code;
            }
            else if (inCellFormats && reader.ElementType == typeof(CellFormat) && reader.IsStartElement)
            {
                formats.Add(uint.TryParse(Attribute(reader, "numFmtId"), CultureInfo.InvariantCulture, out var n) ? n : 0);
                if (formats.Count > 65_536)
                    throw SheetProblem.Unreadable("xlsx-unreadable", ("error", "cellXfs"));
            }
        }
        var dates = new HashSet<uint>();
        for (var i = 0; i < formats.Count; i++)
            if (IsDateFormat(formats[i], custom))
                dates.Add((uint)i);
        return dates;
    }

    private static bool IsDateFormat(uint id, Dictionary<uint, string> custom)
    {
        if (id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58)
            return true;
        if (!custom.TryGetValue(id, out var code))
            return false;
        // A date format shows days, months or years outside quotes, escapes and brackets ([Red], [$-419]).
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '\\') i++;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (!bracket && (c is 'd' or 'D' or 'm' or 'M' or 'y' or 'Y')) return true;
        }
        return false;
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == name && attribute.NamespaceUri.Length == 0)
                return attribute.Value;
        return null;
    }

    /// <summary>
    /// A sheet's rows that hold something, one at a time: a row's cells are placed by their references (a gap is a
    /// blank cell), a blank cell past the last one with a value costs nothing, a value past the column limit is 413.
    /// Cells are read from the reader's events, never loaded as elements: a sheet of a million styled empty rows
    /// costs the reading of its XML and nothing more.
    /// </summary>
    private static List<UploadedRow> Rows(WorksheetPart part, string sheet, List<string> strings, HashSet<uint> dates, ReadBudget budget)
    {
        var rows = new List<UploadedRow>();
        var cells = new List<object?>();
        var number = 0;
        var inRow = false;
        var column = -1;
        var pending = new PendingCell();

        void FinishCell()
        {
            if (!pending.Open) return;
            pending.Open = false;
            var value = pending.Value(strings, dates);
            if (SheetCells.IsBlank(value))
                return;
            if (column >= budget.Limits.MaxColumns)
                throw SheetProblem.TooLarge("xlsx-too-many-columns", ("sheet", sheet), ("columns", column + 1), ("max", budget.Limits.MaxColumns));
            budget.Cell();
            if (value is string s)
                budget.Text(s.Length, $"{SheetBinder.ColumnName(column)}{number}");
            while (cells.Count < column) cells.Add(null);
            if (cells.Count == column) cells.Add(value);
            else cells[column] = value;
        }

        void FinishRow()
        {
            FinishCell();
            if (!inRow) return;
            inRow = false;
            if (cells.Count == 0) return; // empty rows are skipped; the others keep the numbers the spreadsheet shows
            rows.Add(new UploadedRow(number, cells.ToArray()));
            cells.Clear();
            if (rows.Count > budget.Limits.MaxRows + HeaderRows)
                throw SheetProblem.TooLarge("xlsx-too-many-rows", ("sheet", sheet), ("max", budget.Limits.MaxRows));
        }

        using var reader = Xml(part, budget.Limits);
        bool phonetic = false, inValue = false, inText = false;
        while (reader.Read())
        {
            budget.Tick();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when IsMain(reader.NamespaceURI):
                    switch (reader.LocalName)
                    {
                        case "row":
                            FinishRow();
                            inRow = true;
                            number = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 1_048_576 ? r : number + 1;
                            column = -1;
                            if (reader.IsEmptyElement) FinishRow();
                            break;
                        case "c":
                            FinishCell();
                            if (!inRow) break;
                            column = ColumnOf(reader.GetAttribute("r")) ?? column + 1;
                            pending.Start(reader.GetAttribute("t"), reader.GetAttribute("s"));
                            if (reader.IsEmptyElement) FinishCell();
                            break;
                        case "v": inValue = pending.Open && !reader.IsEmptyElement; break;
                        case "rPh": phonetic = !reader.IsEmptyElement; break;
                        case "t": inText = pending.Open && !phonetic && !reader.IsEmptyElement; break;
                    }
                    break;
                case XmlNodeType.EndElement when IsMain(reader.NamespaceURI):
                    switch (reader.LocalName)
                    {
                        case "row": FinishRow(); break;
                        case "c": FinishCell(); break;
                        case "v": inValue = false; break;
                        case "rPh": phonetic = false; break;
                        case "t": inText = false; break;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inValue || inText:
                    var into = inValue ? pending.Raw : pending.Inline;
                    into.Append(reader.Value);
                    budget.Text(into.Length, $"{SheetBinder.ColumnName(Math.Max(0, column))}{number}", total: false);
                    break;
            }
        }
        FinishRow();
        return rows;
    }

    /// <summary>The cell being read: its type, style, cached value and inline text.</summary>
    private sealed class PendingCell
    {
        public bool Open;
        public readonly StringBuilder Raw = new();
        public readonly StringBuilder Inline = new();
        private string? _type;
        private string? _style;

        public void Start(string? type, string? style)
        {
            Open = true;
            _type = type;
            _style = style;
            Raw.Clear();
            Inline.Clear();
        }

        /// <summary>The cell as string, double, bool or DateTime (null when it holds nothing), as Excel last showed it.</summary>
        public object? Value(List<string> strings, HashSet<uint> dates)
        {
            if (_type == "inlineStr")
                return Inline.Length > 0 ? Inline.ToString() : null;
            if (Raw.Length == 0) return null;
            var raw = Raw.ToString();
            switch (_type)
            {
                case "s":
                    return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                        ? strings[index]
                        : throw SheetProblem.Unreadable("xlsx-unreadable", ("error", "sharedString"));
                case "str" or "e":
                    return raw;
                case "b":
                    return raw.Trim() is "1" or "true";
                case "d":
                    return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : raw;
                default:
                    if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                        return raw;
                    if (uint.TryParse(_style, NumberStyles.None, CultureInfo.InvariantCulture, out var style) && dates.Contains(style) && number is >= 0 and < 2958466)
                        return DateTime.FromOADate(number);
                    return number;
            }
        }
    }

    /// <summary>The zero-based column of a reference (<c>C7</c> → 2); null when it names none (the cell follows the previous one).</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var i = 0;
        for (; i < reference.Length && i < 3 && char.IsAsciiLetter(reference[i]); i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return i == 0 ? null : column - 1;
    }

    /// <summary>What a workbook's reading may still spend: cells, shared strings, text, and time.</summary>
    private sealed class ReadBudget(SheetLimits limits, CancellationToken cancellationToken)
    {
        private long _cells, _text;
        private int _ticks;

        public SheetLimits Limits => limits;

        /// <summary>Called for every element read: the deadline (or a client gone) stops the reading here.</summary>
        public void Tick()
        {
            if ((++_ticks & 0xFF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
        }

        public void Cell()
        {
            if (++_cells > limits.MaxCells)
                throw SheetProblem.TooLarge("xlsx-too-many-cells", ("max", limits.MaxCells));
        }

        public void SharedString(int count)
        {
            if (count > limits.MaxSharedStrings)
                throw SheetProblem.TooLarge("xlsx-too-many-strings", ("max", limits.MaxSharedStrings));
        }

        /// <summary>A text read, or (<paramref name="total"/> false) one still growing: checked for length as it grows, counted once whole.</summary>
        public void Text(int length, string cell, bool total = true)
        {
            if (length > limits.MaxCellChars)
                throw SheetProblem.TooLarge("xlsx-cell-too-long", ("cell", cell), ("max", limits.MaxCellChars));
            if (!total) return;
            _text += length;
            if (_text > limits.MaxTextChars)
                throw SheetProblem.TooLarge("xlsx-too-much-text", ("max", limits.MaxTextChars));
        }
    }

    /// <summary>Checks what the upload is and what it inflates to, before the SDK reads it.</summary>
    internal static void Guard(byte[] data, SheetLimits limits, CancellationToken cancellationToken = default)
    {
        if (data.AsSpan().StartsWith(CompoundFile))
        {
            if (Contains(data, Encoding.Unicode.GetBytes("EncryptedPackage")))
                throw SheetProblem.Refused("xlsx-password");
            throw SheetProblem.WrongType("xlsx-legacy-xls");
        }
        if (!data.AsSpan().StartsWith(Zip))
            throw SheetProblem.WrongType("xlsx-not-zip");

        ZipArchive archive;
        try { archive = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read); }
        catch (InvalidDataException)
        {
            throw SheetProblem.Unreadable("xlsx-zip-damaged");
        }
        using (archive)
        {
            if (archive.Entries.Count > 10_000)
                throw SheetProblem.Unreadable("xlsx-too-many-parts", ("parts", archive.Entries.Count));
            if (archive.GetEntry("[Content_Types].xml") is null || archive.GetEntry("xl/workbook.xml") is null)
                throw SheetProblem.WrongType("xlsx-no-workbook");
            var budget = new InflationBudget(limits.MaxInflatedBytes, cancellationToken);
            // A run of text between two tags longer than this cannot be a cell (nor anything else a workbook holds):
            // a character is at most 3 bytes of UTF-8, or 6 as an entity.
            var maxRun = Math.Max(256 * 1024, (long)limits.MaxCellChars * 6);
            foreach (var entry in archive.Entries)
            {
                try
                {
                    var xml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                              || entry.FullName.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);
                    using var inflated = new CountingStream(entry.Open(), budget, xml ? new RunGuard(maxRun, entry.FullName, limits.MaxCellChars) : null);
                    if (xml)
                        CheckXml(inflated, entry.FullName, limits.MaxXmlDepth);
                    else
                        inflated.CopyTo(Stream.Null);
                }
                catch (InvalidDataException)
                {
                    throw SheetProblem.Unreadable("xlsx-part-damaged", ("part", entry.FullName));
                }
            }
        }
    }

    private static void CheckXml(Stream xml, string part, int maxDepth)
    {
        // No DTD at all: a workbook never needs one, and entities are how a billion laughs are told.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.Depth >= maxDepth)
                    throw SheetProblem.Unreadable("xlsx-too-deep", ("part", part), ("max", maxDepth));
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw SheetProblem.Unreadable("xlsx-dtd", ("part", part));
        }
        catch (XmlException ex)
        {
            throw SheetProblem.Unreadable("xlsx-not-xml", ("part", part), ("line", ex.LineNumber));
        }
    }

    private static bool Contains(byte[] data, byte[] needle) => data.AsSpan().IndexOf(needle) >= 0;

    private sealed class InflationBudget(long max, CancellationToken cancellationToken)
    {
        private long _used;

        public void Spend(int bytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _used += bytes;
            if (_used > max)
                throw SheetProblem.TooLarge("xlsx-inflates", ("max", max / (1024 * 1024)));
        }
    }

    /// <summary>
    /// Measures the runs of bytes between one '&lt;' and the next in a part's XML as it inflates: a run longer than
    /// any cell can be is refused before an XML reader gathers it into one string (a 95 MiB cell once took 1.8 GB).
    /// </summary>
    private sealed class RunGuard(long maxRun, string part, int maxCellChars)
    {
        private long _run;

        public void See(ReadOnlySpan<byte> bytes)
        {
            while (true)
            {
                var at = bytes.IndexOf((byte)'<');
                if (at < 0)
                {
                    _run += bytes.Length;
                    break;
                }
                _run += at;
                if (_run > maxRun) break;
                _run = 0;
                bytes = bytes[(at + 1)..];
            }
            if (_run > maxRun)
                throw SheetProblem.TooLarge("xlsx-text-too-long", ("part", part), ("max", maxCellChars));
        }
    }

    /// <summary>Counts what is really inflated (a zip's declared sizes can lie), and lets the run guard see it.</summary>
    private sealed class CountingStream(Stream inner, InflationBudget budget, RunGuard? runs) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Spend(read);
            runs?.See(buffer[..read]);
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
