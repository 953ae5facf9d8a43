using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Engine.Sheets;

/// <summary>
/// An upload the service cannot take as a whole (too big, not the type it claims, protected, corrupt, hostile, or
/// headers that name no field): answered with its status and a problem, before anything renders. The title is a
/// message code and the detail and errors coded messages (<see cref="Say"/>), worded for the reader by the service.
/// </summary>
internal sealed class SheetProblem(int status, string titleCode, Message detail, IReadOnlyDictionary<string, Message[]>? errors = null)
    : Exception(detail.ToString())
{
    public int Status { get; } = status;
    public string Title { get; } = titleCode;
    public Message Detail { get; } = detail;
    public IReadOnlyDictionary<string, Message[]>? Errors { get; } = errors;

    public static SheetProblem TooLarge(string code, params (string Name, object? Value)[] args) => new(413, "problem-upload-too-large", Say.Of(code, args));
    public static SheetProblem WrongType(string code, params (string Name, object? Value)[] args) => new(415, "problem-wrong-type", Say.Of(code, args));
    public static SheetProblem Unreadable(string code, params (string Name, object? Value)[] args) => new(400, "problem-unreadable-sheet", Say.Of(code, args));
    public static SheetProblem Refused(string code, params (string Name, object? Value)[] args) => new(422, "problem-sheet-refused", Say.Of(code, args));
    public static SheetProblem Headers(IReadOnlyDictionary<string, Message[]> errors) =>
        new(422, "problem-sheet-headers", Say.Of("problem-sheet-headers"), errors);
}

/// <summary>Limits on uploaded spreadsheets (configuration section <c>Sheets</c>).</summary>
internal sealed class SheetLimits
{
    /// <summary>Data rows per upload (default 1,000); more is 413.</summary>
    public int MaxRows { get; set; } = 1000;

    /// <summary>Bytes per upload (default 10 MB); more is 413.</summary>
    public int MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>What a workbook may inflate to, all parts together (default 100 MB): beyond is a zip bomb, 413.</summary>
    public long MaxInflatedBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Nesting of a workbook's XML (default 64; real workbooks stay under 20).</summary>
    public int MaxXmlDepth { get; set; } = 64;

    /// <summary>Columns read per sheet (default 512): a value further right is 413; blank cells there cost nothing.</summary>
    public int MaxColumns { get; set; } = 512;

    /// <summary>Cells with a value, all sheets together (default 300,000); more is 413.</summary>
    public int MaxCells { get; set; } = 300_000;

    /// <summary>Characters in one cell or CSV field (default 32,767, Excel's own limit); more is 413.</summary>
    public int MaxCellChars { get; set; } = 32_767;

    /// <summary>Entries of a workbook's shared-string table (default 200,000); more is 413.</summary>
    public int MaxSharedStrings { get; set; } = 200_000;

    /// <summary>Characters of text read from a workbook, shared strings and cells together (default 16 M); more is 413.</summary>
    public long MaxTextChars { get; set; } = 16L * 1024 * 1024;
}
