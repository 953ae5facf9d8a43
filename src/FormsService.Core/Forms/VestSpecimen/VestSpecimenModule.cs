using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FormsService.Core.Engine;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.VestSpecimen;

/// <summary>
/// The vest specimen. Its "payload" is the designers' parameters (all optional; <c>{}</c> is the official specimen);
/// its geometry lives in the version's <c>vest.json</c>. The artwork is a figure of the appendix page and renders on
/// its own: PNG at the drawing scale, SVG and a PDF at real size (that PDF through the engine's one PDF writer).
/// </summary>
internal sealed class VestSpecimenModule : IFormModule, IArtwork, IFigureSource
{
    public const string SpecFile = "vest.json";

    /// <summary>Every character the artwork can draw besides its lettering: view numbers and dimension figures.</summary>
    internal const string LabelCharacters = "0123456789 .,–-×xмm";

    private const float PtPerMm = 72f / 25.4f;

    private readonly Dictionary<string, (VestExporter Preview, VestExporter RealSize)> _exporters = new(StringComparer.Ordinal);
    private readonly FontLibrary _fonts;
    private readonly FigureDocuments _documents;

    private VestSpecimenModule(FontLibrary fonts, FigureDocuments documents)
    {
        _fonts = fonts;
        _documents = documents;
    }

    public static IFormModule Create(ModuleServices services, Order733Services order) => new VestSpecimenModule(services.Fonts, services.Documents);

    public string Name => "vest-specimen";
    public string Id => "vest";
    public Type PayloadRecord => typeof(VestParameters);
    public IReadOnlySet<string> Paths { get; } = VestParameters.Names.ToHashSet(StringComparer.Ordinal);
    public IValidatorDescriptor? Rules => null;
    public PageHints Hints => PageHints.None;
    public IReadOnlyList<IFigureSource> Figures => [this];
    public IArtwork Artwork => this;

    private FontFace Bold => _fonts.Get(FontFamilyKind.Sans, true, false);
    private FontFace Regular => _fonts.Get(FontFamilyKind.Sans, false, false);

    /// <summary>The ranges the parameters' validation enforces, published in the schema.</summary>
    public void Describe(JsonObject schema)
    {
        var p = (JsonObject)schema["properties"]!;
        void Range(string name, double min, double max) { p[name]!["minimum"] = min; p[name]!["maximum"] = max; }
        p["view"]!["enum"] = new JsonArray("front", "back", "both", null);
        p["color"]!["pattern"] = "^#[0-9A-Fa-f]{6}$";
        p["stripeColor"]!["pattern"] = "^#[0-9A-Fa-f]{6}$";
        Range("stripeWidthMm", VestParameters.StripeWidthMin, VestParameters.StripeWidthMax);
        Range("letteringScale", VestParameters.LetteringScaleMin, VestParameters.LetteringScaleMax);
        p["dpi"]!["minimum"] = VestParameters.DpiMin;
        p["dpi"]!["maximum"] = VestParameters.DpiMax;
    }

    /// <summary>
    /// Adds the stripe position's bounds, which come from the version's geometry: the widest range any stripe width
    /// and lettering scale allow; the exact range for given ones is a cross-field rule, in the description.
    /// </summary>
    public void Describe(JsonObject schema, FormDefinition definition)
    {
        Describe(schema);
        var spec = Exporter(definition).Artwork.Spec;
        var (min, max) = VestParameters.StripePositionRange(spec, VestParameters.StripeWidthMin, VestParameters.LetteringScaleMin);
        var position = (JsonObject)schema["properties"]!["stripePositionMm"]!;
        position["minimum"] = Math.Ceiling(min * 10) / 10;
        position["maximum"] = Math.Floor(max * 10) / 10;
        var (defaultMin, defaultMax) = VestParameters.StripePositionRange(spec, spec.Stripe.WidthMm, 1.0);
        position["description"] = (position["description"]?.GetValue<string>() is { } d ? d + " " : "") +
            System.FormattableString.Invariant($"The range depends on stripeWidthMm and letteringScale: the Russian line must fit between the stripe and the hem, the stripe and the Kazakh line below the armholes (with the default width and scale, {Math.Ceiling(defaultMin * 10) / 10}–{Math.Floor(defaultMax * 10) / 10} mm).");
    }

    /// <summary>
    /// Reads the version's vest.json once: the artwork at the specimen's drawing scale, and at 1:1 for the vest maker
    /// (SVG and PDF). A broken file stops start-up with its file and JSON path.
    /// </summary>
    public void Load(FormDefinition definition)
    {
        var file = Path.Combine(definition.Directory, SpecFile);
        if (!File.Exists(file))
            throw new DefinitionException(file, "$", "the vest specimen needs its geometry in vest.json.");
        var spec = VestSpec.Load(file);
        var realSize = spec with { Drawing = spec.Drawing with { Scale = 1 } };
        try
        {
            _exporters[definition.Directory] = (new VestExporter(new VestArtwork(spec, Bold.Typeface, Regular.Typeface)),
                new VestExporter(new VestArtwork(realSize, Bold.Typeface, Regular.Typeface)));
        }
        catch (InvalidDataException ex)
        {
            throw new DefinitionException(file, "$.lettering", ex.Message);
        }
    }

