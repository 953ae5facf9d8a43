namespace FormsService.Core.Forms.Order733.Calendar;

/// <summary>A day off named by law: a state holiday, 7 January, or the first day of Kurban Ait.</summary>
/// <param name="MovesIfWeekend">True for state holidays: on a Saturday or Sunday the day off moves to the next working day.</param>
internal sealed record Holiday(DateOnly Date, string NameKk, string NameEn, bool MovesIfWeekend, bool Confirmed);

/// <summary>The weekday that became a day off because <paramref name="ForHoliday"/> fell on a weekend.</summary>
internal sealed record MovedDayOff(DateOnly Date, DateOnly ForHoliday, bool Confirmed);

/// <summary>A transfer by order: <paramref name="DayOff"/> (a weekday) is a day off, <paramref name="WorkingDay"/> (a weekend day) is worked.</summary>
internal sealed record DayOffTransfer(DateOnly DayOff, DateOnly WorkingDay, string ActTitle, string? ActNumber, DateOnly? ActDate, bool Confirmed);

/// <summary>A statutory holiday that does not apply in the year (e.g. 30 August 2026), with the day it would have moved to.</summary>
internal sealed record ExcludedHoliday(DateOnly Date, DateOnly? WouldHaveMovedTo, bool Confirmed);

/// <summary>A holiday of the statutory rules, for years without a data file; valid from/to the given years (inclusive).</summary>
internal sealed record FixedHoliday(int Month, int Day, int? FromYear, int? ToYear, string NameKk, string NameEn, bool MovesIfWeekend, bool Confirmed)
{
    public bool AppliesTo(int year) => (FromYear is null || year >= FromYear) && (ToYear is null || year <= ToYear);
}
