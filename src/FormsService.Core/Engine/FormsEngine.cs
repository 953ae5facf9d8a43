using System.Runtime.CompilerServices;
using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine;

/// <summary>Output formats and their media types.</summary>
internal static class OutputFormats
{
    public const string Pdf = "pdf", Docx = "docx", Png = "png", Svg = "svg";

    public static readonly IReadOnlyDictionary<string, string> MediaTypes = new Dictionary<string, string>
    {
        [Pdf] = "application/pdf",
        [Docx] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [Png] = "image/png",
        [Svg] = "image/svg+xml",
    };
}

/// <summary>
/// Everything loaded once at start-up — fonts, the forms' modules, the catalogue — and the one path from a form
/// version and a checked payload to the bytes of a document.
/// </summary>
internal sealed class FormsEngine : IDisposable
{
    private readonly DocumentBuilder _builder;
    private readonly LayoutEngine _layout;
    private readonly PdfRenderer _pdf;
    private readonly DocxRenderer _docx;
    private readonly PageImageRenderer _images;

    private FormsEngine(FontLibrary fonts, FormCatalog catalog, DataSchemas schemas, DocumentBuilder builder, LayoutEngine layout, PdfRenderer pdf,
        MessageTable messages)
    {
        Messages = messages;
        Schemas = schemas;
        Fonts = fonts;
        Catalog = catalog;
        _builder = builder;
        _layout = layout;
        _pdf = pdf;
        _docx = new DocxRenderer();
        _images = new PageImageRenderer(fonts);
    }

    public FontLibrary Fonts { get; }

    /// <summary>The problem messages in Kazakh, Russian and English (<c>forms/_messages/</c>).</summary>
    public MessageTable Messages { get; }
    public FormCatalog Catalog { get; }

    /// <summary>The JSON Schemas of the data files under <c>forms/</c>, as the service publishes them.</summary>
    public DataSchemas Schemas { get; }

    /// <summary>
    /// Loads and checks every font and definition; throws with the file and path of the first problem. The engine
    /// knows no form: <paramref name="modules"/> gives the modules a definition's <c>payloadType</c> may name, made
    /// with the services the engine offers them (the composition outside the engine decides which).
    /// </summary>
    internal static FormsEngine Load(string formsDirectory, string fontsDirectory, Func<ModuleServices, IReadOnlyList<IFormModule>> modules)
    {
        var fonts = FontLibrary.Load(fontsDirectory);
        try
        {
            var guard = new TextGuard(cp => fonts.CanDraw(FontFamilyKind.Serif, cp) && fonts.CanDraw(FontFamilyKind.Sans, cp));
            var layout = new LayoutEngine(fonts);
            var pdf = new PdfRenderer(fonts, new FontSubsetCache());
            var locales = Locale.DateLocales.Load(Path.Combine(formsDirectory, "_locale"));
            var services = new ModuleServices(formsDirectory, fonts, guard, new FigureDocuments(layout, pdf), locales);
            var loaded = modules(services);
            var catalog = FormCatalog.Load(formsDirectory, ByName(loaded));
            locales.CheckCovers(catalog);
            var messages = MessageTable.Load(formsDirectory);
            var builder = new DocumentBuilder(FiguresById(loaded), locales);
            return new FormsEngine(fonts, catalog, DataSchemas.Load(formsDirectory), builder, layout, pdf, messages);
        }
        catch
        {
            fonts.Dispose();
            throw;
        }
    }

    private static Dictionary<string, IFormModule> ByName(IEnumerable<IFormModule> modules)
    {
        var byName = new Dictionary<string, IFormModule>(StringComparer.Ordinal);
        foreach (var module in modules)
            if (!byName.TryAdd(module.Name, module))
                throw new InvalidOperationException($"Two form modules are named '{module.Name}'.");
        return byName;
    }

    private static Dictionary<string, IFigureSource> FiguresById(IEnumerable<IFormModule> modules)
    {
        var byId = new Dictionary<string, IFigureSource>(StringComparer.Ordinal);
        foreach (var figure in modules.SelectMany(m => m.Figures))
            if (!byId.TryAdd(figure.Id, figure))
                throw new InvalidOperationException($"Two form modules have a figure '{figure.Id}'.");
        return byId;
    }

