using FormsService.Core.Engine.Payloads;
using System.Globalization;
using FormsService.Core.Forms.WorkOrder;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>One entry of worked time: a day, its hours, and the JSON path of its hours in the payload.</summary>
internal readonly record struct WorkedEntry(DateOnly Date, int Hours, string Path);

/// <summary>A breach of the working-time limits, at the path of the entry that crossed the limit.</summary>
internal readonly record struct HoursBreach(string Path, Message Message);

/// <summary>
/// Rule 2 2) of the community-service rules applied to the hours actually worked: no more than 4 hours a day, up to
/// 8 for a person with no permanent job who does not study, and never more than 40 hours in a calendar week
/// (Monday to Sunday). The time sheet and the act of work done check the same limits with this one class.
/// </summary>
internal static class WorkedHours
{
    public static Message DailyMessage(int max, int hours) => max == WorkTimeRules.HoursPerDay
        ? Engine.Payloads.Say.Of("hours-per-day-4", ("hours", hours))
        : Engine.Payloads.Say.Of("hours-per-day-8", ("hours", hours));

    /// <summary>
    /// The breaches of the daily and weekly limits, each at the entry (in date order, then the order given) whose hours
    /// carry the day or the week over its limit. A week is counted whole: entries of the previous month's days of a
    /// week split between two months count towards it, so the breach lands on this month's day that crosses 40 hours.
    /// </summary>
    public static IEnumerable<HoursBreach> Breaches(IEnumerable<WorkedEntry> entries, int maxPerDay)
    {
        var byDay = new Dictionary<DateOnly, int>();
        var byWeek = new Dictionary<DateOnly, int>();
        foreach (var e in entries.OrderBy(e => e.Date))
        {
            var day = byDay[e.Date] = byDay.GetValueOrDefault(e.Date) + e.Hours;
            if (day > maxPerDay && day - e.Hours <= maxPerDay)
                yield return new HoursBreach(e.Path, DailyMessage(maxPerDay, day));

            var monday = Monday(e.Date);
            var week = byWeek[monday] = byWeek.GetValueOrDefault(monday) + e.Hours;
            if (week > WorkTimeRules.HoursPerWeek && week - e.Hours <= WorkTimeRules.HoursPerWeek)
                yield return new HoursBreach(e.Path,
                    Engine.Payloads.Say.Of("hours-per-week", ("hours", week), ("from", Iso(monday)), ("to", Iso(monday.AddDays(6)))));
        }
    }

    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
