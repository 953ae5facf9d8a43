namespace FormsService.Core.Forms.Order733;

/// <summary>
/// The court's decision a form executes: rule 2 speaks of "сот үкімін немесе қаулысын", a verdict (үкім) or a
/// ruling (қаулы, e.g. replacing another punishment with community service). The payload names it; absent, a verdict.
/// </summary>
internal static class VerdictKind
{
    public const string Verdict = "verdict";
    public const string Ruling = "ruling";

    public static readonly IReadOnlyList<string> All = [Verdict, Ruling];

    /// <summary>The words the forms print for <paramref name="kind"/> (null: a verdict) in <paramref name="language"/> (Kazakh by default).</summary>
    public static VerdictWords Words(string? kind, string? language = null) => AkimatReports.ViewWords.Of(language).VerdictOf(kind);
}

/// <summary>The case forms a sentence needs: "үкім келіп түсті", "үкімін орындау үшін", "үкімнің күні", "Үкіммен … сотталды".</summary>
/// <param name="Nominative">үкім / қаулы</param>
/// <param name="Accusative">үкімін / қаулысын (with the court's name before it: "… сотының үкімін")</param>
/// <param name="Genitive">үкімнің / қаулының</param>
/// <param name="Instrumental">Үкіммен / Қаулымен, as a sentence starts with it</param>
internal sealed record VerdictWords(string Nominative, string Accusative, string Genitive, string Instrumental);
