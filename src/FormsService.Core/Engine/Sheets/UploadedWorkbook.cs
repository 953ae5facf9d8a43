namespace FormsService.Core.Engine.Sheets;

/// <summary>One row as uploaded: its number as the spreadsheet shows it, and its cells (string, double, bool, DateTime or null).</summary>
internal sealed record UploadedRow(int Number, IReadOnlyList<object?> Cells)
{
    public bool IsEmpty => Cells.All(SheetCells.IsBlank);
}

/// <summary>One sheet (a CSV file is one sheet).</summary>
internal sealed record UploadedSheet(string Name, IReadOnlyList<UploadedRow> Rows);

/// <summary>The kinds of upload a merge takes.</summary>
internal enum UploadKind { Xlsx, Csv }

/// <summary>An uploaded spreadsheet's rows that hold something (bounded by <see cref="SheetLimits"/> as it is read), never evaluated.</summary>
internal sealed record UploadedWorkbook(UploadKind Kind, IReadOnlyList<UploadedSheet> Sheets)
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvMediaType = "text/csv";

    /// <summary>Reads an upload of the kind its media type (or file name) claims, after checking it is that kind.</summary>
    /// <param name="cancellationToken">The caller's deadline or a client gone: checked as the file is read.</param>
    public static UploadedWorkbook Read(byte[] data, UploadKind kind, string? charset, SheetLimits limits, CancellationToken cancellationToken = default) => kind switch
    {
        UploadKind.Xlsx => XlsxUpload.Read(data, limits, cancellationToken),
        _ => CsvUpload.Read(data, charset, limits, cancellationToken),
    };

    /// <summary>The kind a media type or, for a generic one, a file name names; null when neither names a spreadsheet.</summary>
    public static UploadKind? KindOf(string? mediaType, string? fileName)
    {
        var media = mediaType?.Split(';')[0].Trim().ToLowerInvariant();
        if (media == XlsxMediaType) return UploadKind.Xlsx;
        if (media is CsvMediaType or "application/csv" or "text/comma-separated-values") return UploadKind.Csv;
        if (media is null or "" or "application/octet-stream" or "application/vnd.ms-excel")
        {
            var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
            if (ext == ".xlsx") return UploadKind.Xlsx;
            if (ext == ".csv") return UploadKind.Csv;
        }
        return null;
    }
}

internal static class SheetCells
{
    public static bool IsBlank(object? cell) => cell is null || (cell is string s && string.IsNullOrWhiteSpace(s));
}
