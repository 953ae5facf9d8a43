using FormsService.Core.Engine;
using System.Collections.Concurrent;
using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Forms.VestSpecimen;

namespace FormsService.Core.Forms.VestSpecimen;

/// <summary>
/// The vest specimen's "payload" is the designers' parameters (all optional; <c>{}</c> is the official specimen).
/// Its geometry lives in the version's <c>vest.json</c>; its artwork renders straight to PNG and SVG.
/// </summary>
internal sealed class VestPayloadType(FontLibrary fonts) : IPayloadType, IDirectRenderer, IFigureSource, ISchemaHints
{
    /// <summary>The ranges the parameters' validation enforces, published in the schema.</summary>
    public void Apply(System.Text.Json.Nodes.JsonObject schema)
    {
        var p = (System.Text.Json.Nodes.JsonObject)schema["properties"]!;
        void Range(string name, double min, double max) { p[name]!["minimum"] = min; p[name]!["maximum"] = max; }
        p["view"]!["enum"] = new System.Text.Json.Nodes.JsonArray("front", "back", "both", null);
        p["color"]!["pattern"] = "^#[0-9A-Fa-f]{6}$";
        p["stripeColor"]!["pattern"] = "^#[0-9A-Fa-f]{6}$";
        Range("stripeWidthMm", VestParameters.StripeWidthMin, VestParameters.StripeWidthMax);
        Range("letteringScale", VestParameters.LetteringScaleMin, VestParameters.LetteringScaleMax);
        p["dpi"]!["minimum"] = VestParameters.DpiMin;
        p["dpi"]!["maximum"] = VestParameters.DpiMax;
    }

    public const string SpecFile = "vest.json";
    private readonly ConcurrentDictionary<string, (VestExporter Preview, VestExporter RealSize)> _exporters = new(StringComparer.Ordinal);
    private readonly FontSubsetCache _subsets = new(16);

    /// <summary>Every character the artwork can draw besides its lettering: view numbers and dimension figures.</summary>
    internal const string LabelCharacters = "0123456789 .,–-×xмm";

    public string Name => "vest-specimen";
    public string Id => "vest";
    public Type RecordType => typeof(VestParameters);
    public IReadOnlySet<string> Paths { get; } = VestParameters.Names.ToHashSet(StringComparer.Ordinal);

    private FontFace Bold => fonts.Get(FontFamilyKind.Sans, true, false);
    private FontFace Regular => fonts.Get(FontFamilyKind.Sans, false, false);

    /// <summary>The artwork at its drawing scale (PNG previews, the appendix page).</summary>
    public VestExporter Exporter(FormDefinition definition) => Exporters(definition).Preview;

    /// <summary>
    /// The artwork loaded once per version: at the specimen's drawing scale, and at 1:1 for the vest maker (SVG and
    /// PDF exports). A broken vest.json is a start-up error naming the file.
    /// </summary>
    private (VestExporter Preview, VestExporter RealSize) Exporters(FormDefinition definition) => _exporters.GetOrAdd(definition.Directory, dir =>
    {
        var file = Path.Combine(dir, SpecFile);
        if (!File.Exists(file))
            throw new DefinitionException(file, "$", "the vest specimen needs its geometry in vest.json.");
        try
        {
            var spec = VestSpec.Load(file);
            var realSize = spec with { Drawing = spec.Drawing with { Scale = 1 } };
            return (new VestExporter(new VestArtwork(spec, Bold.Typeface, Regular.Typeface)),
                new VestExporter(new VestArtwork(realSize, Bold.Typeface, Regular.Typeface)));
        }
        catch (InvalidDataException ex)
        {
            throw new DefinitionException(file, "$", ex.Message);
        }
    });

    public PayloadCheck Check(JsonElement payload, FormDefinition definition)
    {
        var errors = Parse(payload, out var parameters);
        if (errors.Count == 0)
            foreach (var (name, message) in Exporter(definition).Validate(parameters))
                errors[name] = [message];
        return new PayloadCheck(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal), []);
    }

    /// <summary>Reads the parameters from a JSON object, reporting wrong types and unknown names by name.</summary>
    public static Dictionary<string, List<string>> Parse(JsonElement payload, out VestParameters parameters)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        parameters = new VestParameters();
        if (payload.ValueKind != JsonValueKind.Object)
        {
            errors[""] = [Messages.Object];
            return errors;
        }
        var values = new List<KeyValuePair<string, string?>>();
        foreach (var property in payload.EnumerateObject())
        {
            var name = property.Name;
            var v = property.Value;
            if (!VestParameters.Names.Contains(name))
            {
                errors[name.Length == 0 ? "$" : name] = [Messages.UnknownField];
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
                    JsonValueKind.String => Messages.Text,
                    JsonValueKind.True => Messages.Boolean,
                    _ when name == "dpi" => Messages.WholeNumber,
                    _ => Messages.Number,
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

    public static VestParameters ParametersOf(JsonElement? payload)
    {
        if (payload is not { } p)
            return new VestParameters();
        Parse(p, out var parameters);
        return parameters;
    }

    public byte[] Render(FormDefinition definition, JsonElement? payload, string format)
    {
        var (preview, realSize) = Exporters(definition);
        var parameters = ParametersOf(payload);
        return format switch
        {
            OutputFormats.Png => preview.Png(parameters),
            OutputFormats.Svg => realSize.Svg(parameters),
            OutputFormats.Pdf => SubsetPdf(realSize.Artwork.Spec, parameters),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The artwork renders to png, svg or pdf."),
        };
    }

    /// <summary>The real-size PDF drawn with font subsets: Skia would embed the fonts whole (half a megabyte).</summary>
    private byte[] SubsetPdf(VestSpec spec, VestParameters parameters)
    {
        var codepoints = (spec.Lettering.Kazakh + spec.Lettering.Russian + LabelCharacters).Select(c => (int)c).Distinct().Order().ToList();
        var artwork = new VestArtwork(spec, _subsets.Get(Bold, codepoints), _subsets.Get(Regular, codepoints));
        return new VestExporter(artwork).Pdf(parameters);
    }

    public IFigureArt Create(FormDefinition definition, JsonElement? payload) =>
        new VestFigureArt(Exporter(definition).Artwork, ParametersOf(payload), Bold, Regular);
}
