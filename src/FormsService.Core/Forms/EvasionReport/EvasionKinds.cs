namespace FormsService.Core.Forms.EvasionReport;

/// <summary>The kinds of evasion a report names, with the words the report prints for each.</summary>
internal static class EvasionKinds
{
    public const string Other = "other";

    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["absent"] = "қоғамдық жұмыстарға дәлелді себепсіз шықпады",
        ["refused"] = "қоғамдық жұмыстарды орындаудан бас тартты",
        ["left"] = "жұмыс орнын рұқсатсыз тастап кетті",
        [Other] = "өзге де жалтару",
    };
}
