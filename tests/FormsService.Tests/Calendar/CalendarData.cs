using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Tests.Calendar;

/// <summary>The repository's calendar data, found by walking up from the test binaries to the folder holding <c>forms/_calendar/kz</c>.</summary>
internal static class CalendarData
{
    private static readonly Lazy<string> KzDirectoryValue = new(FindKzDirectory);
    private static readonly Lazy<WorkingCalendar> KzCalendarValue = new(() => WorkingCalendar.Load(KzDirectory));

    public static string KzDirectory => KzDirectoryValue.Value;

    private static readonly Lazy<WorkingCalendar> StatutoryOnlyValue = new(LoadStatutoryOnly);

    public static WorkingCalendar KzCalendar => KzCalendarValue.Value;

    /// <summary>A calendar loaded from <c>statutory.json</c> alone: every year follows the rules of law and is unconfirmed.</summary>
    public static WorkingCalendar StatutoryOnly => StatutoryOnlyValue.Value;

    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static WorkingCalendar LoadStatutoryOnly()
    {
        var directory = Directory.CreateTempSubdirectory("calendar-statutory-");
        try
        {
            File.Copy(Path.Combine(KzDirectory, "statutory.json"), Path.Combine(directory.FullName, "statutory.json"));
            return WorkingCalendar.Load(directory.FullName); // reads everything at once
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string FindKzDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "forms", "_calendar", "kz");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No folder containing forms/_calendar/kz above '{AppContext.BaseDirectory}'.");
    }
}
