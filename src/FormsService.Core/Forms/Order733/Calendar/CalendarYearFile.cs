namespace FormsService.Core.Forms.Order733.Calendar;

/// <summary>Reads and checks one <c>&lt;year&gt;.json</c> of <c>forms/_calendar/kz</c> (format: <c>forms/_calendar/README.md</c>).</summary>
internal static class CalendarYearFile
{
    public static CalendarYear Read(string file, int expectedYear)
    {
        var root = CalendarJson.ReadRoot(file);
        root.AllowOnly("year", "country", "holidays", "movedDaysOff", "transfers", "kurbanAit", "excludedHolidays", "notes");

        var year = root.RequiredInt("year");
        if (year != expectedYear)
        {
            throw root.ErrorAt(root.Child("year"), $"the file is named for {expectedYear} but says {year}.");
        }

        StatutoryRules.ReadCountry(root);
        root.Strings("notes");

        var holidays = new List<Holiday>();
        foreach (var item in root.Objects("holidays", required: true))
        {
            item.AllowOnly("date", "nameKk", "nameEn", "movesIfWeekend", "source", "confirmed", "note");
            var holiday = ReadHoliday(item, year, movesIfWeekend: item.RequiredBool("movesIfWeekend"));
            if (holidays.Any(h => h.Date == holiday.Date))
            {
                throw item.ErrorAt(item.Child("date"), $"{holiday.Date:yyyy-MM-dd} is listed twice.");
            }

            holidays.Add(holiday);
        }

        var moved = new List<MovedDayOff>();
        foreach (var item in root.Objects("movedDaysOff", required: true))
        {
            item.AllowOnly("date", "forHoliday", "source", "confirmed", "note");
            var date = DateIn(item, "date", year);
            if (CalendarYear.IsWeekend(date))
            {
                throw item.ErrorAt(item.Child("date"), $"{date:yyyy-MM-dd} is a {date.DayOfWeek}; a moved day off is a weekday.");
            }

            var forHoliday = item.RequiredDate("forHoliday");
            if (!holidays.Any(h => h.Date == forHoliday && h.MovesIfWeekend && CalendarYear.IsWeekend(h.Date)))
            {
                throw item.ErrorAt(item.Child("forHoliday"), $"{forHoliday:yyyy-MM-dd} is not a holiday of this file that falls on a weekend and moves.");
            }

            Source(item);
            moved.Add(new MovedDayOff(date, forHoliday, item.RequiredBool("confirmed")));
        }

        var transfers = new List<DayOffTransfer>();
        foreach (var item in root.Objects("transfers", required: true))
        {
            item.AllowOnly("dayOff", "workingDay", "actTitle", "actNumber", "actDate", "source", "confirmed", "note");
            var dayOff = DateIn(item, "dayOff", year);
            if (CalendarYear.IsWeekend(dayOff))
            {
                throw item.ErrorAt(item.Child("dayOff"), $"{dayOff:yyyy-MM-dd} is a {dayOff.DayOfWeek}; the day made a day off must be a weekday.");
            }

            var workingDay = DateIn(item, "workingDay", year);
            if (!CalendarYear.IsWeekend(workingDay))
            {
                throw item.ErrorAt(item.Child("workingDay"), $"{workingDay:yyyy-MM-dd} is a {workingDay.DayOfWeek}; the day made a working day must be a Saturday or Sunday.");
            }

            Source(item);
            transfers.Add(new DayOffTransfer(
                dayOff, workingDay, item.RequiredString("actTitle"), item.OptionalString("actNumber"), item.OptionalDate("actDate"),
                item.RequiredBool("confirmed")));
        }

        var kurbanAitJson = root.Object("kurbanAit");
        kurbanAitJson.AllowOnly("date", "nameKk", "nameEn", "source", "confirmed", "note");
        var kurbanAit = ReadHoliday(kurbanAitJson, year, movesIfWeekend: false);

        var excluded = new List<ExcludedHoliday>();
        foreach (var item in root.Objects("excludedHolidays", required: false))
        {
            item.AllowOnly("date", "nameKk", "nameEn", "wouldHaveMovedTo", "reason", "source", "confirmed", "note");
            var date = DateIn(item, "date", year);
            if (holidays.Any(h => h.Date == date))
            {
                throw item.ErrorAt(item.Child("date"), $"{date:yyyy-MM-dd} is both a holiday and excluded.");
            }

            item.RequiredString("nameKk");
            item.RequiredString("nameEn");
            item.RequiredString("reason");
            Source(item);
            excluded.Add(new ExcludedHoliday(date, item.OptionalDate("wouldHaveMovedTo"), item.RequiredBool("confirmed")));
        }

        return new CalendarYear(year, fromFile: true, holidays, moved, transfers, kurbanAit, excluded);
    }

    private static Holiday ReadHoliday(CalendarJson item, int year, bool movesIfWeekend)
    {
        var date = DateIn(item, "date", year);
        Source(item);
        return new Holiday(date, item.RequiredString("nameKk"), item.RequiredString("nameEn"), movesIfWeekend, item.RequiredBool("confirmed"));
    }

    private static DateOnly DateIn(CalendarJson item, string name, int year)
    {
        var date = item.RequiredDate(name);
        return date.Year == year
            ? date
            : throw item.ErrorAt(item.Child(name), $"{date:yyyy-MM-dd} is not in {year}.");
    }

    private static void Source(CalendarJson item)
    {
        item.RequiredString("source");
        item.OptionalString("note");
    }
}
