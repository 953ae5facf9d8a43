using FormsService.Tests.AkimatReports;
using FormsService.Tests.Support;
using static FormsService.Tests.AkimatReports.FormCheck;

namespace FormsService.Tests.VerdictReceiptNotice;

/// <summary>The notice's rules on both sides of each limit; rule 2's five working days as a warning.</summary>
public sealed class VerdictReceiptNoticeRuleTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Form = "verdict-receipt-notice";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_example_is_valid_without_warnings()
    {
        var answer = await _client.Validate(Form, Example(Form));
        answer.AssertValid();
        Assert.Empty(answer.Warnings);
    }

    [Fact]
    public async Task The_verdict_is_received_on_or_after_its_date()
    {
        (await _client.Validate(Form, p => p["verdict"]!["receivedDate"] = "2025-10-14")).AssertValid();
        (await _client.Validate(Form, p => p["verdict"]!["receivedDate"] = "2025-10-13")).AssertErrorAt("verdict.receivedDate");
    }

    [Fact]
    public async Task Neither_the_notice_nor_the_order_is_dated_before_receipt()
    {
        (await _client.Validate(Form, p => { p["outgoing"]!["date"] = "2025-10-16"; p["workOrder"]!["date"] = "2025-10-16"; })).AssertValid();
        (await _client.Validate(Form, p => p["outgoing"]!["date"] = "2025-10-15")).AssertErrorAt("outgoing.date");
        (await _client.Validate(Form, p => p["workOrder"]!["date"] = "2025-10-15")).AssertErrorAt("workOrder.date");
    }

    [Fact]
    public async Task An_order_later_than_five_working_days_after_receipt_is_a_warning()
    {
        // Received Thursday 16 October 2025: five working days end on Thursday 23 October.
        var onTime = await _client.Validate(Form, p => { p["workOrder"]!["date"] = "2025-10-23"; p["outgoing"]!["date"] = "2025-10-23"; });
        onTime.AssertValid();
        Assert.Empty(onTime.Warnings);
        var late = await _client.Validate(Form, p => { p["workOrder"]!["date"] = "2025-10-24"; p["outgoing"]!["date"] = "2025-10-24"; });
        late.AssertValid();
        late.AssertWarning("late-order", "workOrder.date");
        late.AssertWarning("late-notice", "outgoing.date");
    }

    [Fact]
    public async Task Required_parts_are_refused_at_their_paths()
    {
        (await _client.Validate(Form, p => p.Remove("workOrder"))).AssertErrorAt("workOrder");
        (await _client.Validate(Form, p => p["workOrder"]!.AsObject().Remove("number"))).AssertErrorAt("workOrder.number");
        (await _client.Validate(Form, p => p["convict"]!.AsObject().Remove("residence"))).AssertErrorAt("convict.residence");
        (await _client.Validate(Form, p => p["verdict"]!["hours"] = 1201)).AssertErrorAt("verdict.hours");
        (await _client.Validate(Form, p => p["signatory"]!["fullName"] = " ")).AssertErrorAt("signatory.fullName");
        (await _client.Validate(Form, p => p.Remove("probationOffice"))).AssertErrorAt("probationOffice");
    }
}
