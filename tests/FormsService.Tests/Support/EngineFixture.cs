using FormsService.Core.Engine;

namespace FormsService.Tests.Support;

/// <summary>The engine with the repository's forms and fonts, loaded once for a test class.</summary>
public sealed class EngineFixture : IDisposable
{
    internal FormsEngine Engine { get; } = FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts);
    public void Dispose() => Engine.Dispose();
}
