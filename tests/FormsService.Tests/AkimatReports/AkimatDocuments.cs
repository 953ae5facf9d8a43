namespace FormsService.Tests.AkimatReports;

/// <summary>What each of the akimat's five documents must print from its example: fixed words and every value, computed ones included.</summary>
public static class AkimatDocuments
{
    public static readonly string[] FormIds = ["verdict-receipt-notice", "time-sheet", "work-act", "conduct-report", "evasion-report"];

    private static readonly string[] Person =
        ["Сейтқалиев Нұрлан Ерболұлы, 1990 жылы туған", "Алматы қ., Әуезов ауданы, Абай даңғылы 150, 12-пәтер"];

    private static readonly string[] Letter =
        ["Алматы қаласы Әуезов ауданының әкімдігі", "Алматы қаласы Әуезов ауданының пробация қызметі", "М.О."];

    public static readonly IReadOnlyDictionary<string, string[]> Expected = new Dictionary<string, string[]>
    {
        ["verdict-receipt-notice"] =
        [
            .. Letter, .. Person, "Сот үкімін алғаны туралы", "ХАБАРЛАМА",
            "Жазалаудың осы түріне сотталған адамдардың қоғамдық жұмыстарды орындауын ұйымдастыру қағидаларының 2-тармағының 3) тармақшасына сәйкес",
            "2025 жылғы 21 қазандағы № 04-12/318", "Алматы қаласы Әуезов аудандық № 2 сотының 2025 жылғы 14 қазандағы үкімін",
            "2025 жылғы 16 қазанда алғанын хабарлайды", "ҚК-нің 190-бабы бойынша 120 сағат", "2025 жылғы 21 қазандағы № 47 өкім қоса жіберіледі", "Әуезов ауданының әкімі", "Исаев Марат Бекұлы",
        ],
        ["time-sheet"] =
        [
            "Жұмыс істелген уақытты есепке алу табелі", "2025 жылғы қараша", "Алматы қаласы Әуезов ауданының әкімдігі",
            "«Әуезов Абаттандыру» ЖШС", "Әуезов ауданының «Ботаникалық» саябағы",
            "1 Сейтқалиев Нұрлан Ерболұлы", "2 Жақсыбекова Айгүл Маратқызы", "3 Омаров Тимур",
            "120 48 76 44", "240 100 100 140", "60 16 36 24", "Барлығы", "164 212",
            "кешіктірмей жіберіледі", "Жасалған күні: 2025 жылғы 28 қараша", "Әуезов ауданы әкімі аппаратының бас маманы", "Ахметова Динара Серікқызы", "1-бет / 1",
        ],
        ["work-act"] =
        [
            .. Person, "Орындалған жұмыстар", "АКТІСІ", "2025 жылғы 28 қарашадағы № 12-А", "2025 жылғы 1–28 қараша аралығында",
            "2-1-тармағының 2) тармақшасына сәйкес", "Әуезов ауданының «Ботаникалық» саябағы", "«Әуезов Абаттандыру» ЖШС",
            "1 03.11.2025 Саябақ аллеяларын түскен жапырақтан тазалау 4", "12 28.11.2025 Жолдарды қардан тазалау 4",
            "Барлығы 48", "Кезеңде барлығы 48 сағат", "«Әуезов Абаттандыру» ЖШС директоры", "Бекмұхамбетов Ерлан Қайратұлы",
            "Әуезов ауданы әкімінің орынбасары", "Нұрпейісова Гүлнар Әскерқызы", "М.О.",
        ],
        ["conduct-report"] =
        [
            .. Letter, .. Person, "Сотталған адамның мінез-құлқы туралы", "АҚПАРАТ", "2025 жылғы 28 қарашадағы № 04-12/402",
            "2-1-тармағының 2) тармақшасына сәйкес", "2025 жылғы қараша", "Әуезов ауданының «Ботаникалық» саябағы",
            "Сотталған жұмысқа белгіленген кестеге сәйкес шығып, берілген тапсырмаларды толық орындады.",
            "Еңбек қауіпсіздігі талаптарын сақтайды, кеудешені және берілген құрал-саймандарды мақсатына сай пайдаланады.",
            "1 12.11.2025 Жұмысқа 40 минут кешігіп келді; ауызша ескерту жасалды",
            "Әуезов ауданы әкімінің орынбасары", "Нұрпейісова Гүлнар Әскерқызы",
        ],
        ["evasion-report"] =
        [
            .. Letter, .. Person, "Сотталған адамның қоғамдық жұмыстарды орындаудан жалтару фактісі туралы", "ХАБАРЛАМА",
            "2-1-тармағының 3) тармақшасына сәйкес", "2025 жылғы 5 желтоқсандағы № 04-12/431", "2025 жылғы 21 қазандағы № 47 өкімді бұзып",
            "01.12.2025", "03.12.2025", "04.12.2025",
            "Науқастанғанын айтты, бірақ оны растайтын құжат ұсынбады.", "Нұрпейісова Гүлнар Әскерқызы",
        ],
    };

    /// <summary>Texts of table cells that wrap inside their cell: extraction interleaves their lines with the next cells', so their words are checked.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> CellTexts = new Dictionary<string, string[]>
    {
        ["verdict-receipt-notice"] = [],
        ["time-sheet"] =
        [
            "Сотталғанның тегі, аты, әкесінің аты (ол болған жағдайда)", "Жаза мерзімі, сағат", "Осы айда істелгені, сағат",
            "Басынан бері барлығы, сағат", "Жазаның қалғаны, сағат",
        ],
        ["work-act"] = ["Орындалған жұмыстың сипаттамасы"],
        ["conduct-report"] = ["Бұзушылықтың сипаттамасы"],
        ["evasion-report"] =
        [
            "қоғамдық жұмыстарға дәлелді себепсіз шықпады", "жұмыс орнын рұқсатсыз тастап кетті",
            "Сағат 10:30-да жұмыс орнын жауапты ұйымның өкіліне ескертпей тастап кетті", "Жалтару түрі", "Мән-жайы",
        ],
    };

    /// <summary>Every word of each phrase is among the text's words (punctuation at a word's end aside).</summary>
    public static void AssertWordsOf(string text, IEnumerable<string> phrases)
    {
        static IEnumerable<string> Words(string s) =>
            s.Replace('\u2011', '-').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ';', ':')).Where(w => w.Length > 0);
        var words = Words(text).ToHashSet(StringComparer.Ordinal);
        var missing = phrases.SelectMany(Words).Where(w => !words.Contains(w)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing words: " + string.Join(" | ", missing) + "\nText: " + text);
    }

    public static TheoryData<string> Forms()
    {
        var data = new TheoryData<string>();
        foreach (var id in FormIds) data.Add(id);
        return data;
    }
}
