namespace FormsService.Core.Forms.WorkOrder;

/// <summary>
/// The limits rule 2.2 of the community-service rules sets on working time: no more than 4 hours a day; for a
/// person who has no permanent job and does not study, up to 8 hours a day but no more than 40 hours a week.
/// The rule limits hours, not days: 4 hours on each of 7 days (28 hours) is lawful.
/// </summary>
internal static class WorkTimeRules
{
    public const int HoursPerDay = 4;
    public const int HoursPerDayWithoutJobOrStudy = 8;
    public const int HoursPerWeek = 40;
    public const int DaysInWeek = 7;

    public static int MaxHoursPerDay(bool hasPermanentJob, bool isStudent) =>
        !hasPermanentJob && !isStudent ? HoursPerDayWithoutJobOrStudy : HoursPerDay;
}
