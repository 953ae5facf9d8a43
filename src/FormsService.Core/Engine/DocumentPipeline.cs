using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Modules;
using FormsService.Core.Engine.Payloads;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine;

/// <summary>What a document is made as: the version's own formats, PDF/A, a page preview, or a form's artwork alone.</summary>
internal enum OutputKind
{
    /// <summary>PDF, DOCX, or (artwork forms) PNG and SVG, as the version offers them.</summary>
    Document,

    /// <summary>PDF/A-2b, for archives: an output kind like any other, not an endpoint's branch.</summary>
    Archival,

    /// <summary>The first page as a PNG at a dpi.</summary>
    Preview,

    /// <summary>A form's artwork on its own (PNG, SVG, or a PDF at real size).</summary>
    Artwork,
}

/// <summary>An output: its kind, its file format, and the dpi of a preview.</summary>
internal readonly record struct Output(OutputKind Kind, string Format, int Dpi = 96)
{
    /// <summary>A version's format, as PDF/A-2b when <paramref name="archival"/> (which needs PDF).</summary>
    public static Output Of(string format, bool archival = false) =>
        archival ? new(OutputKind.Archival, OutputFormats.Pdf) : new(OutputKind.Document, format);

    public static Output PreviewAt(int dpi) => new(OutputKind.Preview, OutputFormats.Png, dpi);

    public static Output ArtworkAs(string format) => new(OutputKind.Artwork, format);

    /// <summary>The kind's name in the ETag, beside the format (documents of different kinds never share a tag).</summary>
    public string ETagFormat => Kind switch
    {
        OutputKind.Preview => "preview.png",
        OutputKind.Artwork => "artwork." + Format,
        _ => Format,
    };

    /// <summary>What else the bytes depend on: PDF/A's conformance, a preview's dpi.</summary>
    public string? ETagExtra => Kind switch
    {
        OutputKind.Archival => "pdfa-2b",
        OutputKind.Preview => Dpi.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public string MediaType => OutputFormats.MediaTypes[Format];
}

/// <summary>One document to make: a version, its output, and a valid check (null: the form blank, for <see cref="Blank"/>).</summary>
internal sealed record DocumentOrder(FormVersion Version, Output Output, PayloadCheck? Filled)
{
    /// <summary>What a blank is printed for (a month); <see cref="BlankOptions.None"/> for a filled form.</summary>
    public BlankOptions Blank { get; init; } = BlankOptions.None;

    /// <summary>The view the document, its file name and its ETag are made from; null for a blank.</summary>
    public object? View => Filled?.View;
}

/// <summary>The stages of the pipeline, in order.</summary>
internal enum PipelineStage { Check, Lay, Render, Combine, Package }

/// <summary>
/// Sees each stage of every document as it starts (a test injects its fault here and finds it in every route's
/// answer). The service registers none: then the pipeline calls nothing.
/// </summary>
internal sealed class PipelineProbe(Action<PipelineStage, FormVersion?> onStage)
{
    internal void Enter(PipelineStage stage, FormVersion? version) => onStage(stage, version);
}

/// <summary>
/// The one path from a bound request to bytes, for every route that makes documents — single render, blank,
/// preview, artwork, validate, batch, merge, PDF/A: form, version and format are bound once before it (the Api's
/// queries); then <see cref="Check"/> once; <see cref="Lay"/> out; <see cref="Render"/> one document or
/// <see cref="Combine"/> many into one PDF; <see cref="Package"/> many into a ZIP. It holds no request state and
/// runs where it is called: the Api calls it on a render thread of its runner (memory budget, slots, timeout,
/// cancellation, metrics).
/// </summary>
internal sealed class DocumentPipeline
{
    private readonly FormsEngine _engine;
    private readonly PdfBook _book;
    private readonly PipelineProbe? _probe;

    public DocumentPipeline(FormsEngine engine, PipelineProbe? probe = null)
    {
        _engine = engine;
        _book = new PdfBook(engine.Fonts);
        _probe = probe;
    }

    public FormsEngine Engine => _engine;

    /// <summary>
    /// Binds and checks a payload once: a valid check carries the view its documents are made from. Its messages stay
    /// codes (<see cref="Say"/>): they are worded once, in the reader's language, where the answer is written.
    /// </summary>
    public PayloadCheck Check(FormVersion version, JsonElement payload)
    {
        _probe?.Enter(PipelineStage.Check, version);
        return version.Module.Bind(payload, version.Definition);
    }

    /// <summary>The document model laid out on pages: the form filled from the order's check, or blank.</summary>
    public LaidOutDocument Lay(DocumentOrder order, CancellationToken cancellationToken = default) => Lay(order, OutputFormats.Pdf, cancellationToken);

    /// <summary>The layout that writing <paramref name="format"/> needs (a DOCX's has nothing to draw).</summary>
    private LaidOutDocument Lay(DocumentOrder order, string format, CancellationToken cancellationToken)
    {
        _probe?.Enter(PipelineStage.Lay, order.Version);
        var laid = order.Filled is null
            ? _engine.LayBlank(order.Version, order.Blank, format, cancellationToken)
            : _engine.Lay(order.Version, order.Filled, format, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return laid;
    }

    /// <summary>One document's bytes: the one place that chooses how an output is written.</summary>
    public byte[] Render(DocumentOrder order, CancellationToken cancellationToken = default)
    {
        var (version, output) = (order.Version, order.Output);
        if (output.Kind == OutputKind.Artwork)
        {
            _probe?.Enter(PipelineStage.Render, version);
            return _engine.RenderArtwork(version, order.Filled ?? throw new ArgumentException("Artwork is drawn from a valid check.", nameof(order)),
                output.Format, cancellationToken);
        }
        if (output.Kind == OutputKind.Document && FormsEngine.DrawsArtwork(version, output.Format))
        {
            // A form's artwork as its document (the vest as PNG or SVG): drawn, not laid out on a page.
            _probe?.Enter(PipelineStage.Render, version);
            return _engine.Render(version, order.Filled, output.Format, cancellationToken);
        }
        var laid = Lay(order, output.Kind == OutputKind.Document ? output.Format : OutputFormats.Pdf, cancellationToken);
        _probe?.Enter(PipelineStage.Render, version);
        return output.Kind switch
        {
            OutputKind.Archival => _book.Render([laid], new PdfBookOptions(version.Definition.Language, PdfA: true), cancellationToken),
            OutputKind.Preview => _engine.FirstPagePng(laid, output.Dpi, cancellationToken),
            _ => _engine.Write(version, laid, order.Filled, output.Format, cancellationToken),
        };
    }

    /// <summary>
    /// Many documents as one PDF, in order, each from a new page, its fonts subset once for the file; PDF/A-2b when
    /// <paramref name="archival"/>. Laid out one after another on the caller's thread (a render thread), not in
    /// parallel on the pool.
    /// </summary>
    public byte[] Combine(IReadOnlyList<DocumentOrder> orders, bool archival, CancellationToken cancellationToken = default)
    {
        if (orders.Count == 0)
            throw new ArgumentException("A combined PDF has at least one document.", nameof(orders));
        var laid = new List<LaidOutDocument>(orders.Count);
        foreach (var order in orders)
            laid.Add(Lay(order, cancellationToken));
        _probe?.Enter(PipelineStage.Combine, orders[0].Version);
        return _book.Render(laid, new PdfBookOptions(orders[0].Version.Definition.Language, archival), cancellationToken);
    }

    /// <param name="version">The documents' version when they share one (a merge), else null (a batch).</param>
    /// <summary>
    /// Opens a ZIP on <paramref name="output"/> for many documents: entries named once each (<see cref="DocumentPackage.Name"/>),
    /// dated 1 January 1980, documents stored (already compressed), the rest deflated.
    /// </summary>
    public DocumentPackage Package(FormVersion? version, Stream output)
    {
        _probe?.Enter(PipelineStage.Package, version);
        return new DocumentPackage(output);
    }
}

/// <summary>A ZIP of documents, their manifest and reports: fixed entry times, unique names, documents stored.</summary>
internal sealed class DocumentPackage : IDisposable
{
    /// <summary>Every entry's time: no clock in the output, so the same input gives the same bytes.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive _archive;
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    internal DocumentPackage(Stream output) => _archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

    /// <summary>A name no other entry has (compared as a file system would, ignoring case): <c>name_2.pdf</c> after <c>name.pdf</c>.</summary>
    public string Name(string name) => Unique(_names, name);

    /// <summary>A name not yet in <paramref name="names"/>, added to it: the name itself, else <c>name_2</c>, <c>name_3</c>…</summary>
    public static string Unique(ISet<string> names, string name)
    {
        var candidate = name;
        for (var i = 2; !names.Add(candidate); i++)
            candidate = Path.GetFileNameWithoutExtension(name) + $"_{i}" + Path.GetExtension(name);
        return candidate;
    }

    /// <summary>A document (PDF streams, DOCX and PNG are compressed already): stored, not deflated twice.</summary>
    public void AddDocument(string name, byte[] bytes) => Add(name, bytes, CompressionLevel.NoCompression);

    /// <summary>A JSON entry (a manifest), deflated.</summary>
    public void AddJson<T>(string name, T value, JsonSerializerOptions options)
    {
        var entry = Entry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        JsonSerializer.Serialize(stream, value, options);
    }

    public void Add(string name, byte[] bytes, CompressionLevel level)
    {
        using var stream = Entry(name, level).Open();
        stream.Write(bytes);
    }

    private ZipArchiveEntry Entry(string name, CompressionLevel level)
    {
        var entry = _archive.CreateEntry(name, level);
        entry.LastWriteTime = EntryTime;
        return entry;
    }

    public void Dispose() => _archive.Dispose();
}
