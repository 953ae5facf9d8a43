namespace FormsService.Core.Forms.EvasionReport;

/// <summary>The kinds of evasion a report names, with the words the report prints for each.</summary>
internal static class EvasionKinds
{
    public const string Other = "other";

    /// <summary>The kinds, with their Kazakh words (<see cref="AkimatReports.ViewWords"/> has them in each language).</summary>
    public static IReadOnlyDictionary<string, string> Texts => AkimatReports.ViewWords.Kazakh.EvasionKinds;
}
