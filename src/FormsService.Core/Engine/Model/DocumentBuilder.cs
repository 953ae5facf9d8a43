using System.Text;
using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Kinds;

namespace FormsService.Core.Engine.Model;

/// <summary>Makes the art of a figure a definition names, from the payload (designer parameters, say).</summary>
internal interface IFigureSource
{
    string Id { get; }
    /// <param name="view">The view the document prints from (a form's view record, or JSON), or null for a blank.</param>
    IFigureArt Create(FormDefinition definition, object? view);
}

/// <summary>
/// Definition + payload → document model. Pure: no I/O, no clock, invariant culture. Knows no particular form.
/// </summary>
internal sealed class DocumentBuilder(IReadOnlyDictionary<string, IFigureSource> figures, Locale.DateLocales locales)
{
    /// <summary>The date words of every language, by which the builder prints dates (and a Word document's dates are read back).</summary>
    internal Locale.DateLocales Locales => locales;

    /// <param name="view">
    /// The view the template reads, in place: the form's view record (the bound record and what its module derives
    /// from it), a blank's view, or JSON (<see cref="JsonElement"/>, a tool's payload).
    /// </param>
    /// <param name="blank">
    /// The form printed blank, to be filled by hand: its blank styles, its tables always, their rows to fill printed
    /// empty. <paramref name="view"/> then holds what a blank knows beforehand (a month's days), or nothing.
    /// </param>
    public Document Build(FormVersion version, object? view, bool blank = false)
    {
        var d = version.Definition;
        var styles = blank ? d.Styles.ForBlank() : d.Styles;
        var scale = new TypeScale(styles);
        var page = PageGeometry.From(d.Page);
        var context = new BuildContext(scale, new PayloadValues(ViewNode.Of(view)), page.ContentWidth)
        {
            Dates = locales.Find(d.Language) ?? throw new InvalidOperationException($"No date words for '{d.Language}': the catalogue should have refused it."),
            Blank = blank,
            Bindable = version.Module.BoundPaths,
            Definition = d,
            View = view,
            Figures = figures,
        };
        var header = Running(version.Header, context);
        var footer = Running(version.Footer, context);
        var blocks = new List<Block>(version.Body.Count);
        foreach (var template in version.Body)
            if (BlockKinds.Of(template).Build(template, context) is { } block)
                blocks.Add(block);
        return new Document(new DocumentInfo(d.Title, d.Language, $"{d.LegalBasis.Act}, {d.LegalBasis.Appendix}") { FormId = d.FormId, Version = d.Version },
            page, styles, blocks)
        {
            Header = header,
            Footer = footer,
            FieldLabels = FieldLabels(version),
        };
    }

    /// <summary>Each payload field's label in the document's language: what a Word content control is called.</summary>
    private static IReadOnlyDictionary<string, string> FieldLabels(FormVersion version)
    {
        var russian = version.Definition.Language == "ru";
        return version.Labels.Words.ToDictionary(w => w.Key, w => w.Value.Label[russian ? 1 : 0], StringComparer.Ordinal);
    }

    private static RunningText? Running(RunningTemplate? r, BuildContext context) =>
        r is null ? null : new RunningText(r.Position, ParagraphKind.BuildParagraph(r.Content, context, null, null));

    /// <summary>A value template's text for <paramref name="values"/>; null when it has no value.</summary>
    internal static string? Render(IReadOnlyList<ValuePart> parts, PayloadValues values)
    {
        // One path alone (a table cell's "{hours}"): its value is already normalized, and it has one exactly when
        // the value is not empty.
        if (parts.Count == 1 && parts[0] is PathPart only)
            return only.Print(values.Get(only.Path));
        var sb = new StringBuilder();
        var any = Append(sb, parts, values);
        var text = PayloadValues.Normalize(sb.ToString());
        // A value made of literals only (all its paths empty) is no value: the blank prints empty.
        return text.Length > 0 && any ? text : null;
    }

