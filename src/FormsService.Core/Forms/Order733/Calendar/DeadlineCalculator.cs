namespace FormsService.Core.Forms.Order733.Calendar;

/// <summary>
/// The deadlines of order No. 733 (2025) ("Deadlines the order sets" in FORMS-SOURCE.md), computed on a
/// <see cref="WorkingCalendar"/>. The day of receipt is never counted. No clock: callers pass the dates.
/// </summary>
internal sealed class DeadlineCalculator(WorkingCalendar calendar)
{
    public const int OrderWorkingDays = 5;
    public const int SummonsCalendarDays = 10;
    public const int ProbationWorkingDays = 5;

    private const string Akimat = "Жергілікті атқарушы орган";
    private const string Probation = "Пробация қызметі";
    /// <summary>The rules' official titles, in the genitive a citation of their paragraphs needs.</summary>
    private const string CommunityServiceRules = "Жазалаудың осы түріне сотталған адамдардың қоғамдық жұмыстарды орындауын ұйымдастыру қағидаларының";
    private const string ProbationRules = "Пробация қызметінің жұмысын ұйымдастыру қағидаларының";

    /// <summary>Said of the first monthly report in every language: its date is the service's inference, not the rule's.</summary>
    private const string InferredFirstReport = "Пробация қызметіне жұмыс істелген уақытты есепке алу табелін, орындалған жұмыстар актісін және мінез-құлқы туралы ақпаратты алғаш рет жіберу (қызметтің болжамы: жұмыс өкім шығарылуы тиіс айда басталады деп алынды; жұмыс басталған күн белгілі болса, сол айдың мерзімін қараңыз)";

    /// <summary>
    /// Every deadline that follows from the day the court's verdict (or ruling) was received, when the akimat and the
    /// probation service received it on the same day: see <see cref="For"/>.
    /// </summary>
    public IReadOnlyList<Deadline> FromVerdictReceived(DateOnly received) =>
        For(new DeadlineDates { AkimatVerdictReceived = received, ProbationVerdictReceived = received });

    /// <summary>
    /// The deadlines that follow from the dates given, by due date and, on the same day, in the order of the table:
    /// from the probation service's receipt of the verdict, its summons (rule 12 1), 10 calendar days); from its
    /// receipt of the akimat's notice and order, the acquaintance (12 3), 5 working days); from its receipt of the time
    /// sheet, act and conduct report, the preventive talk (12 5), 5 working days); from the akimat's receipt of the
    /// verdict, its order and notice (2 2) and 3), 5 working days) and its first monthly report (2-1 2) — see
    /// <see cref="FirstMonthlyReport"/>); for a month, its monthly report (2-1 2), the last working day).
    /// </summary>
    public IReadOnlyList<Deadline> For(DeadlineDates given)
    {
        var inTableOrder = new List<Deadline>();
        if (given.ProbationVerdictReceived is { } probation)
            inTableOrder.Add(new("probation-summons", Probation, "Қоғамдық жұмыстарға сотталған адамды шақыру",
                probation.AddDays(SummonsCalendarDays), $"{ProbationRules} 12-тармағының 1) тармақшасы", Confirmed: true)
            {
                WhatEn = "Summon the person sentenced to community service (10 calendar days)",
            });
        if (given.OrderReceived is { } order)
            inTableOrder.Add(FromOrderReceived(order));
        if (given.TimeSheetReceived is { } sheet)
            inTableOrder.Add(FromMonthlyReportReceived(sheet));
        if (given.AkimatVerdictReceived is { } received)
        {
            var orderDue = OrderDue(received);
            var orderConfirmed = calendar.IsConfirmed(received, orderDue);
            inTableOrder.Add(new("akimat-order", Akimat, "Қоғамдық жұмыстарды орындауды ұйымдастыру туралы өкім шығару",
                orderDue, $"{CommunityServiceRules} 2-тармағының 2) тармақшасы", orderConfirmed)
            {
                WhatEn = "Issue the order organising the community service (5 working days)",
            });
            inTableOrder.Add(new("akimat-notification", Akimat, "Пробация қызметіне сот үкімін (қаулысын) алғаны туралы хабарламаны және өкімді жіберу",
                orderDue, $"{CommunityServiceRules} 2-тармағының 3) тармақшасы", orderConfirmed)
            {
                WhatEn = "Send the probation service the notice that the court's verdict (ruling) was received, with the order (5 working days)",
            });
            inTableOrder.Add(FirstMonthlyReport(received));
        }
        if (given.Month is { } month)
            inTableOrder.Add(MonthlyReport(month.Year, month.Month));

        return [.. inTableOrder.Select((deadline, rank) => (deadline, rank)).OrderBy(x => x.deadline.Due).ThenBy(x => x.rank).Select(x => x.deadline)];
    }

