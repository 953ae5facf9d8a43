using FormsService.Api.Operations;
using FormsService.Core.Engine;
using FormsService.Tests.Support;

namespace FormsService.Tests.Operations;

/// <summary>Stack traces in logs name sources as the repository does (/_/src/…), never by the build machine's folders.</summary>
public sealed class BuildPathTests
{
    [Fact]
    public void Stack_traces_carry_no_build_source_paths()
    {
        var missing = Path.Combine(Path.GetTempPath(), "formsservice-missing-" + Guid.NewGuid().ToString("N"));
        var traces = new[]
        {
            Assert.ThrowsAny<Exception>(() => FormsService.Core.Composition.LoadEngine(missing, Repo.Fonts)).ToString(),
            Assert.ThrowsAny<Exception>(() => new EngineDigest(missing, Repo.Fonts)).ToString(),
        };
        Assert.Contains("/_/src/FormsService.Core/", traces[0]);
        Assert.Contains("/_/src/FormsService.Api/", traces[1]);
        foreach (var trace in traces)
            Assert.DoesNotContain(Repo.Root, trace);
    }
}
