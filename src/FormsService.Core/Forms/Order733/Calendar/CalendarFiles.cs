namespace FormsService.Core.Forms.Order733.Calendar;

// The calendar files as they are written (format: forms/_calendar/README.md), read by the engine's one data-file
// reader. Every entry says where its fact comes from and whether the source states it for that year.

internal sealed record CalendarYearJson(
    int Year,
    string Country,
    IReadOnlyList<HolidayJson> Holidays,
    IReadOnlyList<MovedDayOffJson> MovedDaysOff,
    IReadOnlyList<TransferJson> Transfers,
    KurbanAitJson KurbanAit,
    IReadOnlyList<ExcludedHolidayJson>? ExcludedHolidays = null,
    IReadOnlyList<string>? Notes = null);

internal sealed record HolidayJson(DateOnly Date, string NameKk, string NameEn, bool MovesIfWeekend, string Source, bool Confirmed, string? Note = null);

internal sealed record KurbanAitJson(DateOnly Date, string NameKk, string NameEn, string Source, bool Confirmed, string? Note = null);

internal sealed record MovedDayOffJson(DateOnly Date, DateOnly ForHoliday, string Source, bool Confirmed, string? Note = null);

internal sealed record TransferJson(
    DateOnly DayOff, DateOnly WorkingDay, string ActTitle, string Source, bool Confirmed,
    string? ActNumber = null, DateOnly? ActDate = null, string? Note = null);

internal sealed record ExcludedHolidayJson(
    DateOnly Date, string NameKk, string NameEn, string Reason, string Source, bool Confirmed,
    DateOnly? WouldHaveMovedTo = null, string? Note = null);

internal sealed record StatutoryJson(string Country, IReadOnlyList<FixedHolidayJson> FixedHolidays, IReadOnlyList<string>? Notes = null);

internal sealed record FixedHolidayJson(
    int Month, int Day, string NameKk, string NameEn, bool MovesIfWeekend, string Source, bool Confirmed,
    int? FromYear = null, int? ToYear = null, string? Note = null);