    /// <summary>
    /// Binds and checks a payload once; a valid check carries the view its documents are made from. Its messages are
    /// values, worded by the response that carries them.
    /// </summary>
    public PayloadCheck Check(FormVersion version, JsonElement payload) => version.Module.Bind(payload, version.Definition);

    /// <summary>The document model and its layout; a null check gives the form blank.</summary>
    [OverloadResolutionPriority(1)] // a literal null (blank) takes this overload
    public LaidOutDocument Lay(FormVersion version, PayloadCheck? filled, CancellationToken cancellationToken = default) =>
        Lay(version, filled, OutputFormats.Pdf, cancellationToken);

    /// <summary>The layout that writing <paramref name="format"/> needs: a DOCX's has nothing to draw (<see cref="LaidOutDocument.Drawable"/>).</summary>
    internal LaidOutDocument Lay(FormVersion version, PayloadCheck? filled, string format, CancellationToken cancellationToken) =>
        filled is null
            ? LayBlank(version, BlankOptions.None, format, cancellationToken)
            : _layout.Layout(_builder.Build(version, ViewOf(filled)), cancellationToken, drawn: format != OutputFormats.Docx);

    /// <summary>The form blank, to be filled by hand, for what <paramref name="options"/> say (a month).</summary>
    public LaidOutDocument LayBlank(FormVersion version, BlankOptions options, CancellationToken cancellationToken = default) =>
        LayBlank(version, options, OutputFormats.Pdf, cancellationToken);

    /// <inheritdoc cref="LayBlank(FormVersion, BlankOptions, CancellationToken)"/>
    internal LaidOutDocument LayBlank(FormVersion version, BlankOptions options, string format, CancellationToken cancellationToken)
    {
        if (options.Month is not null && !version.Module.BlankTakesMonth)
            throw new ArgumentException($"The blank of {version.FormId} takes no month.", nameof(options));
        return _layout.Layout(_builder.Build(version, version.Module.BlankView(version.Definition, options), blank: true), cancellationToken,
            drawn: format != OutputFormats.Docx);
    }

