namespace FormsService.Core.Engine.Locale;

/// <summary>How a date reads in running text; the words of each style come from the language's locale file.</summary>
internal enum DateStyle
{
    /// <summary>The form's own drawn shape, every part a blank: <c>20__ жылғы "___" ______</c>.</summary>
    Blank,
    /// <summary><c>2025 жылғы 14 қазан</c>.</summary>
    Plain,
    /// <summary>A date that modifies a noun: <c>2025 жылғы 14 қазандағы</c>.</summary>
    Attributive,
    /// <summary>"On" a date: <c>2025 жылғы 23 қазанда</c>.</summary>
    Locative,
}

/// <summary>One piece of a date pattern: literal text, or the year, the day or the month (in one of its forms).</summary>
internal abstract record DatePiece;

internal sealed record DateText(string Text) : DatePiece;

internal enum DatePart { Year, Day, Month }

internal enum MonthForm { Name, Locative, Attributive }

internal sealed record DateSlot(DatePart Part, MonthForm Form = MonthForm.Name) : DatePiece;
