using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.AkimatReports;

/// <summary>
/// The words the forms' views compute (a month's title, a period, a verdict's case, the kinds of evasion, the remarks a
/// report prints when there is nothing to report) in the language of the document they go into: its definition's
/// <c>language</c>. A language variant's fixed text is data (its <c>definition.ru.json</c>); these are the few phrases
/// code chooses, each with its grammar (Kazakh's cases, Russian's genitive month), so they live beside the code.
/// </summary>
internal sealed record ViewWords
{
    /// <summary>The words of <paramref name="language"/>: Russian for <c>ru</c>, else Kazakh (the forms' own language).</summary>
    public static ViewWords Of(string? language) => language == "ru" ? Russian : Kazakh;

    public required string Language { get; init; }
    public required IReadOnlyList<string> Months { get; init; }
    /// <summary>Russian: a month's name in the genitive, as a date writes it ("3 ноября"); Kazakh: the locative ("3 қарашада").</summary>
    public required IReadOnlyList<string> MonthsInDates { get; init; }
    public required VerdictWords Verdict { get; init; }
    public required VerdictWords Ruling { get; init; }
    public required IReadOnlyDictionary<string, string> EvasionKinds { get; init; }
    public required string NoExplanation { get; init; }
    public required string NoBreaches { get; init; }
    public required string SentenceServed { get; init; }
    /// <summary>Rule 2 2)'s limit for a person with a job or studies, and for one without either, in the rule's words.</summary>
    public required string FourHours { get; init; }
    public required string EightHours { get; init; }

    /// <summary>A month as a title: "2025 жылғы қараша", "ноябрь 2025 года".</summary>
    public string Month(DateOnly first) => Language == "ru"
        ? $"{Months[first.Month - 1]} {first.Year} года"
        : $"{first.Year} жылғы {Months[first.Month - 1]}";

    /// <summary>
    /// When, inside one month, something was done: "2025 жылғы 1–28 қараша аралығында" / "с 1 по 28 ноября 2025 года"
    /// for a period; one day: "2025 жылғы 5 қарашада" / "5 ноября 2025 года" (a single day is no interval).
    /// </summary>
    public string Period(DateOnly from, DateOnly to) => Language == "ru"
        ? from == to ? $"{from.Day} {MonthsInDates[from.Month - 1]} {from.Year} года" : $"с {from.Day} по {to.Day} {MonthsInDates[from.Month - 1]} {from.Year} года"
        : from == to ? $"{from.Year} жылғы {from.Day} {MonthsInDates[from.Month - 1]}" : $"{from.Year} жылғы {from.Day}–{to.Day} {Months[from.Month - 1]} аралығында";

    /// <summary>The words the forms print for a verdict kind (null: a verdict).</summary>
    public VerdictWords VerdictOf(string? kind) => kind == VerdictKind.Ruling ? Ruling : Verdict;

    public static readonly ViewWords Kazakh = new()
    {
        Language = "kk",
        Months = KazakhMonths.Nominative,
        MonthsInDates = KazakhMonths.Locative,
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
        Months = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
        MonthsInDates = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
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
