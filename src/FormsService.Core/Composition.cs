using FormsService.Core.Engine;
using FormsService.Core.Engine.Modules;
using FormsService.Core.Forms;
using FormsService.Core.Forms.Order733.Calendar;

namespace FormsService.Core;

/// <summary>
/// The one place the engine and the forms meet: the engine loaded with the forms' modules (<see cref="FormModules"/>),
/// and what the order's forms share besides their documents (the deadline calculator). The engine itself imports
/// nothing from <c>Forms</c>: it is handed its modules as a list.
/// </summary>
internal sealed class Composition : IDisposable
{
    private Composition(FormsEngine engine, DeadlineCalculator deadlines)
    {
        Engine = engine;
        Deadlines = deadlines;
    }

    public FormsEngine Engine { get; }

    /// <summary>The deadlines of order No. 733 on Kazakhstan's working-day calendar.</summary>
    internal DeadlineCalculator Deadlines { get; }

    /// <summary>Loads and checks every font, definition and module; throws with the file and path of the first problem.</summary>
    public static Composition Load(string formsDirectory, string fontsDirectory) => Load(formsDirectory, fontsDirectory, []);

    /// <param name="extraModules">Modules besides the forms' list (test fixtures with forms of their own).</param>
    internal static Composition Load(string formsDirectory, string fontsDirectory, IReadOnlyList<Func<ModuleServices, IFormModule>> extraModules)
    {
        DeadlineCalculator? deadlines = null;
        var engine = FormsEngine.Load(formsDirectory, fontsDirectory, services =>
        {
            var library = FormModules.Create(services);
            deadlines = library.Deadlines;
            return [.. library.Modules, .. extraModules.Select(create => create(services))];
        });
        return new Composition(engine, deadlines!);
    }

    /// <summary>The engine alone, with the forms' modules (tools, benchmarks, tests of documents).</summary>
    public static FormsEngine LoadEngine(string formsDirectory, string fontsDirectory) => Load(formsDirectory, fontsDirectory).Engine;

    /// <inheritdoc cref="Load(string, string, IReadOnlyList{Func{ModuleServices, IFormModule}})"/>
    internal static FormsEngine LoadEngine(string formsDirectory, string fontsDirectory, IReadOnlyList<Func<ModuleServices, IFormModule>> extraModules) =>
        Load(formsDirectory, fontsDirectory, extraModules).Engine;

    public void Dispose() => Engine.Dispose();
}
