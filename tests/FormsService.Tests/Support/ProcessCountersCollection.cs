namespace FormsService.Tests.Support;

/// <summary>
/// Tests that count a metric's exact value. OpenTelemetry subscribes to meters by name, so a test server in the same
/// process sees every other test server's "FormsService" meter too: a referral rendered by a parallel test shows in
/// this one's scrape. xunit runs this collection alone, after the parallel ones. (One service per process in
/// production, where the counts are the service's own.)
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCountersCollection
{
    public const string Name = "Counted process-wide";
}