    /// <summary>The artwork at its drawing scale (PNG previews, the appendix page).</summary>
    public VestExporter Exporter(FormDefinition definition) => Exporters(definition).Preview;

    private (VestExporter Preview, VestExporter RealSize) Exporters(FormDefinition definition) =>
        _exporters.TryGetValue(definition.Directory, out var exporters)
            ? exporters
            : throw new InvalidOperationException($"The vest specimen of '{definition.Directory}' was not loaded.");

    /// <summary>The parameters as bound: the view is the payload itself.</summary>
    public byte[]? CarriedPayload(PayloadCheck check) =>
        check.Record is VestParameters parameters ? JsonSerializer.SerializeToUtf8Bytes(parameters, PayloadJson.Options) : null;

    public PayloadCheck Bind(JsonElement payload, FormDefinition definition)
    {
        var errors = Parse(payload, out var parameters);
        if (errors.Count == 0)
            foreach (var (name, message) in Exporter(definition).Validate(parameters))
                errors[name] = [message];
        var check = new PayloadCheck(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal), []);
        return check.IsValid ? check with { View = parameters, Record = parameters } : check;
    }

    /// <summary>Reads the parameters from a JSON object, reporting wrong types and unknown names by name.</summary>
    public static Dictionary<string, List<Message>> Parse(JsonElement payload, out VestParameters parameters)
    {
        var errors = new Dictionary<string, List<Message>>(StringComparer.Ordinal);
        parameters = new VestParameters();
        if (payload.ValueKind != JsonValueKind.Object)
        {
            errors[""] = [Say.Object];
            return errors;
        }
        var values = new List<KeyValuePair<string, string?>>();
        foreach (var property in payload.EnumerateObject())
        {
            var name = property.Name;
            var v = property.Value;
            if (!VestParameters.Names.Contains(name))
            {
                errors[name.Length == 0 ? "$" : name] = [Say.UnknownField];
                continue;
            }
            if (v.ValueKind == JsonValueKind.Null)
                continue;
            var expected = name switch
            {
                "view" or "color" or "stripeColor" => JsonValueKind.String,
                "dimensions" => JsonValueKind.True,
                _ => JsonValueKind.Number,
            };
            var ok = expected switch
            {
                JsonValueKind.True => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
                _ => v.ValueKind == expected,
            };
            if (!ok || (name == "dpi" && !v.TryGetInt32(out _)))
            {
                errors[name] = [expected switch
                {
                    JsonValueKind.String => Say.Text,
                    JsonValueKind.True => Say.Boolean,
                    _ when name == "dpi" => Say.WholeNumber,
                    _ => Say.Number,
                }];
                continue;
            }
            values.Add(new(name, v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText().ToLowerInvariant()));
        }
        parameters = VestParameters.FromStrings(values, out var parseErrors);
        foreach (var (name, message) in parseErrors)
            errors[name] = [message];
        return errors;
    }

    /// <summary>Query-string parameters as a typed JSON payload: numbers as numbers, dimensions=true|false|1|0 as a boolean.</summary>
    public JsonElement FromQuery(IEnumerable<KeyValuePair<string, string?>> query)
    {
        var obj = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in query)
        {
            var v = value ?? "";
            obj[key] = key switch
            {
                "dimensions" when v is "true" or "1" => true,
                "dimensions" when v is "false" or "0" => false,
                "stripeWidthMm" or "stripePositionMm" or "letteringScale" or "dpi"
                    when double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
                    => System.Text.Json.Nodes.JsonValue.Create(n),
                _ => v,
            };
        }
        return JsonSerializer.SerializeToElement(obj);
    }

    /// <summary>The parameters a view holds: the bound ones, or (a tool's JSON) read from it; none, the specimen's.</summary>
    private static VestParameters ParametersOf(object? view) => view switch
    {
        VestParameters parameters => parameters,
        JsonElement json => json.Deserialize<VestParameters>(PayloadJson.Options) ?? new VestParameters(),
        _ => new VestParameters(),
    };

    public byte[] Render(FormDefinition definition, object view, string format, CancellationToken cancellationToken = default)
    {
        var (preview, realSize) = Exporters(definition);
        var parameters = ParametersOf(view);
        cancellationToken.ThrowIfCancellationRequested();
        return format switch
        {
            OutputFormats.Png => preview.Png(parameters, cancellationToken),
            OutputFormats.Svg => realSize.Svg(parameters, cancellationToken),
            OutputFormats.Pdf => RealSizePdf(definition, realSize.Artwork, parameters, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The artwork renders to png, svg or pdf."),
        };
    }

    /// <summary>One page the size of the artwork, lettering and dimensions as searchable text in font subsets.</summary>
    private byte[] RealSizePdf(FormDefinition definition, VestArtwork artwork, VestParameters parameters, CancellationToken cancellationToken)
    {
        var size = artwork.SizeMm(parameters);
        var info = new DocumentInfo("Кеудеше нысанының үлгісі / Образец жилета", definition.Language, artwork.Spec.Source);
        return _documents.Pdf(new VestFigureArt(artwork, parameters, Bold, Regular), size.Width * PtPerMm, size.Height * PtPerMm, info, cancellationToken);
    }

    public IFigureArt Create(FormDefinition definition, object? view) =>
        new VestFigureArt(Exporter(definition).Artwork, ParametersOf(view), Bold, Regular);
}
