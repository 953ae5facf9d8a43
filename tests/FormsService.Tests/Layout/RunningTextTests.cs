using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;

namespace FormsService.Tests.Layout;

/// <summary>Headers and footers: on every page, inside their margin, with that page's number and the page count.</summary>
public sealed class RunningTextTests
{
    private static RunningText Running(RunningPosition position, string before, string between) => new(position,
        new Paragraph(new ParagraphStyle(Align: Alignment.Center), Models.Caption, Models.Caption.SizePt * 1.15f,
            [new TextRun(before, Models.Caption), new PageNumber(PageNumberKind.Page, Models.Caption), new TextRun(between, Models.Caption), new PageNumber(PageNumberKind.Pages, Models.Caption)]));

    private static LaidOutDocument ThreePages() => Models.Lay(Models.Document(Models.Text("бір"), PageBreak.Instance, Models.Text("екі"), PageBreak.Instance, Models.Text("үш")) with
    {
        Header = Running(RunningPosition.Header, "Бет ", " / "),
        Footer = Running(RunningPosition.Footer, "", "-бет, барлығы "),
    });

    private static string Text(LaidOutRunningText r) => string.Concat(r.Content.Lines.SelectMany(l => l.Segments).Select(s => s.Text));

    [Fact]
    public void Every_page_gets_its_own_number_and_the_page_count()
    {
        var laid = ThreePages();
        Assert.Equal(3, laid.PageCount);
        var headers = laid.Blocks.OfType<LaidOutRunningText>().Where(r => r.Source.Position == RunningPosition.Header).ToList();
        var footers = laid.Blocks.OfType<LaidOutRunningText>().Where(r => r.Source.Position == RunningPosition.Footer).ToList();
        Assert.Equal(["Бет 1 / 3", "Бет 2 / 3", "Бет 3 / 3"], headers.Select(Text));
        Assert.Equal(["1-бет, барлығы 3", "2-бет, барлығы 3", "3-бет, барлығы 3"], footers.Select(Text));
        Assert.Equal([0, 1, 2], footers.Select(f => f.Content.Lines[0].Page));
    }

    [Fact]
    public void Header_and_footer_sit_centred_in_their_margins()
    {
        var laid = ThreePages();
        var page = laid.Source.Page;
        foreach (var r in laid.Blocks.OfType<LaidOutRunningText>())
        {
            var line = r.Content.Lines.Single();
            if (r.Source.Position == RunningPosition.Header)
                Assert.True(line.Top >= 0 && line.Top + line.Height <= page.MarginTop + 0.01f, $"header at {line.Top:F1}–{line.Top + line.Height:F1}");
            else
                Assert.True(line.Top >= page.Height - page.MarginBottom - 0.01f && line.Top + line.Height <= page.Height, $"footer at {line.Top:F1}");
            var s = line.Segments;
            Assert.Equal(page.ContentWidth / 2, (s[0].X + s[^1].X + s[^1].Width) / 2, 0.05f);
        }
        // And the flow is not moved by them: the body starts at the top margin.
        Assert.Equal(page.MarginTop, laid.Blocks.OfType<LaidOutParagraph>().First().Lines[0].Top, 0.01f);
    }
}
