namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// What <see cref="TextGuard"/> refuses, as ECMA-262 patterns (JSON Schema's, with the <c>u</c> flag): control, format,
/// private-use, unassigned and separator characters, the invisible fillers, right-to-left scripts and scripts that
/// need shaping. Characters the fonts lack are refused by the service alone: a pattern of the fonts' coverage would
/// be as long as their character maps.
/// </summary>
public static class TextPatterns
{
    private const string Refused =
        @"\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}" +
        @"\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}" +
        @"\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}" +
        @"\u0900-\u0FFF\u1000-\u109F\u1100-\u11FF\u1780-\u18AF\u1A00-\u1C7F\uA800-\uAB2F\uABC0-\uABFF\u{11000}-\u{11FFF}";

    /// <summary>Any text the guard lets through (it may be empty or blank).</summary>
    public const string Printable = "^[^" + Refused + "]*$";

    /// <summary>Text the guard lets through with at least one character that is not a space.</summary>
    public const string NotBlank = @"^(?=.*\S)[^" + Refused + "]*$";
}
