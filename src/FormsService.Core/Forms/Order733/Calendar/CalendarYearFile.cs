using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Forms.Order733.Calendar;

/// <summary>Reads and checks one <c>&lt;year&gt;.json</c> of <c>forms/_calendar/kz</c> (format: <c>forms/_calendar/README.md</c>).</summary>
internal static class CalendarYearFile
{
    public static CalendarYear Read(string file, int expectedYear)
    {
        var json = DataFile.Read<CalendarYearJson>(file, y => Faults(y, expectedYear));
        var holidays = json.Holidays.Select(h => new Holiday(h.Date, h.NameKk, h.NameEn, h.MovesIfWeekend, h.Confirmed)).ToList();
        var k = json.KurbanAit;
        return new CalendarYear(json.Year, fromFile: true, holidays,
            json.MovedDaysOff.Select(m => new MovedDayOff(m.Date, m.ForHoliday, m.Confirmed)).ToList(),
            json.Transfers.Select(t => new DayOffTransfer(t.DayOff, t.WorkingDay, t.ActTitle, t.ActNumber, t.ActDate, t.Confirmed)).ToList(),
            new Holiday(k.Date, k.NameKk, k.NameEn, MovesIfWeekend: false, k.Confirmed),
            (json.ExcludedHolidays ?? []).Select(e => new ExcludedHoliday(e.Date, e.WouldHaveMovedTo, e.Confirmed)).ToList());
    }

    private static IEnumerable<DataFault> Faults(CalendarYearJson y, int expectedYear)
    {
        var year = y.Year;
        if (year != expectedYear)
        {
            yield return new DataFault("$.year", $"the file is named for {expectedYear} but says {year}.");
            yield break;
        }

        if (y.Country != "KZ")
            yield return new DataFault("$.country", "expected \"KZ\".");

        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < y.Holidays.Count; i++)
        {
            var h = y.Holidays[i];
            var at = $"$.holidays[{i}]";
            foreach (var fault in Entry(at, h.Date, year, h.Source, ("nameKk", h.NameKk), ("nameEn", h.NameEn)))
                yield return fault;
            if (!seen.Add(h.Date))
                yield return new DataFault(at + ".date", $"{h.Date:yyyy-MM-dd} is listed twice.");
        }

        for (var i = 0; i < y.MovedDaysOff.Count; i++)
        {
            var m = y.MovedDaysOff[i];
            var at = $"$.movedDaysOff[{i}]";
            foreach (var fault in Entry(at, m.Date, year, m.Source))
                yield return fault;
            if (CalendarYear.IsWeekend(m.Date))
                yield return new DataFault(at + ".date", $"{m.Date:yyyy-MM-dd} is a {m.Date.DayOfWeek}; a moved day off is a weekday.");
            if (!y.Holidays.Any(h => h.Date == m.ForHoliday && h.MovesIfWeekend && CalendarYear.IsWeekend(h.Date)))
                yield return new DataFault(at + ".forHoliday", $"{m.ForHoliday:yyyy-MM-dd} is not a holiday of this file that falls on a weekend and moves.");
        }

        for (var i = 0; i < y.Transfers.Count; i++)
        {
            var t = y.Transfers[i];
            var at = $"$.transfers[{i}]";
            foreach (var fault in Entry(at, t.DayOff, year, t.Source, ("actTitle", t.ActTitle)))
                yield return fault.Path == at + ".date" ? fault with { Path = at + ".dayOff" } : fault;
            if (CalendarYear.IsWeekend(t.DayOff))
                yield return new DataFault(at + ".dayOff", $"{t.DayOff:yyyy-MM-dd} is a {t.DayOff.DayOfWeek}; the day made a day off must be a weekday.");
            if (t.WorkingDay.Year != year)
                yield return new DataFault(at + ".workingDay", $"{t.WorkingDay:yyyy-MM-dd} is not in {year}.");
            else if (!CalendarYear.IsWeekend(t.WorkingDay))
                yield return new DataFault(at + ".workingDay", $"{t.WorkingDay:yyyy-MM-dd} is a {t.WorkingDay.DayOfWeek}; the day made a working day must be a Saturday or Sunday.");
        }

        var k = y.KurbanAit;
        foreach (var fault in Entry("$.kurbanAit", k.Date, year, k.Source, ("nameKk", k.NameKk), ("nameEn", k.NameEn)))
            yield return fault;

        var excluded = y.ExcludedHolidays ?? [];
        for (var i = 0; i < excluded.Count; i++)
        {
            var e = excluded[i];
            var at = $"$.excludedHolidays[{i}]";
            foreach (var fault in Entry(at, e.Date, year, e.Source, ("nameKk", e.NameKk), ("nameEn", e.NameEn), ("reason", e.Reason)))
                yield return fault;
            if (y.Holidays.Any(h => h.Date == e.Date))
                yield return new DataFault(at + ".date", $"{e.Date:yyyy-MM-dd} is both a holiday and excluded.");
        }
    }

    /// <summary>What every entry must have: its date in the file's year, a source, and its texts not blank.</summary>
    internal static IEnumerable<DataFault> Entry(string at, DateOnly date, int year, string source, params (string Name, string Value)[] texts)
    {
        if (date.Year != year)
            yield return new DataFault(at + ".date", $"{date:yyyy-MM-dd} is not in {year}.");
        foreach (var fault in Texts(at, [("source", source), .. texts]))
            yield return fault;
    }

    internal static IEnumerable<DataFault> Texts(string at, params (string Name, string Value)[] texts) =>
        texts.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => new DataFault($"{at}.{t.Name}", "expected a non-empty string."));
}
