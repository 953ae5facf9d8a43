using System.Globalization;
using System.Xml.Linq;
using FormsService.Core.Engine.Rendering;
using SkiaSharp;

namespace FormsService.Core.Forms.VestSpecimen;

/// <summary>Renders the vest artwork as PNG (the engine's encoder) or SVG; its PDF is a figure document of the engine. Same input, same bytes.</summary>
internal sealed class VestExporter
{
    private readonly VestArtwork _artwork;

    public VestExporter(VestArtwork artwork)
    {
        ArgumentNullException.ThrowIfNull(artwork);
        _artwork = artwork;
    }

    public VestArtwork Artwork => _artwork;

    /// <summary>Parameter name → message for invalid parameters; empty when they are valid.</summary>
    public IReadOnlyDictionary<string, string> Validate(VestParameters p) => _artwork.Validate(p);

    /// <summary>
    /// PNG on a white background at the parameters' dpi (150 by default). A cancelled render stops between its
    /// stages (the surface cleared, each view drawn, before encoding): at 600 dpi each is a tenth of a second or more.
    /// </summary>
    public byte[] Png(VestParameters p, CancellationToken cancellationToken = default)
    {
        var dpi = _artwork.Resolve(p).Dpi;
        var size = _artwork.SizeMm(p);
        var pxPerMm = dpi / 25.4f;
        var info = new SKImageInfo(
            (int)Math.Ceiling(size.Width * pxPerMm), (int)Math.Ceiling(size.Height * pxPerMm),
            SKColorType.Rgba8888, SKAlphaType.Opaque);

        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"Cannot allocate a {info.Width}×{info.Height} surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        cancellationToken.ThrowIfCancellationRequested();
        canvas.Scale(pxPerMm);
        _artwork.Draw(canvas, p, TextMode.Outlines, cancellationToken);
        canvas.Flush();

        return PngEncoding.Encode(surface, cancellationToken);
    }

    /// <summary>
    /// SVG in millimetres (<c>width="…mm"</c>, <c>height="…mm"</c>, <c>viewBox</c> in paper millimetres). All text is
    /// drawn as outlines, so the file needs no font and has no <c>&lt;text&gt;</c> element.
    /// </summary>
    public byte[] Svg(VestParameters p, CancellationToken cancellationToken = default)
    {
        var size = _artwork.SizeMm(p);
        using var raw = new MemoryStream();
        {
            using var managed = new SKManagedWStream(raw);
            using (var canvas = SKSvgCanvas.Create(SKRect.Create(size.Width, size.Height), managed))
            {
                _artwork.Draw(canvas, p, TextMode.Outlines, cancellationToken);
            }

            managed.Flush();
        }
        cancellationToken.ThrowIfCancellationRequested();

        raw.Position = 0;
        var doc = XDocument.Load(raw, LoadOptions.None);
        var root = doc.Root ?? throw new InvalidOperationException("The SVG canvas wrote no root element.");
        var w = size.Width.ToString("0.###", CultureInfo.InvariantCulture);
        var h = size.Height.ToString("0.###", CultureInfo.InvariantCulture);
        root.SetAttributeValue("width", w + "mm");
        root.SetAttributeValue("height", h + "mm");
        root.SetAttributeValue("viewBox", $"0 0 {w} {h}");
        RenumberIds(root);

        using var output = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(output, new System.Xml.XmlWriterSettings
               {
                   Encoding = new System.Text.UTF8Encoding(false),
                   Indent = false,
               }))
        {
            doc.Save(writer);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Skia numbers clip paths from a process-wide counter (<c>cl_17</c>…), so the same drawing gets other ids on every
    /// call: renumber them in document order to keep the bytes stable.
    /// </summary>
    private static void RenumberIds(XElement root)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in root.DescendantsAndSelf().Select(e => e.Attribute("id")).OfType<XAttribute>())
        {
            var id = "vest" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
            ids[attribute.Value] = id;
            attribute.Value = id;
        }

        if (ids.Count == 0) return;
        foreach (var attribute in root.DescendantsAndSelf().SelectMany(e => e.Attributes()))
        {
            var value = attribute.Value;
            if (!value.Contains('#', StringComparison.Ordinal) || attribute.IsNamespaceDeclaration) continue;
            foreach (var (from, to) in ids)
            {
                value = value.Replace($"url(#{from})", $"url(#{to})", StringComparison.Ordinal);
                if (value == "#" + from) value = "#" + to;
            }

            attribute.Value = value;
        }
    }
}