    /// <summary>Renders the form blank (PDF, DOCX or a PNG of its first page) for what <paramref name="options"/> say.</summary>
    public byte[] RenderBlank(FormVersion version, BlankOptions options, string format, CancellationToken cancellationToken = default)
    {
        if (version.Module.Artwork is not null || options == BlankOptions.None)
            return Render(version, (PayloadCheck?)null, format, cancellationToken);
        var laid = LayBlank(version, options, format, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Write(laid, format, null, cancellationToken);
    }

    /// <summary>Renders a version filled from a valid <see cref="Check"/> (or blank, when null).</summary>
    [OverloadResolutionPriority(1)] // a literal null (blank) takes this overload
    public byte[] Render(FormVersion version, PayloadCheck? filled, string format, CancellationToken cancellationToken = default)
    {
        if (DrawsArtwork(version, format))
            return ArtworkOf(version).Render(version.Definition, ViewOf(filled) ?? Blank(version), format, cancellationToken);
        var laid = Lay(version, filled, format, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Write(laid, format, filled is null ? null : version.Module.CarriedPayload(filled), cancellationToken);
    }

    /// <summary>A laid-out document written as <paramref name="format"/>; a filled one's Word document carries its payload.</summary>
    internal byte[] Write(FormVersion version, LaidOutDocument laid, PayloadCheck? filled, string format, CancellationToken cancellationToken) =>
        Write(laid, format, filled is null ? null : version.Module.CarriedPayload(filled), cancellationToken);

    /// <summary>The first page of a laid-out document as a PNG at <paramref name="dpi"/>.</summary>
    internal byte[] FirstPagePng(LaidOutDocument laid, int dpi, CancellationToken cancellationToken) => _images.RenderPng(laid, 0, dpi, cancellationToken);

    /// <summary>The artwork of a form that has one, drawn on its own as PNG or SVG (a page format otherwise).</summary>
    internal static bool DrawsArtwork(FormVersion version, string format) =>
        version.Module.Artwork is not null && format is OutputFormats.Png or OutputFormats.Svg;

    /// <param name="carried">The payload a Word document carries to be read back (null for a blank).</param>
    private byte[] Write(LaidOutDocument laid, string format, byte[]? carried, CancellationToken cancellationToken) =>
        format switch
        {
            OutputFormats.Pdf => _pdf.Render(laid, cancellationToken),
            OutputFormats.Docx => _docx.Render(laid, carried),
            OutputFormats.Png => _images.RenderPng(laid, 0, 96, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unsupported format."),
        };

    /// <summary>Checks and renders in one call (tools and benchmarks); an invalid payload throws.</summary>
    public byte[] Render(FormVersion version, JsonElement? payload, string format, CancellationToken cancellationToken = default) =>
        Render(version, Filled(version, payload), format, cancellationToken);

    /// <inheritdoc cref="Lay(FormVersion, PayloadCheck?, CancellationToken)"/>
    public LaidOutDocument Lay(FormVersion version, JsonElement? payload) => Lay(version, Filled(version, payload));

    /// <summary>
    /// The payload of a Word document this service made for <paramref name="form"/>, as a clerk filled or changed it:
    /// the payload it carries overlaid with its content controls' text. Not checked yet: check it as any payload.
    /// </summary>
    public DocxReading ReadDocx(FormEntry form, Stream docx) => DocxReadBack.Read(form, docx, _builder.Locales);

    /// <summary>True when the form's artwork renders on its own (an image, without a page).</summary>
    public static bool HasArtwork(FormVersion version) => version.Module.Artwork is not null;

    /// <summary>The artwork alone (PNG, SVG, or a PDF of the artwork at real size), from a valid check.</summary>
    /// <param name="cancellationToken">Checked between the raster's stages (surface, views, encoding) and the SVG's.</param>
    public byte[] RenderArtwork(FormVersion version, PayloadCheck filled, string format, CancellationToken cancellationToken = default) =>
        ArtworkOf(version).Render(version.Definition, ViewOf(filled) ?? throw new ArgumentException("The payload is not valid.", nameof(filled)), format,
            cancellationToken);

    /// <inheritdoc cref="RenderArtwork(FormVersion, PayloadCheck, string, CancellationToken)"/>
    public byte[] RenderArtwork(FormVersion version, JsonElement payload, string format, CancellationToken cancellationToken = default) =>
        RenderArtwork(version, Filled(version, payload)!, format, cancellationToken);

    public JsonElement ArtworkPayloadFromQuery(FormVersion version, IEnumerable<KeyValuePair<string, string?>> query) =>
        ArtworkOf(version).FromQuery(query);

    /// <summary>The first page as a PNG, for previews; a cancelled one stops between layout, painting and encoding.</summary>
    [OverloadResolutionPriority(1)] // a literal null (blank) takes this overload
    public byte[] PreviewPng(FormVersion version, PayloadCheck? filled, int dpi, CancellationToken cancellationToken = default)
    {
        var laid = Lay(version, filled, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return _images.RenderPng(laid, 0, dpi, cancellationToken);
    }

    /// <inheritdoc cref="PreviewPng(FormVersion, PayloadCheck?, int, CancellationToken)"/>
    public byte[] PreviewPng(FormVersion version, JsonElement? payload, int dpi, CancellationToken cancellationToken = default) =>
        PreviewPng(version, Filled(version, payload), dpi, cancellationToken);

    public void Dispose() => Fonts.Dispose();

    private static IArtwork ArtworkOf(FormVersion version) =>
        version.Module.Artwork ?? throw new InvalidOperationException($"The form '{version.FormId}' has no artwork of its own.");

    private static object? ViewOf(PayloadCheck? filled) => filled switch
    {
        null => null,
        { IsValid: false } => throw new ArgumentException("A document is made from a valid payload only.", nameof(filled)),
        _ => filled.View,
    };

    /// <summary>Artwork has no blank: printed without a payload, it is the official specimen ({}).</summary>
    private object Blank(FormVersion version) => ViewOf(Check(version, EmptyObject))!;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private PayloadCheck? Filled(FormVersion version, JsonElement? payload)
    {
        if (payload is not { } p)
            return null;
        var check = Check(version, p);
        return check.IsValid ? check : throw new ArgumentException(
            $"The payload breaks the rules of {version.FormId}: {string.Join("; ", check.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}", nameof(payload));
    }
}