    /// <summary>The last day for the akimat's order (Form 3): five working days after the verdict was received.</summary>
    public DateOnly OrderDue(DateOnly received) => calendar.AddWorkingDays(received, OrderWorkingDays);

    /// <summary>
    /// True when the akimat's order is dated after its deadline (the work order's late warning). An order dated on or
    /// before the day of receipt is not "late"; whether such a date makes sense is for the payload's validation.
    /// </summary>
    public bool IsLate(DateOnly received, DateOnly orderDate) => orderDate > OrderDue(received);

    /// <summary>
    /// The first monthly time sheet, act of work done and conduct report (rule 2-1, 2): due on the last working day of
    /// the month the work starts in. From the verdict alone the start is not known; the work cannot start before the
    /// order, which is due five working days after receipt, so the month of that deadline is taken. When the day the
    /// work actually started is known, use <see cref="MonthlyReport"/> for its month instead.
    /// </summary>
    public Deadline FirstMonthlyReport(DateOnly received)
    {
        var orderDue = OrderDue(received);
        var report = MonthlyReport(orderDue.Year, orderDue.Month);
        return report with
        {
            Id = "akimat-first-monthly-report",
            What = InferredFirstReport,
            WhatEn = "Send the probation service the first time sheet, act of work done and conduct report (last working day of the month) (the service's inference: the work is taken to start in the month the order is due; once the day the work started is known, see that month's deadline)",
            Confirmed = report.Confirmed && calendar.IsConfirmed(received, orderDue),
        };
    }

    /// <summary>The akimat's time sheet, act of work done and conduct report for a month: its last working day.</summary>
    public Deadline MonthlyReport(int year, int month)
    {
        var due = calendar.LastWorkingDayOfMonth(year, month);
        var first = new DateOnly(year, month, 1);
        var wholeMonthConfirmed = calendar.IsConfirmed(first.AddDays(-1), first.AddMonths(1).AddDays(-1));
        return new Deadline(
            "akimat-monthly-report", Akimat,
            "Пробация қызметіне жұмыс істелген уақытты есепке алу табелін, орындалған жұмыстар актісін және мінез-құлқы туралы ақпаратты жіберу",
            due, $"{CommunityServiceRules} 2-1-тармағының 2) тармақшасы", wholeMonthConfirmed)
        {
            WhatEn = "Send the probation service the time sheet, the act of work done and the conduct report (last working day of the month)",
        };
    }

    /// <summary>The probation service has the person sign that they have read the verdict notice and the akimat's order.</summary>
    public Deadline FromOrderReceived(DateOnly received)
    {
        var due = calendar.AddWorkingDays(received, ProbationWorkingDays);
        return new Deadline(
            "probation-acquaintance", Probation,
            "Сотталған адамды сот үкімін (қаулысын) алғаны туралы хабарламамен және әкімдіктің өкімімен қолын қойғызып таныстыру",
            due, $"{ProbationRules} 12-тармағының 3) тармақшасы", calendar.IsConfirmed(received, due))
        {
            WhatEn = "Have the person sign that they have read the notice and the akimat's order (5 working days)",
        };
    }

    /// <summary>The probation service's preventive talk after receiving the akimat's monthly time sheet, act and conduct report.</summary>
    public Deadline FromMonthlyReportReceived(DateOnly received)
    {
        var due = calendar.AddWorkingDays(received, ProbationWorkingDays);
        return new Deadline(
            "probation-preventive-talk", Probation, "Сотталған адаммен профилактикалық әңгімелесу жүргізу",
            due, $"{ProbationRules} 12-тармағының 5) тармақшасы", calendar.IsConfirmed(received, due))
        {
            WhatEn = "Hold a preventive talk with the person (5 working days)",
        };
    }
}

/// <summary>The days the deadlines count from; any may be absent. <see cref="Month"/>'s day is ignored.</summary>
internal sealed record DeadlineDates
{
    /// <summary>The day the akimat received the verdict (rule 2 of the community-service rules).</summary>
    public DateOnly? AkimatVerdictReceived { get; init; }
    /// <summary>The day the probation service received the verdict (rule 12 1) of the probation-service rules).</summary>
    public DateOnly? ProbationVerdictReceived { get; init; }
    /// <summary>The day the probation service received the akimat's notice and order (rule 12 3)).</summary>
    public DateOnly? OrderReceived { get; init; }
    /// <summary>The day the probation service received the time sheet, act and conduct report (rule 12 5)).</summary>
    public DateOnly? TimeSheetReceived { get; init; }
    /// <summary>A month whose report is due on its last working day (rule 2-1 2)).</summary>
    public DateOnly? Month { get; init; }
}