    /// <summary>Appends the parts' text; true when any of their paths, written or not (in a group left out), has a value.</summary>
    private static bool Append(StringBuilder sb, IReadOnlyList<ValuePart> parts, PayloadValues values)
    {
        var any = false;
        for (var i = 0; i < parts.Count; i++)
        {
            switch (parts[i])
            {
                case LiteralPart l:
                    sb.Append(l.Text);
                    break;
                case PathPart p:
                    sb.Append(p.Print(values.Get(p.Path, out var has)));
                    any |= has;
                    break;
                case OptionalGroup g:
                    var all = true;
                    foreach (var path in g.Paths)
                    {
                        values.Get(path, out var present);
                        all &= present;
                        any |= present;
                    }
                    if (all)
                        Append(sb, g.Parts, values);
                    break;
            }
        }
        return any;
    }
}

/// <summary>What every part of one build shares: the resolved styles, the values, the width of the page's content.</summary>
internal sealed record BuildContext(TypeScale Scale, PayloadValues Values, float ContentWidth)
{
    /// <summary>The date words of the definition's language.</summary>
    public required Locale.DateLocale Dates { get; init; }

    public required FormDefinition Definition { get; init; }

    /// <summary>The view itself, as a figure's source reads it.</summary>
    public object? View { get; init; }

    /// <summary>The sources of the figures a definition may name, by id.</summary>
    public IReadOnlyDictionary<string, IFigureSource> Figures { get; init; } = new Dictionary<string, IFigureSource>();

    /// <summary>The form is printed blank: rows to fill are printed empty.</summary>
    public bool Blank { get; init; }

    /// <summary>
    /// The style of the cells of one resolved look and shading, and their paragraphs' styles: the same look object
    /// for every cell a template repeats, so compared by reference.
    /// </summary>
    internal Dictionary<(CellLook Look, InkColor? Shading), (CellStyle Style, ParagraphStyle[] Paragraphs)> CellStyles { get; } =
        new(new LookComparer());

    /// <summary>The last cell style found: the next cell mostly has the same.</summary>

    /// <summary>The payload paths a Word document binds to content controls (<see cref="Modules.IFormModule.BoundPaths"/>).</summary>
    public IReadOnlySet<string> Bindable { get; init; } = new HashSet<string>();

    /// <summary>
    /// A field's value piece by piece, each path's piece bound to it: null when a path of it is not bindable, or when
    /// the pieces do not make the printed value exactly (the field then prints as one unbound value).
    /// </summary>
    internal IReadOnlyList<FieldPart>? PartsOf(IReadOnlyList<ValuePart> parts, string? value, PayloadValues values)
    {
        if (Bindable.Count == 0) return null;
        var list = new List<FieldPart>();
        if (value is null)
        {
            // Blank: a place to type for each path, a space between them.
            if (!BlankParts(parts, list)) return null;
            return list.Count > 0 ? list : null;
        }
        if (!FilledParts(parts, values, list)) return null;
        var joined = string.Concat(list.Select(p => p.Text));
        return string.Equals(joined, value, StringComparison.Ordinal) ? list : null;
    }

