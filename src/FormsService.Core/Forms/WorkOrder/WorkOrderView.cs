using FormsService.Core.Forms.Order733;

namespace FormsService.Core.Forms.WorkOrder;

/// <summary>
/// What the order prints: the payload, the verdict's or ruling's words in the cases the sentences need, the limit of
/// rule 2 2) that applies to this person only, and the signature as akims' acts print it.
/// </summary>
internal sealed record WorkOrderView
{
    public required WorkOrderAkimat Akimat { get; init; }
    public required WorkOrderDetails Order { get; init; }
    public required WorkOrderVerdict Verdict { get; init; }
    public required WorkOrderConvict Convict { get; init; }
    public required WorkOrderWork Work { get; init; }
    public required WorkOrderSignatory Signatory { get; init; }
    public WorkOrderControl? Control { get; init; }

    /// <summary>"үкімін" / "қаулысын" and the other cases.</summary>
    public required VerdictWords VerdictWords { get; init; }

    /// <summary>The limit of rule 2 2) in the rule's words, for this person's regime only.</summary>
    public required string WorkingTimeLimit { get; init; }

    /// <summary>"М. Исаев": the initial of the given name, then the surname.</summary>
    public required string SignedName { get; init; }

    internal static WorkOrderView Of(WorkOrderPayload p, string language) => new()
    {
        Akimat = p.Akimat!,
        Order = p.Order!,
        Verdict = p.Verdict!,
        Convict = p.Convict!,
        Work = p.Work!,
        Signatory = p.Signatory!,
        Control = p.Control,
        VerdictWords = VerdictKind.Words(p.Verdict!.Kind, language),
        WorkingTimeLimit = WorkTimeRules.MaxHoursPerDay(p.Convict!.HasPermanentJob!.Value, p.Convict.IsStudent!.Value) == WorkTimeRules.HoursPerDay
            ? AkimatReports.ViewWords.Of(language).FourHours : AkimatReports.ViewWords.Of(language).EightHours,
        SignedName = SignedNames.Of(p.Signatory!.FullName!),
    };
}

/// <summary>
/// A name as Kazakh acts sign it: the initial of the given name and the surname ("М. Исаев"), from the surname, name
/// and patronymic the payloads carry ("Исаев Марат Бекұлы"). A name already written with an initial, or of one word,
/// prints as given.
/// </summary>
internal static class SignedNames
{
    public static string Of(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2 || words.Any(w => w.Contains('.', StringComparison.Ordinal)))
            return fullName.Trim();
        return $"{char.ToUpperInvariant(words[1][0])}. {words[0]}";
    }
}
