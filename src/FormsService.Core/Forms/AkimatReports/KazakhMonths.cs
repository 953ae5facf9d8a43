namespace FormsService.Core.Forms.AkimatReports;

/// <summary>Kazakh month names for the titles the reports' code writes ("2025 жылғы қараша").</summary>
internal static class KazakhMonths
{
    public static readonly string[] Nominative =
        ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];
}
