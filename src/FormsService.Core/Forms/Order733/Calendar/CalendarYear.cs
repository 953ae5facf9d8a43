namespace FormsService.Core.Forms.Order733.Calendar;

/// <summary>The days off and worked weekend days of one year, from its data file or from the statutory rules.</summary>
internal sealed class CalendarYear
{
    private readonly HashSet<DateOnly> _daysOff = [];
    private readonly HashSet<DateOnly> _workedWeekendDays = [];
    private readonly HashSet<DateOnly> _uncertainDays = [];

    public CalendarYear(
        int year,
        bool fromFile,
        IReadOnlyList<Holiday> holidays,
        IReadOnlyList<MovedDayOff> movedDaysOff,
        IReadOnlyList<DayOffTransfer> transfers,
        Holiday? kurbanAit,
        IReadOnlyList<ExcludedHoliday> excludedHolidays)
    {
        Year = year;
        FromFile = fromFile;
        Holidays = holidays;
        MovedDaysOff = movedDaysOff;
        Transfers = transfers;
        KurbanAit = kurbanAit;

        foreach (var holiday in kurbanAit is null ? holidays : [.. holidays, kurbanAit])
        {
            AddDayOff(holiday.Date, holiday.Confirmed);
        }

        foreach (var moved in movedDaysOff)
        {
            AddDayOff(moved.Date, moved.Confirmed);
        }

        foreach (var transfer in transfers)
        {
            AddDayOff(transfer.DayOff, transfer.Confirmed);
            _workedWeekendDays.Add(transfer.WorkingDay);
            MarkUncertain(transfer.WorkingDay, transfer.Confirmed);
        }

        foreach (var excluded in excludedHolidays)
        {
            MarkUncertain(excluded.Date, excluded.Confirmed);
            if (excluded.WouldHaveMovedTo is { } movedTo)
            {
                MarkUncertain(movedTo, excluded.Confirmed);
            }
        }
    }

    public int Year { get; }

    /// <summary>True when the year comes from a reviewed data file, false when computed from the statutory rules.</summary>
    public bool FromFile { get; }

    public IReadOnlyList<Holiday> Holidays { get; }

    public IReadOnlyList<MovedDayOff> MovedDaysOff { get; }

    public IReadOnlyList<DayOffTransfer> Transfers { get; }

    public Holiday? KurbanAit { get; }

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day) =>
        _workedWeekendDays.Contains(day) || (!IsWeekend(day) && !_daysOff.Contains(day));

    /// <summary>True when the day's status rests on an entry marked <c>"confirmed": false</c>.</summary>
    public bool IsUncertain(DateOnly day) => _uncertainDays.Contains(day);

    private void AddDayOff(DateOnly day, bool confirmed)
    {
        _daysOff.Add(day);
        MarkUncertain(day, confirmed);
    }

    private void MarkUncertain(DateOnly day, bool confirmed)
    {
        if (!confirmed)
        {
            _uncertainDays.Add(day);
        }
    }
}
