using System.Globalization;
using System.Text;

namespace FormsService.Core.Engine.Sheets;

/// <summary>
/// Reads an uploaded CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes): the delimiter detected
/// from the header line (Excel writes ';' where the decimal mark is a comma),
/// the encoding from <c>charset</c>, else a byte-order mark, else UTF-8 when the bytes are valid UTF-8, else
/// Windows-1251 (what Russian-locale Excel still saves).
/// </summary>
internal static class CsvUpload
{
    static CsvUpload() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static UploadedWorkbook Read(byte[] data, string? charset, SheetLimits limits, CancellationToken cancellationToken = default)
    {
        if (data.AsSpan().StartsWith("PK\u0003\u0004"u8) || data.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw SheetProblem.WrongType("csv-is-workbook");
        var text = Decode(data, charset);
        if (text.Contains('\0'))
            throw SheetProblem.WrongType("csv-is-binary");

        var delimiter = Delimiter(text);
        var rows = new List<UploadedRow>();
        var cells = 0L;
        foreach (var (line, fields) in Records(text, delimiter, limits, cancellationToken))
        {
            var row = new UploadedRow(line, fields.ToArray());
            if (row.IsEmpty)
                continue;
            rows.Add(row);
            if (rows.Count > limits.MaxRows + XlsxUpload.HeaderRows)
                throw SheetProblem.TooLarge("csv-too-many-rows", ("max", limits.MaxRows));
            cells += fields.Count;
            if (cells > limits.MaxCells)
                throw SheetProblem.TooLarge("xlsx-too-many-cells", ("max", limits.MaxCells));
        }
        return new UploadedWorkbook(UploadKind.Csv, [new UploadedSheet("csv", rows)]);
    }

    internal static string Decode(byte[] data, string? charset)
    {
        if (!string.IsNullOrWhiteSpace(charset))
        {
            Encoding declared;
            var name = charset.Trim().Trim('"');
            // UTF-7 spells markup in plain letters ("+ADw-" is '<'): the runtime refuses it, and so does the service.
            if (name.Replace("-", "").Replace("_", "").StartsWith("utf7", StringComparison.OrdinalIgnoreCase)
                || name.Contains("unicode-1-1-utf-7", StringComparison.OrdinalIgnoreCase))
                throw SheetProblem.WrongType("csv-unsupported-charset", ("charset", name));
            try { declared = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback); }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                throw SheetProblem.WrongType("csv-unknown-charset", ("charset", name));
            }
            if (declared.CodePage == 65000)
                throw SheetProblem.WrongType("csv-unsupported-charset", ("charset", name));
            try { return StripBom(declared.GetString(data)); }
            catch (DecoderFallbackException)
            {
                throw SheetProblem.Unreadable("csv-not-charset", ("charset", declared.WebName));
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

    /// <summary>
    /// The records with the line each starts on, every limit checked per field as it is split: a field's length, and
    /// the column of each field with a value (blank fields past the last value, as a spreadsheet program pads a
    /// stretched range, are counted, never kept). A small reader of our own: common CSV readers drop blank
    /// lines, and with them the line numbers errors.xlsx reports to the clerk.
    /// </summary>
    private static IEnumerable<(int Line, List<object?> Fields)> Records(string text, char delimiter, SheetLimits limits, CancellationToken cancellationToken)
    {
        var fields = new List<object?>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        var column = 0;
        var blanks = 0;

        void EndField()
        {
            if (field.Length == 0 || (field.Length < 64 && string.IsNullOrWhiteSpace(field.ToString())))
                blanks++; // kept back until a value follows it on the line
            else
            {
                if (column >= limits.MaxColumns)
                    throw SheetProblem.TooLarge("csv-too-many-columns", ("columns", column + 1), ("max", limits.MaxColumns));
                for (; blanks > 0; blanks--) fields.Add("");
                fields.Add(field.ToString());
            }
            column++;
            field.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) EndField();
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                EndField();
                yield return (start, fields);
                fields = [];
                column = 0;
                blanks = 0;
                start = ++line;
            }
            else field.Append(c);
            if (field.Length > limits.MaxCellChars)
                throw SheetProblem.TooLarge("csv-field-too-long", ("line", start), ("max", limits.MaxCellChars));
        }
        if (quoted)
            throw SheetProblem.Unreadable("csv-quote-open", ("line", start));
        if (field.Length > 0 || column > 0)
        {
            EndField();
            yield return (start, fields);
        }
    }

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
