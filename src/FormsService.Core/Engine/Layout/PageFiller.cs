using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Layout;

/// <summary>
/// The rows to fill of a blank form (<see cref="TableRow.FillShare"/>), repeated so that they fill the rest of their
/// page: how many fit is known only once the page is laid out, so the document is laid out with each such row once,
/// the room left at the foot of its page is shared among them, and the document with the rows repeated is laid out
/// again. The result's <see cref="LaidOutDocument.Source"/> holds the repeated rows, so every writer prints as many.
/// </summary>
internal static class PageFiller
{
    /// <summary>Layouts tried after the first at most: each gives back one row should rounding lengthen the document.</summary>
    private const int Attempts = 8;

    public static bool HasRowsToFill(Document document)
    {
        if (document.PageFilled)
            return false;
        foreach (var block in document.Blocks)
            if (block is Table t && t.Rows.Any(r => r.FillShare > 0))
                return true;
        return false;
    }

    private sealed record Slot(Table Table, int Row, int Page, float Height, float Share);

    public static LaidOutDocument Fill(LaidOutDocument first, Flow flow, Func<Document, (LaidOutDocument Laid, Flow Flow)> layout)
    {
        var slots = new List<Slot>();
        foreach (var t in first.Blocks.OfType<LaidOutTable>())
            foreach (var r in t.Rows)
                if (!r.IsHeader && !r.Continued && t.Source.Rows[r.RowIndex].FillShare is > 0 and var share)
                    slots.Add(new Slot(t.Source, r.RowIndex, r.Page, r.Height, share));
        if (slots.Count == 0)
            return first;
        var counts = new int[slots.Count];
        for (var i = 0; i < slots.Count; i++)
        {
            var s = slots[i];
            var shares = slots.Where(o => o.Page == s.Page).Sum(o => o.Share);
            var room = Free(flow, s.Page, slots) * s.Share / shares;
            counts[i] = 1 + (s.Height > 0 ? (int)Math.Floor((room + 0.01f) / s.Height) : 0);
        }
        // What the shares leave over (each rounds down) goes, a row at a time, to the tables it still fits, largest
        // share first: less than one row of any of them stays empty at the foot.
        foreach (var page in slots.Select(s => s.Page).Distinct().ToList())
        {
            var on = Enumerable.Range(0, slots.Count).Where(i => slots[i].Page == page && slots[i].Height > 0)
                .OrderByDescending(i => slots[i].Share).ThenBy(i => i).ToList();
            var left = Free(flow, page, slots) - on.Sum(i => (counts[i] - 1) * slots[i].Height);
            for (var added = true; added;)
            {
                added = false;
                foreach (var i in on)
                {
                    if (slots[i].Height > left + 0.01f) continue;
                    counts[i]++;
                    left -= slots[i].Height;
                    added = true;
                }
            }
        }
        for (var attempt = 0; ; attempt++)
        {
            var (laid, _) = layout(Repeated(first.Source, slots, counts));
            if (laid.PageCount <= first.PageCount || attempt == Attempts || counts.All(c => c <= 1))
                return laid;
            counts[Array.IndexOf(counts, counts.Max())]--;
        }
    }

    /// <summary>
    /// The room rows may fill on a page: all of it but <see cref="ReserveRows"/> of its tallest row to fill, kept for
    /// values a clerk types longer than their blanks (in Word, or by hand) without pushing the signature off the page.
    /// </summary>
    private static float Free(Flow flow, int page, List<Slot> slots) =>
        Math.Max(0, flow.FreeOn(page) - ReserveRows * slots.Where(s => s.Page == page).Max(s => s.Height));

    private const int ReserveRows = 2;

    /// <summary>The document with each slot's row printed <paramref name="counts"/> times.</summary>
    private static Document Repeated(Document document, List<Slot> slots, int[] counts)
    {
        var blocks = new List<Block>(document.Blocks.Count);
        foreach (var block in document.Blocks)
        {
            if (block is not Table t || !slots.Any(s => ReferenceEquals(s.Table, t)))
            {
                blocks.Add(block);
                continue;
            }
            var rows = new List<TableRow>(t.Rows.Count + counts.Sum());
            for (var i = 0; i < t.Rows.Count; i++)
            {
                var k = slots.FindIndex(s => ReferenceEquals(s.Table, t) && s.Row == i);
                if (k < 0)
                {
                    rows.Add(t.Rows[i]);
                    continue;
                }
                for (var n = 0; n < counts[k]; n++)
                    rows.Add(t.Rows[i] with { });
            }
            blocks.Add(t with { Rows = rows });
        }
        return document with { Blocks = blocks, PageFilled = true };
    }
}
