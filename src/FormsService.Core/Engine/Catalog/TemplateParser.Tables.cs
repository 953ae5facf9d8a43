using System.Text.Json;
using FormsService.Core.Engine.Kinds;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Catalog;

/// <summary>The table syntax of the definition language (docs/DEFINITIONS.md, "Tables").</summary>
internal sealed partial class TemplateParser
{
    private static readonly HashSet<string> TableKeys = ["if", "columns", "header", "rows", .. LookKeys()];
    private static readonly HashSet<string> ColumnKeys = ["widthMm", "share", "each", "shadeWhen", "shade"];
    private static readonly HashSet<string> RowKeys = ["cells", "each", "breakBefore", "breakWhen", "minHeightMm", "fillBlank", .. LookKeys()];
    private static readonly HashSet<string> FillKeys = ["minHeightMm", "share", "borders"];
    private static readonly HashSet<string> CellKeys =
        ["text", "paragraph", "paragraphs", "colSpan", "rowSpan", "each", "indentMm", "firstLineMm", "spaceBeforePt", "spaceAfterPt", .. LookKeys()];

    private static IEnumerable<string> LookKeys() => ["borders", "paddingMm", "align", "valign", "shading", "bold", "sizePt", "keepTogether"];

    /// <summary>The light grey a shaded column gets when the definition names no colour.</summary>
    private static readonly InkColor DefaultShade = new(0xD9, 0xD9, 0xD9);

    internal TableTemplate ParseTable(JsonElement t, JsonElement block, string blockAt)
    {
        var at = blockAt + ".table";
        if (t.ValueKind != JsonValueKind.Object)
            throw Error(at, "must be an object with 'columns' and 'rows'.");
        OnlyKeys(t, TableKeys, at);
        if (!t.TryGetProperty("columns", out var cols) || cols.ValueKind != JsonValueKind.Array || cols.GetArrayLength() == 0)
            throw Error(at + ".columns", "a table needs a non-empty array of columns.");
        var columns = new List<ColumnTemplate>();
        var i = 0;
        foreach (var c in cols.EnumerateArray())
            columns.Add(ParseColumn(c, $"{at}.columns[{i++}]"));
        var header = t.TryGetProperty("header", out var h) ? ParseRows(h, at + ".header", allowEach: false) : [];
        if (!t.TryGetProperty("rows", out var r))
            throw Error(at + ".rows", "a table needs 'rows'.");
        var rows = ParseRows(r, at + ".rows", allowEach: true);
        CheckStaticWidths(columns, header, at + ".header");
        CheckStaticWidths(columns, rows, at + ".rows");
        var when = t.TryGetProperty("if", out var w) ? Path(String(w, at + ".if"), at + ".if") : null;
        return new TableTemplate(columns, header, rows, Look(t, at), Number(block, "spaceBeforePt", blockAt, 0), Number(block, "spaceAfterPt", blockAt, 0))
        {
            If = when,
        };
    }

    private ColumnTemplate ParseColumn(JsonElement c, string at)
    {
        if (c.ValueKind != JsonValueKind.Object)
            throw Error(at, "a column must be an object with 'widthMm' or 'share'.");
        OnlyKeys(c, ColumnKeys, at);
        var width = Number(c, "widthMm", at, 0);
        var share = Number(c, "share", at, 0);
        if ((width > 0) == (share > 0))
            throw Error(at, "a column needs one of 'widthMm' (> 0) or 'share' (> 0).");
        string? each = null, shadeWhen = null;
        if (c.TryGetProperty("each", out var e))
        {
            each = String(e, at + ".each");
            shadeWhen = InScope(each, at + ".each", () =>
                c.TryGetProperty("shadeWhen", out var s) ? Path(String(s, at + ".shadeWhen"), at + ".shadeWhen") : null);
        }
        else if (c.TryGetProperty("shadeWhen", out _))
        {
            throw Error(at + ".shadeWhen", "only a column repeated with 'each' can be shaded by its item.");
        }
        return new ColumnTemplate(width, share, each, shadeWhen, Color(c, "shade", at) ?? DefaultShade);
    }

    private List<RowTemplate> ParseRows(JsonElement rows, string at, bool allowEach)
    {
        if (rows.ValueKind != JsonValueKind.Array)
            throw Error(at, "must be an array of rows.");
        var list = new List<RowTemplate>();
        var i = 0;
        foreach (var row in rows.EnumerateArray())
            list.Add(ParseRow(row, $"{at}[{i++}]", allowEach));
        return list;
    }

