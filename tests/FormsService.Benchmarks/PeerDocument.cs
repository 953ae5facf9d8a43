using System.Text.Json;
using FormsService.Core.Engine.Model;

namespace FormsService.Benchmarks;

/// <summary>
/// Writes the filled referral-certificate's document model (text, fields, styles, page) as JSON, so the peer
/// (tests/load/peer, pdfmake) lays out exactly the same text with the same font.
/// </summary>
internal static class PeerDocument
{
    public static void Write(string formId, TextWriter output)
    {
        var document = Fixture.Engine.Lay(Fixture.VersionOf(formId), Fixture.Payload(formId)).Source;
        var blocks = new List<object>();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    blocks.Add(new
                    {
                        kind = "paragraph",
                        align = p.Style.Align.ToString().ToLowerInvariant(),
                        indentLeft = p.Style.IndentLeftPt,
                        firstLine = p.Style.FirstLinePt,
                        spaceBefore = p.Style.SpaceBeforePt,
                        spaceAfter = p.Style.SpaceAfterPt,
                        bold = p.Text.Face.Bold,
                        size = (float?)p.Text.SizePt,
                        inlines = p.Inlines.Select<Inline, object>(i => i switch
                        {
                            TextRun t => new { kind = "text", text = t.Text, t.Type.Face.Bold, t.Type.Face.Italic, Small = t.Type.SizePt < p.Text.SizePt, t.Type.Underline },
                            Field f => new { kind = "field", text = f.Value ?? "", caption = f.Caption, minWidth = f.MinWidthPt, fill = f.Fill, f.Type.Face.Bold, f.Type.Face.Italic, Small = f.Type.SizePt < p.Text.SizePt },
                            _ => new { kind = "break" },
                        }).ToList(),
                    });
                    break;
                case CutLine c:
                    blocks.Add(new { kind = "cut", label = c.Label, spaceBefore = c.SpaceBeforePt, spaceAfter = c.SpaceAfterPt });
                    break;
            }
        }
        var page = document.Page;
        var model = new
        {
            title = document.Info.Title,
            page = new { width = page.Width, height = page.Height, margins = new[] { page.MarginLeft, page.MarginTop, page.MarginRight, page.MarginBottom } },
            size = document.Styles.SizePt,
            captionSize = document.Styles.CaptionSizePt,
            lineSpacing = document.Styles.LineSpacing,
            blocks,
        };
        output.WriteLine(JsonSerializer.Serialize(model, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }
}
