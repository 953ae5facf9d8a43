using System.Text.Json;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Tests.Support;

namespace FormsService.Tests.Layout;

/// <summary>
/// A test-only form (tests/FormsService.Tests/Fixtures/forms): a landscape time sheet whose table has a column per
/// day of the month and a row per person, loaded by its own catalogue beside the shipped engine.
/// </summary>
public static class TimeSheetFixture
{
    public sealed record Sheet(string Month, List<DayItem> Days, List<Person> Persons, int TotalHours);
    public sealed record DayItem(int Day, bool DayOff);
    public sealed record Person(string Surname, string Name, string? Patronymic, string? Note, List<HoursItem> Days, int TotalHours);
    public sealed record HoursItem(int? Hours);

    /// <summary>Accepts any object: the fixture tests layout, not rules.</summary>
    private sealed class SheetModule : IFormModule
    {
        public string Name => "time-sheet-fixture";
        public Type PayloadRecord => typeof(Sheet);
        public IReadOnlySet<string> Paths { get; } = PayloadPaths.Of(typeof(Sheet));
        public FluentValidation.IValidatorDescriptor? Rules => null;
        public PageHints Hints => PageHints.None;
        public IReadOnlyList<FormsService.Core.Engine.Model.IFigureSource> Figures => [];
        public IArtwork? Artwork => null;
        public void Load(FormDefinition definition) { }
        public PayloadCheck Bind(JsonElement payload, FormDefinition definition) =>
            new(new Dictionary<string, Message[]>(), []) { View = payload.Clone() };
        public void Describe(System.Text.Json.Nodes.JsonObject schema) { }
    }

    public static string FormsDirectory => Path.Combine(Repo.Root, "tests", "FormsService.Tests", "Fixtures", "forms");

    private static readonly Lazy<FormsEngine> LazyEngine = new(() => FormsService.Core.Composition.LoadEngine(Repo.Forms, Repo.Fonts));
    private static readonly Lazy<FormCatalog> LazyCatalog = new(() => Load(FormsDirectory));

    /// <summary>The shipped engine (fonts, renderers); it renders any form version it is given.</summary>
    internal static FormsEngine Engine => LazyEngine.Value;

    internal static FormVersion Version => LazyCatalog.Value.Find("time-sheet-fixture")!.Versions[0];

    internal static FormCatalog Load(string directory) =>
        FormCatalog.Load(directory, new Dictionary<string, IFormModule> { ["time-sheet-fixture"] = new SheetModule() });

    /// <summary>A month of 30 days (weekends off) and <paramref name="persons"/> people, every few with a long note.</summary>
    public static JsonElement Payload(int persons, int longNoteEvery = 7)
    {
        var days = Enumerable.Range(1, 30).Select(d => new DayItem(d, d % 7 is 6 or 0)).ToList();
        var people = Enumerable.Range(1, persons).Select(i => new Person(
            $"Тегі{i:000}", "Аты", i % 3 == 0 ? null : "Әкесінің аты",
            i % longNoteEvery == 0 ? "ескертпе: жұмысқа кешігіп келді, себебі құжатпен расталды, түсініктеме алынды" : null,
            days.Select(d => new HoursItem(d.DayOff ? null : 4)).ToList(),
            days.Count(d => !d.DayOff) * 4)).ToList();
        var sheet = new Sheet("2025 жылғы қараша", days, people, people.Sum(p => p.TotalHours));
        return JsonSerializer.SerializeToElement(sheet, PayloadJson.Options);
    }
}
