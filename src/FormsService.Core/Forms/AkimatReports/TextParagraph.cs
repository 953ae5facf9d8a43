namespace FormsService.Core.Forms.AkimatReports;

/// <summary>One paragraph of free text, as an item a template repeats.</summary>
internal sealed record TextParagraph(string Text);
