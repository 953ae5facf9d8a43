using System.IO.Compression;
using System.Text;
using System.Xml;
using MiniExcelLibs;

namespace FormsService.Core.Engine.Sheets;

/// <summary>
/// Reads an uploaded workbook with MiniExcel, after checking it ourselves: a zip (not an encrypted or legacy .xls
/// compound file), whose parts inflate to a bounded size, with XML that declares no DTD or entity and nests shallowly.
/// Formulas are never evaluated: a cell reads as the value Excel cached for it.
/// </summary>
internal static class XlsxUpload
{
    /// <summary>The label row and the path row above the data.</summary>
    internal const int HeaderRows = 2;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Large shared-string tables would be cached in a temporary file: the service writes no files (read-only root).
    private static readonly MiniExcelLibs.OpenXml.OpenXmlConfiguration Reading = new() { EnableSharedStringCache = false };

    public static UploadedWorkbook Read(byte[] data, SheetLimits limits)
    {
        Guard(data, limits);
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            var sheets = new List<UploadedSheet>();
            foreach (var name in MiniExcel.GetSheetNames(stream))
            {
                stream.Position = 0;
                var rows = new List<UploadedRow>();
                var number = 0;
                foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX, configuration: Reading))
                {
                    number++;
                    if (row.Count > limits.MaxColumns)
                        throw SheetProblem.TooLarge("xlsx-too-many-columns", ("sheet", name), ("columns", row.Count), ("max", limits.MaxColumns));
                    var read = new UploadedRow(number, row.Values.Select(Normalize).ToList());
                    if (read.IsEmpty)
                        continue; // empty rows are skipped; the numbers of the others stay as the spreadsheet shows them
                    rows.Add(read);
                    if (rows.Count > limits.MaxRows + HeaderRows)
                        throw SheetProblem.TooLarge("xlsx-too-many-rows", ("sheet", name), ("max", limits.MaxRows));
                }
                sheets.Add(new UploadedSheet(name, rows));
            }
            return new UploadedWorkbook(UploadKind.Xlsx, sheets);
        }
        // What a library may throw on a file that passed the checks above but is still malformed: a 400, never a 500.
        catch (Exception ex) when (ex is InvalidDataException or XmlException or InvalidOperationException or FormatException
                                       or IndexOutOfRangeException or ArgumentException or KeyNotFoundException or NullReferenceException or InvalidCastException)
        {
            throw SheetProblem.Unreadable("xlsx-unreadable", ("error", ex.GetType().Name));
        }
    }

    private static object? Normalize(object? cell) => cell switch
    {
        null => null,
        string s => s,
        double or bool or DateTime => cell,
        int i => (double)i,
        long l => (double)l,
        decimal m => (double)m,
        float f => (double)f,
        DateTimeOffset d => d.DateTime,
        TimeSpan t => t.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Checks what the upload is and what it inflates to, before any library reads it.</summary>
    internal static void Guard(byte[] data, SheetLimits limits)
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
            var budget = new InflationBudget(limits.MaxInflatedBytes);
            foreach (var entry in archive.Entries)
            {
                try
                {
                    using var inflated = new CountingStream(entry.Open(), budget);
                    if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                        || entry.FullName.EndsWith(".vml", StringComparison.OrdinalIgnoreCase))
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

    private sealed class InflationBudget(long max)
    {
        private long _used;

        public void Spend(int bytes)
        {
            _used += bytes;
            if (_used > max)
                throw SheetProblem.TooLarge("xlsx-inflates", ("max", max / (1024 * 1024)));
        }
    }

    /// <summary>Counts what is really inflated (a zip's declared sizes can lie).</summary>
    private sealed class CountingStream(Stream inner, InflationBudget budget) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Spend(read);
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
