using System.Text;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Tests.Layout;

/// <summary>
/// What the layout records for a writer of the model (the DOCX): where each printed line ends in the paragraph's
/// inlines and which inline each drawn blank is. Checked against the printed lines themselves: the model's text from
/// one recorded end to the next is the text the line prints.
/// </summary>
public sealed class LayoutFactsTests
{
    private static readonly string Words = string.Join(' ', Enumerable.Repeat("Алматы облысы Қарасай ауданының Қаскелең қаласындағы ауданаралық сотының 2-бөлімшесі", 3));

    public static TheoryData<string> Values => ["Сейітқалиев", "", string.Join(' ', Enumerable.Repeat("О'Нил-Сейітова Әйгерім", 6))];

    [Theory]
    [MemberData(nameof(Values))]
    public void Each_printed_line_ends_where_the_layout_recorded_it_in_the_model(string value)
    {
        var blank = new Field(value.Length == 0 ? null : value, "(тегі, аты)", Units.MmToPt(40), false, Models.Body, Models.Caption);
        var fill = new Field(null, null, Units.MmToPt(20), true, Models.Body, Models.Caption);
        var p = new Paragraph(new ParagraphStyle(), Models.Body, Models.Body.SizePt * 1.15f,
            [new TextRun(Words + " ", Models.Body), blank, new TextRun(" " + Words, Models.Body), LineBreak.Instance, new TextRun("жылғы ", Models.Body), fill]);
        var laid = Models.Lay(Models.Document(p));

        var lines = laid.Blocks.OfType<LaidOutParagraph>().Single().Lines;
        var recorded = laid.Facts.LinesOf(p);
        Assert.True(lines.Count >= 5, $"{lines.Count} lines");
        Assert.Equal(lines.Count, recorded.Count);
        var from = new InlinePosition(0, 0);
        for (var k = 0; k < lines.Count; k++)
        {
            var end = recorded[k].EndAt;
            Assert.True(end.CompareTo(from) >= 0, $"line {k} ends at {end}, before {from}");
            Assert.Equal(Letters(string.Concat(lines[k].Segments.Select(s => s.Text))), Letters(Slice(p.Inlines, from, end)));
            from = end;
        }
        Assert.Equal(new InlinePosition(p.Inlines.Count, 0), from);
        // Every drawn piece of a blank names its inline.
        foreach (var f in recorded.SelectMany(l => l.Segments).OfType<FieldSegment>())
            Assert.IsType<Field>(p.Inlines[f.Inline]);
        Assert.Equal(2, recorded.SelectMany(l => l.Segments).OfType<FieldSegment>().Select(f => f.Inline).Distinct().Count());
    }

    /// <summary>The model's text between two places.</summary>
    private static string Slice(IReadOnlyList<Inline> inlines, InlinePosition from, InlinePosition to)
    {
        var sb = new StringBuilder();
        for (var i = from.Inline; i <= Math.Min(to.Inline, inlines.Count - 1); i++)
        {
            var start = i == from.Inline ? from.Offset : 0;
            var end = i == to.Inline ? to.Offset : int.MaxValue;
            switch (inlines[i])
            {
                case TextRun t:
                    sb.Append(t.Text[Math.Min(start, t.Text.Length)..Math.Min(end, t.Text.Length)]);
                    break;
                case Field { Value: { } value }:
                    // A value continued on the next line ends its line inside it.
                    sb.Append(value[Math.Min(start, value.Length)..Math.Min(end, value.Length)]);
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Letters(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
