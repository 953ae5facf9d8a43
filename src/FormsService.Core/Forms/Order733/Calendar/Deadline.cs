namespace FormsService.Core.Forms.Order733.Calendar;

/// <summary>
/// One deadline set by order No. 733 (2025).
/// </summary>
/// <param name="Id">Stable identifier, e.g. <c>akimat-order</c>.</param>
/// <param name="Who">Who must act, in Kazakh.</param>
/// <param name="What">What must be done, in Kazakh.</param>
/// <param name="Due">The last day on which it may be done.</param>
/// <param name="Basis">The rule that sets it, in Kazakh.</param>
/// <param name="Confirmed">
/// False when the working days counted fall in a year without a calendar data file or on a day whose status is
/// marked unconfirmed in the data; a count of calendar days is always confirmed.
/// </param>
internal sealed record Deadline(string Id, string Who, string What, DateOnly Due, string Basis, bool Confirmed)
{
    /// <summary>What must be done, in English.</summary>
    public string WhatEn { get; init; } = "";
}
