namespace FormsService.Core.Engine.Sheets;

/// <summary>
/// An upload the service cannot take as a whole (too big, not the type it claims, protected, corrupt, hostile, or
/// headers that name no field): answered with its status and a problem, before anything renders.
/// </summary>
public sealed class SheetProblem(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public static SheetProblem TooLarge(string detail) => new(413, "Upload too large", detail);
    public static SheetProblem WrongType(string detail) => new(415, "Not the file type it claims", detail);
    public static SheetProblem Unreadable(string detail) => new(400, "Unreadable spreadsheet", detail);
    public static SheetProblem Refused(string detail) => new(422, "Spreadsheet refused", detail);
    public static SheetProblem Headers(IReadOnlyDictionary<string, string[]> errors) =>
        new(422, "The spreadsheet's headers name no field", "See 'errors': each key is a header cell.", errors);
}

/// <summary>Limits on uploaded spreadsheets (configuration section <c>Sheets</c>).</summary>
public sealed class SheetLimits
{
    /// <summary>Data rows per upload (default 1,000); more is 413.</summary>
    public int MaxRows { get; set; } = 1000;

    /// <summary>Bytes per upload (default 10 MB); more is 413.</summary>
    public int MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>What a workbook may inflate to, all parts together (default 100 MB): beyond is a zip bomb, 413.</summary>
    public long MaxInflatedBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Nesting of a workbook's XML (default 64; real workbooks stay under 20).</summary>
    public int MaxXmlDepth { get; set; } = 64;

    /// <summary>Columns read per sheet (default 512).</summary>
    public int MaxColumns { get; set; } = 512;
}