    private RowTemplate ParseRow(JsonElement r, string at, bool allowEach)
    {
        if (r.ValueKind != JsonValueKind.Object)
            throw Error(at, "a row must be an object with 'cells'.");
        OnlyKeys(r, RowKeys, at);
        if (!r.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
            throw Error(at + ".cells", "a row needs an array of cells.");
        string? each = null;
        if (r.TryGetProperty("each", out var e))
        {
            if (!allowEach)
                throw Error(at + ".each", "header rows repeat on every page; they cannot repeat over an array.");
            each = String(e, at + ".each");
        }
        List<CellTemplate> Cells()
        {
            var list = new List<CellTemplate>();
            var i = 0;
            foreach (var c in cells.EnumerateArray())
                list.Add(ParseCell(c, $"{at}.cells[{i++}]"));
            return list;
        }
        string? BreakWhen() => r.TryGetProperty("breakWhen", out var b) ? Path(String(b, at + ".breakWhen"), at + ".breakWhen") : null;
        var (parsed, breakWhen) = each is null ? (Cells(), (string?)null) : InScope(each, at + ".each", () => (Cells(), BreakWhen()));
        if (each is null && r.TryGetProperty("breakWhen", out _))
            throw Error(at + ".breakWhen", "only a row repeated with 'each' can break by its item; use 'breakBefore'.");
        bool? keep = r.TryGetProperty("keepTogether", out _) ? Bool(r, "keepTogether", at) : null;
        return new RowTemplate(parsed, each, keep, Bool(r, "breakBefore", at), breakWhen, Number(r, "minHeightMm", at, 0), Look(r, at))
        {
            Fill = Fill(r, at),
        };
    }

    /// <summary>"fillBlank": true, or { "minHeightMm": 8, "share": 2, "borders": { "bottom": 0.5 } }.</summary>
    private BlankFill? Fill(JsonElement r, string at)
    {
        if (!r.TryGetProperty("fillBlank", out var f))
            return null;
        var fat = at + ".fillBlank";
        if (f.ValueKind == JsonValueKind.True)
            return new BlankFill(0, 1, null);
        if (f.ValueKind != JsonValueKind.Object)
            throw Error(fat, "must be true or an object with 'minHeightMm', 'share', 'borders'.");
        OnlyKeys(f, FillKeys, fat);
        var share = Number(f, "share", fat, 1);
        if (share <= 0)
            throw Error(fat + ".share", "must be a number above 0.");
        return new BlankFill(Number(f, "minHeightMm", fat, 0), share, Edges(f, fat));
    }

    private CellTemplate ParseCell(JsonElement c, string at)
    {
        if (c.ValueKind == JsonValueKind.String)
            return new CellTemplate([new ParagraphTemplate(new ParagraphStyle(), null, null, [new TextTemplate(c.GetString()!, RunStyle.Normal)])], 1, 1, null, CellLook.None);
        if (c.ValueKind != JsonValueKind.Object)
            throw Error(at, "a cell must be a text or an object.");
        OnlyKeys(c, CellKeys, at);
        // "group": to the end of the repeated column group the cell starts in, written as 0.
        var colSpan = c.TryGetProperty("colSpan", out var cs) && cs.ValueKind == JsonValueKind.String
            ? (cs.GetString() == "group" ? 0 : throw Error(at + ".colSpan", "must be a whole number from 1, or \"group\"."))
            : Span(c, "colSpan", at);
        var rowSpan = Span(c, "rowSpan", at);
        string? each = c.TryGetProperty("each", out var e) ? String(e, at + ".each") : null;
        if (each is not null && colSpan != 1)
            throw Error(at + ".colSpan", "a cell repeated with 'each' takes one column per item.");
        List<ParagraphTemplate> Content()
        {
            if (c.TryGetProperty("text", out var text))
                return [new ParagraphTemplate(new ParagraphStyle(), null, null, [new TextTemplate(String(text, at + ".text"), RunStyle.Normal)])];
            if (c.TryGetProperty("paragraph", out _))
                return [ParagraphKind.ParseParagraph(c, this, at)];
            if (c.TryGetProperty("paragraphs", out var ps))
            {
                if (ps.ValueKind != JsonValueKind.Array)
                    throw Error(at + ".paragraphs", "must be an array of paragraph blocks.");
                var list = new List<ParagraphTemplate>();
                var i = 0;
                foreach (var p in ps.EnumerateArray())
                {
                    var pat = $"{at}.paragraphs[{i++}]";
                    if (p.ValueKind != JsonValueKind.Object || !p.TryGetProperty("paragraph", out _))
                        throw Error(pat, "must be a paragraph block: { \"paragraph\": [...] }.");
                    list.Add(ParagraphKind.ParseParagraph(p, this, pat));
                }
                return list;
            }
            return [];
        }
        var content = each is null ? Content() : InScope(each, at + ".each", Content);
        return new CellTemplate(content, colSpan, rowSpan, each, Look(c, at));
    }

    private int Span(JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var v)) return 1;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n) || n < 1 || n > 100)
            throw Error($"{at}.{name}", "must be a whole number from 1 to 100.");
        return n;
    }

    private CellLook Look(JsonElement obj, string at)
    {
        Padding? padding = null;
        if (obj.TryGetProperty("paddingMm", out var p))
        {
            if (p.ValueKind == JsonValueKind.Number)
            {
                padding = Padding.All(Units.MmToPt(Number(obj, "paddingMm", at, 0)));
            }
            else if (p.ValueKind == JsonValueKind.Array && p.GetArrayLength() == 4
                && p.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number && x.GetSingle() is >= 0 and <= 50))
            {
                var v = p.EnumerateArray().Select(x => Units.MmToPt(x.GetSingle())).ToArray();
                padding = new Padding(v[0], v[1], v[2], v[3]);
            }
            else
            {
                throw Error(at + ".paddingMm", "must be a number or [top, right, bottom, left], from 0 to 50 mm.");
            }
        }
        bool? bold = obj.TryGetProperty("bold", out _) ? Bool(obj, "bold", at) : null;
        bool? keep = obj.TryGetProperty("keepTogether", out _) ? Bool(obj, "keepTogether", at) : null;
        float? size = obj.TryGetProperty("sizePt", out _) ? Size(obj, "sizePt", at) : null;
        Alignment? align = obj.TryGetProperty("align", out _) ? Enum(obj, "align", at, Alignment.Left) : null;
        VerticalAlignment? valign = obj.TryGetProperty("valign", out _) ? Enum(obj, "valign", at, VerticalAlignment.Top) : null;
        return new CellLook(Edges(obj, at), padding, align, valign, Color(obj, "shading", at), bold, size, keep);
    }

    /// <summary>"borders": 0.5 (every edge), "none", or { "top": 1, "bottom": 0.5, "color": "#000000" }.</summary>
    private EdgeSpec? Edges(JsonElement obj, string at)
    {
        if (!obj.TryGetProperty("borders", out var b)) return null;
        var bat = at + ".borders";
        if (b.ValueKind == JsonValueKind.String && b.GetString() == "none")
            return new EdgeSpec(Border.None, Border.None, Border.None, Border.None);
        if (b.ValueKind == JsonValueKind.Number)
        {
            var all = new Border(BorderWidth(b, bat));
            return new EdgeSpec(all, all, all, all);
        }
        if (b.ValueKind != JsonValueKind.Object)
            throw Error(bat, "must be a width in points, \"none\", or an object of edges.");
        OnlyKeys(b, ["top", "right", "bottom", "left", "color"], bat);
        var color = Color(b, "color", bat) ?? InkColor.Black;
        Border? Edge(string name) => b.TryGetProperty(name, out var w) ? new Border(BorderWidth(w, $"{bat}.{name}"), color) : null;
        return new EdgeSpec(Edge("top"), Edge("right"), Edge("bottom"), Edge("left"));
    }

    private float BorderWidth(JsonElement v, string at) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetSingle(out var w) && w is >= 0 and <= 6 ? w : throw Error(at, "must be a width from 0 to 6 points.");

    /// <summary>Rows without repeated cells must not hold more columns than the table has.</summary>
    private void CheckStaticWidths(IReadOnlyList<ColumnTemplate> columns, IReadOnlyList<RowTemplate> rows, string at)
    {
        if (columns.Any(c => c.Each is not null)) return;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Cells.Any(c => c.ColumnSpan == 0))
                throw Error($"{at}[{i}].cells", "\"colSpan\": \"group\" needs a column repeated with 'each'.");
            var used = rows[i].Cells.Sum(c => c.ColumnSpan);
            if (used > columns.Count)
                throw Error($"{at}[{i}].cells", $"the row spans {used} columns; the table has {columns.Count}.");
        }
    }

    private void OnlyKeys(JsonElement obj, HashSet<string> known, string at)
    {
        foreach (var p in obj.EnumerateObject())
            if (!known.Contains(p.Name))
                throw Error($"{at}.{p.Name}", $"is not known here; known: {string.Join(", ", known)}.");
    }
}
