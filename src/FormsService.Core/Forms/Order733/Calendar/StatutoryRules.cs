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
        var root = CalendarJson.ReadRoot(file);
        root.AllowOnly("country", "fixedHolidays", "notes");
        ReadCountry(root);
        root.Strings("notes");

        var holidays = new List<FixedHoliday>();
        foreach (var item in root.Objects("fixedHolidays", required: true))
        {
            item.AllowOnly("month", "day", "fromYear", "toYear", "nameKk", "nameEn", "movesIfWeekend", "source", "confirmed", "note");
            var month = item.RequiredInt("month");
            var day = item.RequiredInt("day");
            if (month is < 1 or > 12)
            {
                throw item.ErrorAt(item.Child("month"), $"{month} is not a month.");
            }

            if (day < 1 || day > DateTime.DaysInMonth(2001, month))
            {
                throw item.ErrorAt(item.Child("day"), $"{month:D2}-{day:D2} is not a day of a non-leap year.");
            }

            var fromYear = item.OptionalInt("fromYear");
            var toYear = item.OptionalInt("toYear");
            if (fromYear > toYear)
            {
                throw item.ErrorAt(item.Child("toYear"), "toYear is before fromYear.");
            }

            item.RequiredString("source");
            item.OptionalString("note");
            holidays.Add(new FixedHoliday(
                month, day, fromYear, toYear,
                item.RequiredString("nameKk"), item.RequiredString("nameEn"),
                item.RequiredBool("movesIfWeekend"), item.RequiredBool("confirmed")));
        }

        return new StatutoryRules(holidays);
    }

    public static void ReadCountry(CalendarJson root)
    {
        if (root.RequiredString("country") != "KZ")
        {
            throw root.ErrorAt(root.Child("country"), "expected \"KZ\".");
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
