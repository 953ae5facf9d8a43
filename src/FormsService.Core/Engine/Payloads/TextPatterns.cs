namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// What <see cref="TextGuard"/> refuses in the Basic Multilingual Plane, as a pattern that means the same with and
/// without ECMA-262's <c>u</c> flag (JSON Schema validators use it, OpenAPI linters do not): control and format
/// characters, private use, line and paragraph separators, the invisible fillers, right-to-left scripts and scripts
/// that need shaping. Beyond the pattern, and refused by the service alone: characters outside that plane the
/// guard refuses, unassigned code points, and characters the fonts lack (a pattern of the fonts' coverage would be
/// as long as their character maps).
/// </summary>
internal static class TextPatterns
{
    private const string Refused =
        @"\u0000-\u001F\u007F-\u009F\u00AD\u2028\u2029\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\uE000-\uF8FF" +
        @"\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0" +
        @"\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF" +
        @"\u0900-\u0FFF\u1000-\u109F\u1100-\u11FF\u1780-\u18AF\u1A00-\u1C7F\uA800-\uAB2F\uABC0-\uABFF";

    /// <summary>
    /// Not what a spreadsheet would run as a formula (<see cref="TextGuard.FormulaLike"/>): no '=' or '@' first, and a
    /// '+' or '-' first only before digits, spaces, brackets, dots, commas and dashes.
    /// </summary>
    private const string NoFormula = @"(?![=@]|[+-](?![0-9 ().,-]*$))";

    /// <summary>Any text the guard lets through (it may be empty or blank).</summary>
    public const string Printable = "^" + NoFormula + "[^" + Refused + "]*$";

    /// <summary>Text the guard lets through with at least one character that is not a space.</summary>
    public const string NotBlank = @"^(?=.*\S)" + NoFormula + "[^" + Refused + "]*$";
}
