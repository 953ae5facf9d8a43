using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace FormsService.Core.Engine.Sheets;

/// <summary>
/// Reads an uploaded CSV with MiniExcel: the delimiter detected from the header line (Excel writes ';' where the decimal mark is a comma),
/// the encoding from <c>charset</c>, else a byte-order mark, else UTF-8 when the bytes are valid UTF-8, else
/// Windows-1251 (what Russian-locale Excel still saves).
/// </summary>
internal static class CsvUpload
{
    static CsvUpload() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static UploadedWorkbook Read(byte[] data, string? charset, SheetLimits limits)
    {
        if (data.AsSpan().StartsWith("PK\u0003\u0004"u8) || data.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw SheetProblem.WrongType("The upload claims to be CSV text but is a binary workbook; send it as .xlsx.");
        var text = Decode(data, charset);
        if (text.Contains('\0'))
            throw SheetProblem.WrongType("The upload claims to be CSV text but holds binary data.");

        var configuration = new MiniExcelLibs.Csv.CsvConfiguration
        {
            Seperator = Delimiter(text),
            ReadLineBreaksWithinQuotes = true,
            StreamReaderFunc = stream => new StreamReader(stream, new UTF8Encoding(false)),
        };
        var rows = new List<UploadedRow>();
        try
        {
            using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(text), writable: false);
            var number = 0;
            foreach (IDictionary<string, object?> record in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.CSV, configuration: configuration))
            {
                number++;
                if (record.Count > limits.MaxColumns)
                    throw SheetProblem.TooLarge($"The file has {record.Count} columns; at most {limits.MaxColumns} are read.");
                var row = new UploadedRow(number, record.Values.Select(v => v is string s ? (object?)s : v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)).ToList());
                if (row.IsEmpty)
                    continue;
                rows.Add(row);
                if (rows.Count > limits.MaxRows + XlsxUpload.HeaderRows)
                    throw SheetProblem.TooLarge($"The file has more than {limits.MaxRows} data rows; at most {limits.MaxRows} are taken per upload.");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IndexOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            throw SheetProblem.Unreadable($"The CSV could not be read ({ex.GetType().Name}).");
        }
        return new UploadedWorkbook(UploadKind.Csv, [new UploadedSheet("csv", rows)]);
    }

    internal static string Decode(byte[] data, string? charset)
    {
        if (!string.IsNullOrWhiteSpace(charset))
        {
            Encoding declared;
            try { declared = Encoding.GetEncoding(charset.Trim().Trim('"'), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback); }
            catch (ArgumentException)
            {
                throw SheetProblem.WrongType($"The charset '{charset}' is not known; send UTF-8 or windows-1251.");
            }
            try { return StripBom(declared.GetString(data)); }
            catch (DecoderFallbackException)
            {
                throw SheetProblem.Unreadable($"The file is not valid {declared.WebName} text.");
            }
        }
        if (data.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
            return Encoding.Unicode.GetString(data, 2, data.Length - 2);
        if (data.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
            return Encoding.BigEndianUnicode.GetString(data, 2, data.Length - 2);
        try
        {
            return StripBom(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data));
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: the single-byte Cyrillic code page Kazakh and Russian offices' Excel saves CSV in.
            return Encoding.GetEncoding(1251).GetString(data);
        }
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    /// <summary>The separator the header line uses most, outside quotes: ',' ';' or a tab.</summary>
    internal static char Delimiter(string text)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') { if (comma + semicolon + tab > 0) break; }
            else if (!quoted && c == ',') comma++;
            else if (!quoted && c == ';') semicolon++;
            else if (!quoted && c == '\t') tab++;
        }
        return semicolon > comma && semicolon >= tab ? ';' : tab > comma && tab > semicolon ? '\t' : ',';
    }
}
