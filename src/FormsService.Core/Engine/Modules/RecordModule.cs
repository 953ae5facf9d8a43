using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Engine.Modules;

/// <summary>
/// A form whose payload is a record checked by a FluentValidation validator (every form but artwork): bound once,
/// its view computed from the valid record by the form's code.
/// </summary>
/// <typeparam name="TView">What the templates read: the record itself, or a record holding it and computed values.</typeparam>
internal sealed class RecordModule<TPayload, TView> : IFormModule where TPayload : class where TView : class
{
    private readonly PayloadType<TPayload> _payload;
    private readonly Func<TPayload, string, TView> _view;
    private readonly Action<JsonObject> _describe;
    private readonly Func<BlankOptions, string, object>? _blank;

    /// <param name="blank">What the form's blank knows beforehand, for a month (or none): a form that has it takes a month.</param>
    public RecordModule(string name, PayloadType<TPayload> payload, Func<TPayload, TView> view,
        PageHints? hints = null, Action<JsonObject>? describe = null, IReadOnlyList<IFigureSource>? figures = null,
        Func<BlankOptions, object>? blank = null)
        : this(name, payload, (record, _) => view(record), hints, describe, figures, blank is null ? null : (options, _) => blank(options))
    {
    }

    /// <param name="view">The view of a valid record for a document in a language (its definition's <c>language</c>): the texts the code computes are worded in it.</param>
    /// <param name="blank">What the form's blank knows beforehand, for a month (or none), in a language: a form that has it takes a month.</param>
    public RecordModule(string name, PayloadType<TPayload> payload, Func<TPayload, string, TView> view,
        PageHints? hints = null, Action<JsonObject>? describe = null, IReadOnlyList<IFigureSource>? figures = null,
        Func<BlankOptions, string, object>? blank = null)
    {
        Name = name;
        _payload = payload;
        _view = view;
        _blank = blank;
        _describe = describe ?? (_ => { });
        Hints = hints ?? PageHints.None;
        Figures = figures ?? [];
        Paths = PayloadPaths.Of(typeof(TView));
        // A view the builder cannot read in place fails here, at start-up, not in a render.
        ViewShape.Prepare(typeof(TView));
        var own = PayloadPaths.Of(typeof(TPayload));
        BoundPaths = own.Where(p => Paths.Contains(p) && !p.Contains('[', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
    }

    public string Name { get; }
    public Type PayloadRecord => typeof(TPayload);
    public IReadOnlySet<string> Paths { get; }
    public IReadOnlySet<string> BoundPaths { get; }

    public byte[]? CarriedPayload(PayloadCheck check) =>
        check.Record is TPayload record ? JsonSerializer.SerializeToUtf8Bytes(record, Payloads.PayloadJson.Options) : null;
    public IValidatorDescriptor Rules => _payload.Descriptor;
    public IReadOnlyList<string> RulesBeyondSchema => _payload.RulesBeyondSchema;
    public PageHints Hints { get; }
    public IReadOnlyList<IFigureSource> Figures { get; }
    public IArtwork? Artwork => null;

    public void Load(FormDefinition definition) { }

    public PayloadCheck Bind(JsonElement payload, FormDefinition definition)
    {
        var check = _payload.Bind(payload, out var record);
        return record is null ? check : check with { View = _view(record, definition.Language), Record = record };
    }

    public void Describe(JsonObject schema) => _describe(schema);

    public bool BlankTakesMonth => _blank is not null;

    public object? BlankView(FormDefinition definition, BlankOptions options) => _blank?.Invoke(options, definition.Language);
}

/// <summary>Shorthands for the usual case: the view is the record itself.</summary>
internal static class RecordModule
{
    public static RecordModule<T, T> Of<T>(string name, IValidator<T> validator, TextGuard guard,
        Func<T, IEnumerable<PayloadWarning>>? warnings = null, PageHints? hints = null) where T : class =>
        new(name, new PayloadType<T>(validator, guard, warnings), record => record, hints);
}
