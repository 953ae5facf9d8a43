using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Payloads;
using Microsoft.AspNetCore.Mvc;

namespace FormsService.Api.Http;

/// <summary>
/// Which form version a request is about — <c>{formId}</c>, <c>version=</c> (exact) or <c>asOf=</c> (a date) —
/// bound by ASP.NET from the route and query (so OpenAPI describes them) and resolved once, by
/// <see cref="FormQueryFilter"/>, before the handler runs or the body is read.
/// </summary>
internal class FormQuery
{
    [FromRoute(Name = "formId")] public string FormId { get; set; } = "";

    /// <summary>An exact version; without it, the version in force today or on <c>asOf</c>.</summary>
    [FromQuery(Name = "version")] public string? Version { get; set; }

    /// <summary>The date (YYYY-MM-DD) whose version in force is wanted.</summary>
    [FromQuery(Name = "asOf")] public string? AsOf { get; set; }

    private FormVersion? _selected;

    /// <summary>Replaces the version chosen by one of its language variants (<see cref="DocumentQuery"/>).</summary>
    private protected void Reselect(FormVersion version) => _selected = version;

    /// <summary>The version chosen; set by the filter, so a handler never sees an unresolved query.</summary>
    public FormVersion Selected => _selected ?? throw new InvalidOperationException("The form query was not resolved: the endpoint lacks FormQueryFilter.");

    internal virtual IResult? Resolve(HttpContext context, FormsEngine engine, ServiceClock clock)
    {
        var (version, error) = Select(context, engine, clock, FormId, Version, AsOf);
        _selected = version;
        return error;
    }

    internal static (FormVersion? Version, IResult? Error) Select(HttpContext context, FormsEngine engine, ServiceClock clock, string formId, string? version, string? asOf)
    {
        if (!RenderRequest.TryParseAsOf(asOf, out _))
            return (null, Problems.InvalidParameter(context, "asOf", Say.Date));
        var (found, lookup) = Find(engine, clock, formId, version, asOf);
        return found is not null ? (found, null) : (null, Problems.NotFound(context, lookup));
    }

    /// <summary>The version asked for, or null with the lookup that says why not; <paramref name="asOf"/> is a valid date or none.</summary>
    internal static (FormVersion? Version, VersionLookup Lookup) Find(FormsEngine engine, ServiceClock clock, string formId, string? version, string? asOf)
    {
        RenderRequest.TryParseAsOf(asOf, out var asOfDate);
        var lookup = engine.Catalog.Select(formId, version, asOfDate, clock.Today);
        return (lookup is VersionLookup.Found found ? found.Version : null, lookup);
    }
}

/// <summary>
/// A form query for a document: with the document's language, <c>language=kk|ru</c> (Kazakh when not given), the
/// version's variant in that language selected.
/// </summary>
internal class DocumentQuery : FormQuery
{
    /// <summary>The document's language: <c>kk</c> (the default) or <c>ru</c>, where the version offers it.</summary>
    [FromQuery(Name = "language")] public string? Language { get; set; }

    internal override IResult? Resolve(HttpContext context, FormsEngine engine, ServiceClock clock)
    {
        if (base.Resolve(context, engine, clock) is { } error) return error;
        var (variant, problem) = DocumentLanguage.Select(Selected, Language);
        if (variant is null) return Problems.InvalidParameter(context, DocumentLanguage.Parameter, problem!);
        Reselect(variant);
        return null;
    }
}

/// <summary>A form query with the output format: <c>format=</c>, else the <c>Accept</c> header, else the form's first.</summary>
internal sealed class RenderQuery : DocumentQuery
{
    [FromQuery(Name = "format")] public string? Format { get; set; }

    /// <summary>`pdfa=2b` (or `conformance=pdfa-2b`): the PDF as PDF/A-2b, for archives.</summary>
    [FromQuery(Name = "pdfa")] public string? PdfA { get; set; }

    [FromQuery(Name = "conformance")] public string? Conformance { get; set; }

    private string? _resolved;

    /// <summary>True when the PDF is asked for as PDF/A-2b.</summary>
    public bool Archival { get; private set; }

    public string SelectedFormat => _resolved ?? throw new InvalidOperationException("The render query was not resolved.");

    /// <summary>What the pipeline makes: the format chosen, as PDF/A-2b when asked.</summary>
    public Output Output => Output.Of(SelectedFormat, Archival);

    internal override IResult? Resolve(HttpContext context, FormsEngine engine, ServiceClock clock)
    {
        if (base.Resolve(context, engine, clock) is { } error) return error;
        var (format, formatError) = RenderRequest.ResolveFormat(context.Request, Format, Selected.Definition);
        _resolved = format;
        if (formatError is not null) return formatError;
        var (archival, archivalError) = Http.PdfA.Parse(context, PdfA, Conformance, format!);
        Archival = archival;
        return archivalError;
    }
}

/// <summary>Resolves the endpoint's <see cref="FormQuery"/> once, answering 404 or 422 before the handler runs.</summary>
internal sealed class FormQueryFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        foreach (var argument in context.Arguments)
        {
            if (argument is FormQuery query
                && query.Resolve(context.HttpContext, services.GetRequiredService<FormsEngine>(), services.GetRequiredService<ServiceClock>()) is { } problem)
                return ValueTask.FromResult<object?>(problem);
        }
        return next(context);
    }
}
