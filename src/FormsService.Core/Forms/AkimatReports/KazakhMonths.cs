namespace FormsService.Core.Forms.AkimatReports;

/// <summary>Kazakh month names for the titles and periods the reports' code writes ("2025 жылғы қараша", "5 қарашада").</summary>
internal static class KazakhMonths
{
    public static readonly string[] Nominative =
        ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

    /// <summary>"5 қарашада": a day on which something happened.</summary>
    public static readonly string[] Locative =
        ["қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"];
}
