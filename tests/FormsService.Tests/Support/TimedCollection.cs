namespace FormsService.Tests.Support;

/// <summary>
/// Tests that hold a real server to a wall-clock bound (health within a second during a flood, Kestrel's minimum body
/// rate, no render left running half a second after a storm). xunit runs this collection alone, after the parallel
/// ones, so another test's CPU cannot break the bound they assert; on a loaded machine each had failed now and then.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedCollection
{
    public const string Name = "Timed against the clock";
}
