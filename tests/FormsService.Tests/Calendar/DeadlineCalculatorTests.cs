using FormsService.Core.Forms.Order733.Calendar;
using static FormsService.Tests.Calendar.CalendarData;

namespace FormsService.Tests.Calendar;

public sealed class DeadlineCalculatorTests
{
    private readonly DeadlineCalculator _deadlines = new(KzCalendar);

    [Fact]
    public void Deadlines_from_a_verdict_received_on_Thursday_16_October_2025()
    {
        var deadlines = _deadlines.FromVerdictReceived(D("2025-10-16"));

        Assert.Equal(
            [
                ("akimat-order", D("2025-10-23")),
                ("akimat-notification", D("2025-10-23")),
                ("probation-summons", D("2025-10-26")), // 10 calendar days, even on a Sunday
                ("akimat-first-monthly-report", D("2025-10-31")),
            ],
            deadlines.Select(d => (d.Id, d.Due)));
        Assert.All(deadlines, d => Assert.True(d.Confirmed, d.Id));
        Assert.All(deadlines, d => Assert.False(string.IsNullOrWhiteSpace(d.Who + d.What + d.Basis + d.WhatEn)));
        Assert.Equal("Жергілікті атқарушы орган", deadlines[0].Who);
        Assert.Contains("2-тармағының", deadlines[0].Basis, StringComparison.Ordinal);
        Assert.Contains("12-тармағының", deadlines[2].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_across_a_weekend_and_a_moved_day_off()
    {
        // Friday 24 October 2025: weekend, then Monday 27 October (day off for Republic Day).
        var deadlines = _deadlines.FromVerdictReceived(D("2025-10-24")).ToDictionary(d => d.Id);

        Assert.Equal(D("2025-11-03"), deadlines["akimat-order"].Due);
        Assert.Equal(D("2025-11-03"), deadlines["probation-summons"].Due);
        Assert.Equal(D("2025-11-28"), deadlines["akimat-first-monthly-report"].Due); // the order's month: November
    }

    [Fact]
    public void A_deadline_across_Nauryz()
    {
        var order = _deadlines.FromVerdictReceived(D("2026-03-20")).Single(d => d.Id == "akimat-order");

        Assert.Equal(D("2026-04-01"), order.Due);
        Assert.True(order.Confirmed);
    }

    [Fact]
    public void A_computation_in_a_year_without_a_file_is_unconfirmed()
    {
        var deadlines = _deadlines.FromVerdictReceived(D("2039-12-28")).ToDictionary(d => d.Id);

        Assert.Equal(D("2040-01-06"), deadlines["akimat-order"].Due);
        Assert.False(deadlines["akimat-order"].Confirmed);
        Assert.False(deadlines["akimat-notification"].Confirmed);
        Assert.False(deadlines["akimat-first-monthly-report"].Confirmed);
        Assert.True(deadlines["probation-summons"].Confirmed); // calendar days need no calendar data

        // The same verdict as in the first test, on the rules alone: same dates, flagged.
        var statutory = new DeadlineCalculator(StatutoryOnly).FromVerdictReceived(D("2025-10-16"));
        Assert.Equal(_deadlines.FromVerdictReceived(D("2025-10-16")).Select(d => d.Due), statutory.Select(d => d.Due));
        Assert.All(statutory.Where(d => d.Id != "probation-summons"), d => Assert.False(d.Confirmed, d.Id));
    }

    [Fact]
    public void A_computation_over_an_unconfirmed_entry_is_unconfirmed()
    {
        // Kurban Ait 2026 (27 May) is a forecast marked "confirmed": false.
        var order = _deadlines.FromVerdictReceived(D("2026-05-25")).Single(d => d.Id == "akimat-order");

        Assert.Equal(D("2026-06-02"), order.Due); // 26, 28, 29 May, 1, 2 June
        Assert.False(order.Confirmed);
    }

    [Theory]
    [InlineData("2025-10-23", false)]
    [InlineData("2025-10-17", false)]
    [InlineData("2025-10-24", true)]
    public void The_order_is_late_after_five_working_days(string orderDate, bool late) =>
        Assert.Equal(late, _deadlines.IsLate(D("2025-10-16"), D(orderDate)));

    [Fact]
    public void Probation_deadlines_after_the_order_and_after_the_monthly_report()
    {
        var acquaintance = _deadlines.FromOrderReceived(D("2025-03-19"));
        var talk = _deadlines.FromMonthlyReportReceived(D("2025-12-31"));

        Assert.Equal(("probation-acquaintance", D("2025-03-31")), (acquaintance.Id, acquaintance.Due));
        Assert.Equal(("probation-preventive-talk", D("2026-01-12")), (talk.Id, talk.Due)); // 5, 6, 8, 9, 12 January 2026
        Assert.True(talk.Confirmed);
    }

    [Fact]
    public void Monthly_report_for_a_month()
    {
        var report = _deadlines.MonthlyReport(2025, 8);

        Assert.Equal(D("2025-08-29"), report.Due);
        Assert.True(report.Confirmed);
        Assert.False(_deadlines.MonthlyReport(2026, 8).Confirmed); // rests on the unconfirmed end of 30 August
        Assert.False(_deadlines.MonthlyReport(2040, 1).Confirmed);
    }

    [Fact]
    public void The_akimat_s_and_the_probation_service_s_days_of_receipt_count_apart()
    {
        var deadlines = _deadlines.For(new DeadlineDates
        {
            AkimatVerdictReceived = D("2025-10-24"),
            ProbationVerdictReceived = D("2025-10-16"),
        }).ToDictionary(d => d.Id, d => d.Due);

        Assert.Equal(D("2025-10-26"), deadlines["probation-summons"]);
        Assert.Equal(D("2025-11-03"), deadlines["akimat-order"]);
        Assert.Equal(D("2025-11-28"), deadlines["akimat-first-monthly-report"]);
        Assert.Empty(_deadlines.For(new DeadlineDates()));
    }
}
