namespace FormsService.Core.Forms.AkimatReports;

/// <summary>An item with no values: a template row repeated over a list of zero or one of them prints or not.</summary>
public sealed record RowMarker
{
    public static readonly RowMarker Once = new();
}
