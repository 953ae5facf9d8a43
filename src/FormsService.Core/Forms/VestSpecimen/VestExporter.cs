using FormsService.Core.Engine.Payloads;
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
    public IReadOnlyDictionary<string, Message> Validate(VestParameters p) => _artwork.Validate(p);

    /// <summary>
    /// PNG on a white background at the parameters' dpi (150 by default). The artwork is recorded once as a picture
    /// (its vector commands), then painted and encoded a band of rows at a time (<see cref="PngEncoding.PaintAndEncode"/>):
    /// a cancelled render stops before the next band, and a 600 dpi raster never holds its whole surface.
    /// </summary>
    public byte[] Png(VestParameters p, CancellationToken cancellationToken = default) => Png(p, cancellationToken, null, null);

    /// <param name="bandStarting">Told the first row of each of the encoder's bands (tests follow the work with it).</param>
    /// <param name="painting">Told the first row of each band before it is painted.</param>
    internal byte[] Png(VestParameters p, CancellationToken cancellationToken, Action<int>? bandStarting, Action<int>? painting)
    {
        var dpi = _artwork.Resolve(p).Dpi;
        var size = _artwork.SizeMm(p);
        var pxPerMm = dpi / 25.4f;
        int width = (int)Math.Ceiling(size.Width * pxPerMm), height = (int)Math.Ceiling(size.Height * pxPerMm);

        using var recorder = new SKPictureRecorder();
        // With an R-tree of the commands' bounds: a band plays back only what it crosses.
        var canvas = recorder.BeginRecording(SKRect.Create(width, height), useRTree: true);
        canvas.Scale(pxPerMm);
        _artwork.Draw(canvas, p, TextMode.Outlines, cancellationToken);
        using var picture = recorder.EndRecording();
        return PngEncoding.PaintAndEncode(width, height, SKColors.White, band => band.DrawPicture(picture), cancellationToken, bandStarting, painting);
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
