using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Engine.Modules;

/// <summary>
/// What one form's code gives the engine: its payload (record, binding, rules, warnings), the view its templates
/// read (the bound record plus values computed from it), its figures, what its schema says beyond the record, and
/// hints for the pages. A definition names its module by <see cref="Name"/> in <c>payloadType</c>.
/// </summary>
internal interface IFormModule
{
    string Name { get; }

    /// <summary>The payload's record: the published JSON Schema is generated from it.</summary>
    Type PayloadRecord { get; }

    /// <summary>Every path a definition may bind: the view's (payload fields and derived values).</summary>
    IReadOnlySet<string> Paths { get; }

    /// <summary>
    /// The payload paths whose values a Word document holds in content controls, to be filled or changed there and
    /// read back: the view's paths that are the payload's own, outside arrays (a view may reshape an array's items).
    /// </summary>
    IReadOnlySet<string> BoundPaths => NoPaths;

    /// <summary>The payload as bound, serialized (a Word document carries it to be read back); null when invalid.</summary>
    byte[]? CarriedPayload(PayloadCheck check) => null;

    private static readonly IReadOnlySet<string> NoPaths = new HashSet<string>();

    /// <summary>The rules the schema publishes (required fields, bounds, maximum lengths), when a validator has them.</summary>
    IValidatorDescriptor? Rules { get; }

    /// <summary>The rules the validator keeps that JSON Schema cannot state (they compare fields): the schema's description lists them.</summary>
    IReadOnlyList<string> RulesBeyondSchema => [];

    PageHints Hints { get; }

    /// <summary>The figures a definition of this form may place, by id.</summary>
    IReadOnlyList<IFigureSource> Figures { get; }

    /// <summary>The artwork that renders on its own (an image for an &lt;img src&gt;), or null.</summary>
    IArtwork? Artwork { get; }

    /// <summary>Reads and checks the version's own data files, at start-up (throws <see cref="DefinitionException"/>).</summary>
    void Load(FormDefinition definition);

    /// <summary>
    /// Binds the payload to its record once, checks it, and when it is valid computes the view the templates read
    /// (<see cref="PayloadCheck.View"/>), once.
    /// </summary>
    PayloadCheck Bind(JsonElement payload, FormDefinition definition);

    /// <summary>True when the form's blank can be printed for a month (<see cref="BlankOptions.Month"/>).</summary>
    bool BlankTakesMonth => false;

    /// <summary>
    /// What the form printed blank knows beforehand, as a view its templates read (a time sheet's days of the
    /// month), or null: nothing.
    /// </summary>
    object? BlankView(FormDefinition definition, BlankOptions options) => null;

    /// <summary>Adds what the validator cannot say (the vest's ranges) and annotations for pages to the schema.</summary>
    void Describe(JsonObject schema);

    /// <summary>As <see cref="Describe(JsonObject)"/>, for a module whose limits come from the version's own data files.</summary>
    void Describe(JsonObject schema, FormDefinition definition) => Describe(schema);
}

/// <summary>What a blank form is printed for.</summary>
/// <param name="Month">The first day of the month a monthly form's blank is for (its days, its days off), or none.</param>
internal sealed record BlankOptions(DateOnly? Month = null)
{
    public static readonly BlankOptions None = new();
}

/// <summary>What a page needs to know about a form that its schema does not say.</summary>
/// <param name="DeadlinesFrom">The payload path of the date the order's deadlines run from (the page shows them under it), or null.</param>
internal sealed record PageHints(string? DeadlinesFrom = null)
{
    public static readonly PageHints None = new();
}

/// <summary>Artwork that renders on its own, without a page (the vest's picture for designers).</summary>
internal interface IArtwork
{
    /// <summary>Query-string parameters (GET previews) as a typed JSON payload for <see cref="IFormModule.Bind"/>.</summary>
    JsonElement FromQuery(IEnumerable<KeyValuePair<string, string?>> query);

    /// <summary>The artwork for a bound view (<see cref="PayloadCheck.View"/>), as png, svg or pdf; stops at its next stage once cancelled.</summary>
    byte[] Render(FormDefinition definition, object view, string format, CancellationToken cancellationToken = default);
}
