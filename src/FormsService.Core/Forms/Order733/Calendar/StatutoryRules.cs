using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Forms.Order733.Calendar;

/// <summary>
/// The rules of law alone, from <c>statutory.json</c>: weekends, the fixed holidays and the move of a state holiday
/// that falls on a weekend to the next working day. Used for years without a data file: they have no Kurban Ait
/// and no transfers, and every date computed from them is unconfirmed.
/// </summary>
internal sealed class StatutoryRules
{
    public const string FileName = "statutory.json";

    private StatutoryRules(IReadOnlyList<FixedHoliday> fixedHolidays) => FixedHolidays = fixedHolidays;

    public IReadOnlyList<FixedHoliday> FixedHolidays { get; }

    public static StatutoryRules Read(string file)
    {
        var json = DataFile.Read<StatutoryJson>(file, Faults);
        return new StatutoryRules(json.FixedHolidays
            .Select(h => new FixedHoliday(h.Month, h.Day, h.FromYear, h.ToYear, h.NameKk, h.NameEn, h.MovesIfWeekend, h.Confirmed))
            .ToList());
    }

    private static IEnumerable<DataFault> Faults(StatutoryJson json)
    {
        if (json.Country != "KZ")
            yield return new DataFault("$.country", "expected \"KZ\".");
        for (var i = 0; i < json.FixedHolidays.Count; i++)
        {
            var h = json.FixedHolidays[i];
            var at = $"$.fixedHolidays[{i}]";
            if (h.Month is < 1 or > 12)
                yield return new DataFault(at + ".month", $"{h.Month} is not a month.");
            else if (h.Day < 1 || h.Day > DateTime.DaysInMonth(2001, h.Month))
                yield return new DataFault(at + ".day", $"{h.Month:D2}-{h.Day:D2} is not a day of a non-leap year.");
            if (h.FromYear > h.ToYear)
                yield return new DataFault(at + ".toYear", "toYear is before fromYear.");
            foreach (var fault in CalendarYearFile.Texts(at, ("source", h.Source), ("nameKk", h.NameKk), ("nameEn", h.NameEn)))
                yield return fault;
        }
    }

    public CalendarYear BuildYear(int year)
    {
        var holidays = FixedHolidays
            .Where(h => h.AppliesTo(year))
            .Select(h => new Holiday(new DateOnly(year, h.Month, h.Day), h.NameKk, h.NameEn, h.MovesIfWeekend, h.Confirmed))
            .OrderBy(h => h.Date)
            .ToList();
        return new CalendarYear(year, fromFile: false, holidays, MovedDaysOff(holidays, []), [], kurbanAit: null, []);
    }

    /// <summary>
    /// Law «On holidays», art. 5: a state holiday on a Saturday or Sunday gives a day off on the next working day.
    /// Holidays are taken in date order; each move skips weekends, holidays, <paramref name="otherDaysOff"/> and
    /// days already taken by an earlier move (so 21–22 March on a weekend give two days: 24 and 25 March 2026).
    /// </summary>
    public static IReadOnlyList<MovedDayOff> MovedDaysOff(IReadOnlyList<Holiday> holidays, IEnumerable<DateOnly> otherDaysOff)
    {
        var taken = new HashSet<DateOnly>(holidays.Select(h => h.Date).Concat(otherDaysOff));
        var moved = new List<MovedDayOff>();
        foreach (var holiday in holidays.Where(h => h.MovesIfWeekend && CalendarYear.IsWeekend(h.Date)).OrderBy(h => h.Date))
        {
            var day = holiday.Date.AddDays(1);
            while (CalendarYear.IsWeekend(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            moved.Add(new MovedDayOff(day, holiday.Date, holiday.Confirmed));
        }

        return moved;
    }
}