    private bool BlankParts(IReadOnlyList<ValuePart> parts, List<FieldPart> into)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case PathPart p:
                    if (!Bindable.Contains(p.Path)) return false;
                    if (into.Count > 0) into.Add(new FieldPart(" ", null));
                    into.Add(new FieldPart("", new Binding(p.Path)));
                    break;
                case OptionalGroup g:
                    if (!BlankParts(g.Parts, into)) return false;
                    break;
            }
        }
        return true;
    }

    private bool FilledParts(IReadOnlyList<ValuePart> parts, PayloadValues values, List<FieldPart> into)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case LiteralPart l:
                    if (into.Count > 0 && into[^1].Binding is null) into[^1] = into[^1] with { Text = into[^1].Text + l.Text };
                    else into.Add(new FieldPart(l.Text, null));
                    break;
                case PathPart p:
                    if (!Bindable.Contains(p.Path)) return false;
                    var number = values.Get(p.Path);
                    into.Add(new FieldPart(number ?? "", new Binding(p.Path)));
                    // The noun is the document's text, not the value: a Word document reads the number alone back.
                    if (number is not null && p.Plural is { } noun)
                        into.Add(new FieldPart(" " + noun.For(number), null));
                    break;
                case OptionalGroup g:
                    var all = true;
                    foreach (var path in g.Paths) all &= values.Has(path);
                    if (all && !FilledParts(g.Parts, values, into)) return false;
                    break;
            }
        }
        return true;
    }

    /// <summary>Where a paragraph's inlines are gathered before the paragraph is made.</summary>
    internal List<Inline> Inlines { get; } = [];

    /// <summary>
    /// Paragraphs of one plain text (or none) by their style, look and text: a table prints a few of them (the hours
    /// of a day, a day's number, empty cells) in thousands of cells, which share one paragraph. Kept for memory, not
    /// speed (decisions/large-tables.md); the "last asked" memos that stood in front of these tables are gone.
    /// </summary>
    private readonly Dictionary<PlainKey, Paragraph> _plain = new(PlainComparer.Instance);

    private readonly record struct PlainKey(ParagraphStyle Style, Typography Text, float LineHeightPt, TextRun? Run);

    /// <summary>Runs by their text and look: the text of a cell is mostly one of a few (hours, numbers).</summary>
    private readonly Dictionary<(string Text, Typography Type), TextRun> _runs = new(new RunComparer());

    internal TextRun Run(string text, Typography type)
    {
        if (!_runs.TryGetValue((text, type), out var run))
            _runs[(text, type)] = run = new TextRun(text, type);
        return run;
    }

    /// <summary>A paragraph of <paramref name="inlines"/> (copied: the list is used again).</summary>
    internal Paragraph Paragraph(ParagraphStyle style, Typography text, float lineHeightPt, List<Inline> inlines)
    {
        if (inlines.Count > 1 || (inlines.Count == 1 && inlines[0] is not TextRun))
            return new Paragraph(style, text, lineHeightPt, inlines.ToArray()) { BlankRow = Model.Paragraph.IsBlankRow(inlines) };
        var run = inlines.Count == 1 ? (TextRun)inlines[0] : null;
        var key = new PlainKey(style, text, lineHeightPt, run);
        if (!_plain.TryGetValue(key, out var p))
        {
            _plain[key] = p = new Paragraph(style, text, lineHeightPt, run is null ? [] : new Inline[] { run });
            _alone[p] = [p];
        }
        return p;
    }

    private readonly Dictionary<Paragraph, Paragraph[]> _alone = new(ReferenceEqualityComparer.Instance);

    /// <summary>The content of a cell holding only <paramref name="p"/>: one array for every cell of a shared paragraph.</summary>
    internal IReadOnlyList<Paragraph> Alone(Paragraph p)
    {
        return _alone.TryGetValue(p, out var shared) ? shared : [p];
    }

    /// <summary>Styles, looks and runs by reference (one object per look, and per text and look, in a build).</summary>
    private sealed class PlainComparer : IEqualityComparer<PlainKey>
    {
        public static readonly PlainComparer Instance = new();

        public bool Equals(PlainKey a, PlainKey b) =>
            ReferenceEquals(a.Style, b.Style) && ReferenceEquals(a.Text, b.Text) && a.LineHeightPt == b.LineHeightPt && ReferenceEquals(a.Run, b.Run);

        public int GetHashCode(PlainKey k) => HashCode.Combine(
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Style),
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Text),
            k.Run is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Run));
    }

    private sealed class RunComparer : IEqualityComparer<(string Text, Typography Type)>
    {
        public bool Equals((string Text, Typography Type) a, (string Text, Typography Type) b) =>
            ReferenceEquals(a.Type, b.Type) && string.Equals(a.Text, b.Text, StringComparison.Ordinal);

        public int GetHashCode((string Text, Typography Type) k) =>
            HashCode.Combine(string.GetHashCode(k.Text, StringComparison.Ordinal), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Type));
    }

    private sealed class LookComparer : IEqualityComparer<(CellLook Look, InkColor? Shading)>
    {
        public bool Equals((CellLook Look, InkColor? Shading) a, (CellLook Look, InkColor? Shading) b) =>
            ReferenceEquals(a.Look, b.Look) && a.Shading == b.Shading;

        public int GetHashCode((CellLook Look, InkColor? Shading) k) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Look), k.Shading);
    }
}
