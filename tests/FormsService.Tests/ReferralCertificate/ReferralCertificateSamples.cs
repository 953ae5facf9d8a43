using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.ReferralCertificate;

/// <summary>The sample payload and variations of it.</summary>
public static class ReferralCertificateSamples
{
    public const string RenderUrl = "/api/forms/referral-certificate/render";

    public static string Example => Repo.Example("referral-certificate");

    public static string With(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Example)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    /// <summary>The official text of the form (with FORMS-SOURCE.md's repairs), as a reader sees it.</summary>
    public static readonly string[] OfficialPhrases =
    [
        "Пробация қызметінің жұмысын ұйымдастыру қағидаларына 3-қосымша",
        "Нысан",
        "басшы",
        "(жергілікті атқарушы органның атауы)",
        "Қоғамдық жұмыстарды орындау үшін АНЫҚТАМА-ЖОЛДАМА",
        "Қазақстан Республикасы ҚАК-тың 57, 58, 59-баптарына сәйкес",
        "(сот атауы)",
        "сотымен Қазақстан Республикасы ҚК-нің",
        "бабы бойынша",
        "сағат қоғамдық жұмыстарға сотталған",
        "(тегі, аты, әкесінің аты (ол болған жағдайда), туған жылы,",
        "тұрғылықты жері, негізгі жұмыс (оқу) орны)",
        "жазасын өтеу үшін жіберіледі.",
        "М.О.",
        "(органның атауы)",
        "Бастығы (аға инспекторы, инспекторы)",
        "(атағы, тегі, аты-жөні)",
        "(қолы)",
        "кесу сызығы",
        "Жолдаманы алғаннан кейін хабарламаны толтырып, мөрмен растап және дереу Пробация қызметіне жіберілсін.",
        "Хабарлама",
        "пробация қызметіне",
        "Сотталған",
        "(тегі, аты-жөні)",
        "(жұмыстың атауы)",
        "қоғамдық жұмыстарды орындауға",
        "кірісті.",
        "Басшы",
    ];

    /// <summary>Every value of the sample payload, as it prints.</summary>
    public static readonly string[] FilledValues =
    [
        "Алматы қаласы Әуезов ауданының әкімдігі",
        "Алматы қаласы Әуезов аудандық № 2",
        "190",
        "120",
        "Сейтқалиев Нұрлан Ерболұлы, 1990 жылы туған",
        "Алматы қ., Әуезов ауданы, Абай даңғылы 150, 12-пәтер, «Қазақтелеком» АҚ, оператор",
        "Алматы қаласы Әуезов ауданының пробация қызметі",
        "полиция капитаны Жұмабекова Айгүл Серікқызы",
        "2025 жылғы \" 14 \" қазан",
        "2025 жылғы \" 20 \" қазан",
        "2025 жылғы \" 23 \" қазан № 14-07/318",
        "Алматы қаласы Әуезов ауданының пробация қызметіне",
        "Сотталған Сейтқалиев Нұрлан Ерболұлы",
        "Аумақты абаттандыру",
        "2025 жылғы \" 23 \" қазан кірісті.",
        "Омаров Бауыржан Қайратұлы",
    ];
}
