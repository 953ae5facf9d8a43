using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using FormsService.Core.Engine.Catalog;

namespace FormsService.Core.Forms.Order733.Calendar;

/// <summary>
/// Kazakhstan's working days (five-day week): Monday to Friday, less the days off named by law, the days off moved
/// from holidays that fall on a weekend, the first day of Kurban Ait and the days off transferred by order; plus the
/// weekend days an order makes working days. A year with a data file (<c>&lt;year&gt;.json</c>) is taken from it; any
/// other year is computed from <c>statutory.json</c> alone and is unconfirmed. No clock: callers pass the dates.
/// </summary>
internal sealed partial class WorkingCalendar
{
    private readonly IReadOnlyDictionary<int, CalendarYear> _files;
    private readonly StatutoryRules _rules;
    private readonly ConcurrentDictionary<int, CalendarYear> _computed = new();

    private WorkingCalendar(IReadOnlyDictionary<int, CalendarYear> files, StatutoryRules rules)
    {
        _files = files;
        _rules = rules;
    }

    /// <summary>The years that have a data file, in order.</summary>
    public IReadOnlyList<int> YearsWithData => [.. _files.Keys.Order()];

    /// <summary>
    /// Reads <c>statutory.json</c> and every <c>&lt;year&gt;.json</c> of <paramref name="directory"/>
    /// (e.g. <c>forms/_calendar/kz</c>). Throws <see cref="DefinitionException"/> naming the file and the JSON path
    /// of the first broken entry.
    /// </summary>
    public static WorkingCalendar Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DefinitionException(directory, "$", "the calendar folder does not exist.");
        }

        var statutoryFile = Path.Combine(directory, StatutoryRules.FileName);
        if (!File.Exists(statutoryFile))
        {
            throw new DefinitionException(statutoryFile, "$", "the file is missing: it holds the rules for years without a data file.");
        }

        var rules = StatutoryRules.Read(statutoryFile);
        var files = new Dictionary<int, CalendarYear>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var match = YearFileName().Match(Path.GetFileName(file));
            if (match.Success)
            {
                var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                files[year] = CalendarYearFile.Read(file, year);
            }
        }

        return new WorkingCalendar(files, rules);
    }

    public bool IsWorkingDay(DateOnly day) => YearOf(day.Year).IsWorkingDay(day);

    /// <summary>True when a data file exists for <paramref name="year"/>; false when the year is computed from the statutory rules alone.</summary>
    public bool IsConfirmed(int year) => _files.ContainsKey(year);

    /// <summary>
    /// True when every day after <paramref name="after"/> up to and including <paramref name="through"/> lies in a
    /// year with a data file and none of them rests on an entry marked <c>"confirmed": false</c>.
    /// </summary>
    public bool IsConfirmed(DateOnly after, DateOnly through)
    {
        for (var year = after.AddDays(1).Year; year <= through.Year; year++)
        {
            if (!IsConfirmed(year))
            {
                return false;
            }
        }

        for (var day = after.AddDays(1); day <= through; day = day.AddDays(1))
        {
            if (YearOf(day.Year).IsUncertain(day))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The day on which <paramref name="days"/> working days have passed after <paramref name="start"/>; the start day
    /// itself is not counted (received Thursday 16 October 2025 + 5 working days = Thursday 23 October 2025).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    public DateOnly LastWorkingDayOfMonth(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        for (var day = first.AddMonths(1).AddDays(-1); day >= first; day = day.AddDays(-1))
        {
            if (IsWorkingDay(day))
            {
                return day;
            }
        }

        throw new InvalidOperationException($"{first:yyyy-MM} has no working day.");
    }

    /// <summary>The data of one year, from its file or from the statutory rules.</summary>
    public CalendarYear YearOf(int year) =>
        _files.TryGetValue(year, out var file) ? file : _computed.GetOrAdd(year, _rules.BuildYear);

    [GeneratedRegex(@"^(\d{4})\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex YearFileName();
}
