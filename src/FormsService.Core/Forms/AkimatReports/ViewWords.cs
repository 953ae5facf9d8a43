using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>
/// The words the forms' views compute (a verdict's case, the kinds of evasion, the remarks a report prints when there
/// is nothing to report) in the language of the document they go into: its definition's <c>language</c>. A language
/// variant's fixed text is data (its <c>definition.ru.json</c>); these are the few phrases code chooses, each with its
/// grammar (Kazakh's cases), so they live beside the code. Months and periods: <see cref="MonthTexts"/>, from the
/// engine's date words.
/// </summary>
internal sealed record ViewWords
{
    /// <summary>
    /// The words of <paramref name="language"/>: Russian for <c>ru</c>, else Kazakh (the forms' own language); the
    /// catalogue refuses a definition in any other language at start-up.
    /// </summary>
    public static ViewWords Of(string? language) => language == "ru" ? Russian : Kazakh;

    public required string Language { get; init; }
    public required VerdictWords Verdict { get; init; }
    public required VerdictWords Ruling { get; init; }
    public required IReadOnlyDictionary<string, string> EvasionKinds { get; init; }
    public required string NoExplanation { get; init; }
    public required string NoBreaches { get; init; }
    public required string SentenceServed { get; init; }
    /// <summary>Rule 2 2)'s limit for a person with a job or studies, and for one without either, in the rule's words.</summary>
    public required string FourHours { get; init; }
    public required string EightHours { get; init; }

    /// <summary>The words the forms print for a verdict kind (null: a verdict).</summary>
    public VerdictWords VerdictOf(string? kind) => kind == VerdictKind.Ruling ? Ruling : Verdict;

    public static readonly ViewWords Kazakh = new()
    {
        Language = "kk",
        Verdict = new("үкім", "үкімін", "үкімнің", "Үкіммен"),
        Ruling = new("қаулы", "қаулысын", "қаулының", "Қаулымен"),
        EvasionKinds = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["absent"] = "қоғамдық жұмыстарға дәлелді себепсіз шықпады",
            ["refused"] = "қоғамдық жұмыстарды орындаудан бас тартты",
            ["left"] = "жұмыс орнын рұқсатсыз тастап кетті",
            [EvasionReport.EvasionKinds.Other] = "өзге де жалтару",
        },
        NoExplanation = "Сотталған түсініктеме берген жоқ.",
        NoBreaches = "Есептік айда еңбек тәртібін және жазаны өтеу тәртібін бұзу фактілері болған жоқ.",
        SentenceServed = "Жаза толық өтелді",
        FourHours = "күніне төрт сағаттан аспайтын",
        EightHours = "тұрақты жұмыс орны жоқ және оқу орындарында оқымайтын сотталғандар үшін күніне сегіз сағатқа дейінгі, бірақ аптасына қырық сағаттан аспайтын",
    };

    /// <summary>
    /// Russian as Russian-language acts of Kazakhstan's akimats word it: the Penal Enforcement Code's "приговор
    /// (постановление) суда", "уклонение от отбывания наказания", a month's title in the nominative ("ноябрь 2025
    /// года"), a date's month in the genitive.
    /// </summary>
    public static readonly ViewWords Russian = new()
    {
        Language = "ru",
        Verdict = new("приговор", "приговор", "приговора", "Приговором"),
        Ruling = new("постановление", "постановление", "постановления", "Постановлением"),
        EvasionKinds = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["absent"] = "не вышел(ла) на общественные работы без уважительной причины",
            ["refused"] = "отказался(лась) от выполнения общественных работ",
            ["left"] = "самовольно оставил(а) место работы",
            [EvasionReport.EvasionKinds.Other] = "иное уклонение",
        },
        NoExplanation = "Осужденный(ая) объяснения не дал(а).",
        NoBreaches = "Фактов нарушения трудовой дисциплины и порядка отбывания наказания в отчетном месяце не было.",
        SentenceServed = "Наказание отбыто полностью",
        FourHours = "не более четырех часов в день",
        EightHours = "для осужденных, не имеющих постоянного места работы и не обучающихся в учебных заведениях, – до восьми часов в день, но не более сорока часов в неделю",
    };
}
