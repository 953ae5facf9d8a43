using System.Text.Json;
using FormsService.Core.Forms.Order733.Calendar;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Forms;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine;

/// <summary>Output formats and their media types.</summary>
public static class OutputFormats
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
/// Everything loaded once at start-up — fonts, payload rules, the catalogue — and the one path from a form version
/// and a payload to the bytes of a document.
/// </summary>
public sealed class FormsEngine : IDisposable
{
    private readonly DocumentBuilder _builder;
    private readonly LayoutEngine _layout;
    private readonly PdfRenderer _pdf;
    private readonly DocxRenderer _docx;
    private readonly PageImageRenderer _images;

    private FormsEngine(FontLibrary fonts, FormCatalog catalog, IReadOnlyDictionary<string, IFigureSource> figures,
        IReadOnlyDictionary<string, IPayloadType> payloadTypes, DeadlineCalculator deadlines)
    {
        Deadlines = deadlines;
        Fonts = fonts;
        Catalog = catalog;
        PayloadTypes = payloadTypes;
        _builder = new DocumentBuilder(figures);
        _layout = new LayoutEngine(fonts);
        _pdf = new PdfRenderer(fonts, new FontSubsetCache());
        _docx = new DocxRenderer();
        _images = new PageImageRenderer(fonts);
    }

    public FontLibrary Fonts { get; }
    public FormCatalog Catalog { get; }
    public IReadOnlyDictionary<string, IPayloadType> PayloadTypes { get; }
    internal DeadlineCalculator Deadlines { get; }

    /// <summary>The deadlines of order No. 733 that follow from the day a verdict was received.</summary>
    public IReadOnlyList<Deadline> DeadlinesFrom(DateOnly verdictReceived) => Deadlines.FromVerdictReceived(verdictReceived);

    /// <summary>Loads and checks every font and definition; throws with the file and path of the first problem.</summary>
    public static FormsEngine Load(string formsDirectory, string fontsDirectory)
    {
        var fonts = FontLibrary.Load(fontsDirectory);
        try
        {
            var guard = new TextGuard(cp => fonts.CanDraw(FontFamilyKind.Serif, cp) && fonts.CanDraw(FontFamilyKind.Sans, cp));
            var calendar = WorkingCalendar.Load(Path.Combine(formsDirectory, "_calendar", "kz"));
            var deadlines = new DeadlineCalculator(calendar);
            var vest = new Forms.VestSpecimen.VestPayloadType(fonts);
            var payloadTypes = PayloadRegistry.Create(guard, deadlines, calendar, vest);
            var figures = FigureRegistry.Create(vest);
            var catalog = FormCatalog.Load(formsDirectory, payloadTypes, figures.Keys.ToHashSet());
            return new FormsEngine(fonts, catalog, figures, payloadTypes, deadlines);
        }
        catch
        {
            fonts.Dispose();
            throw;
        }
    }

    public PayloadCheck Check(FormVersion version, JsonElement payload) => version.Payload.Check(payload, version.Definition);

    /// <summary>The document model and its layout; a null payload gives the form blank.</summary>
    public LaidOutDocument Lay(FormVersion version, JsonElement? payload, CancellationToken cancellationToken = default) =>
        _layout.Layout(_builder.Build(version, payload), cancellationToken);

    /// <summary>Renders a version filled with a payload that has passed <see cref="Check"/> (or blank, when null).</summary>
    public byte[] Render(FormVersion version, JsonElement? payload, string format, CancellationToken cancellationToken = default)
    {
        if (version.Payload is IDirectRenderer direct && format is OutputFormats.Png or OutputFormats.Svg)
            return direct.Render(version.Definition, payload, format);
        var laid = Lay(version, payload, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return format switch
        {
            OutputFormats.Pdf => _pdf.Render(laid, cancellationToken),
            OutputFormats.Docx => _docx.Render(laid),
            OutputFormats.Png => _images.RenderPng(laid, 0, 96),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unsupported format."),
        };
    }

    /// <summary>True when the form's artwork renders on its own (the vest), without a page.</summary>
    public static bool HasArtwork(FormVersion version) => version.Payload is IDirectRenderer;

    /// <summary>The artwork alone (PNG, SVG, or a PDF of the artwork at real size).</summary>
    public byte[] RenderArtwork(FormVersion version, JsonElement? payload, string format) =>
        ((IDirectRenderer)version.Payload).Render(version.Definition, payload, format);

    public JsonElement ArtworkPayloadFromQuery(FormVersion version, IEnumerable<KeyValuePair<string, string?>> query) =>
        ((IDirectRenderer)version.Payload).FromQuery(query);

    /// <summary>The first page as a PNG, for previews.</summary>
    public byte[] PreviewPng(FormVersion version, JsonElement? payload, int dpi) => _images.RenderPng(Lay(version, payload), 0, dpi);

    public void Dispose() => Fonts.Dispose();
}

/// <summary>A payload type whose artwork renders straight to an image format (the vest), without a page.</summary>
public interface IDirectRenderer
{
    /// <summary>Query-string parameters (GET previews) as the typed payload the renderer checks.</summary>
    JsonElement FromQuery(IEnumerable<KeyValuePair<string, string?>> query);

    byte[] Render(FormDefinition definition, JsonElement? payload, string format);
}
