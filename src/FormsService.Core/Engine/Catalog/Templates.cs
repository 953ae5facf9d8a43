using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Catalog;

/// <summary>A form's body as parsed once from its definition: blocks of inlines bound to payload paths.</summary>
internal abstract record BlockTemplate;

/// <param name="Bold">Null: the surrounding default (a table cell's, else not bold).</param>
/// <param name="SizePt">Null: the surrounding default (a table cell's, else the definition's size).</param>
internal sealed record ParagraphTemplate(ParagraphStyle Style, bool? Bold, float? SizePt, IReadOnlyList<InlineTemplate> Inlines) : BlockTemplate;

internal sealed record PageBreakTemplate : BlockTemplate;

/// <summary>The definition's header or footer (<c>page.header</c>, <c>page.footer</c>): one paragraph on every page.</summary>
internal sealed record RunningTemplate(RunningPosition Position, ParagraphTemplate Content);

internal sealed record CutLineTemplate(string Label, float SpaceBeforePt, float SpaceAfterPt) : BlockTemplate;

internal sealed record FigureTemplate(string FigureId, float WidthMm, float HeightMm, float SpaceBeforePt, float SpaceAfterPt) : BlockTemplate;

internal abstract record InlineTemplate;

internal sealed record TextTemplate(string Text, RunStyle Style) : InlineTemplate;

/// <summary>A blank: its value from a template over payload paths; printed empty when <see cref="When"/> is absent.</summary>
internal sealed record FieldTemplate(ValueTemplate Value, string? Caption, float MinWidthMm, bool Fill, string? When, RunStyle Style) : InlineTemplate
{
    /// <summary>Filled, the value reads as text (no underline, no caption); empty, it is still the captioned blank.</summary>
    public bool Prose { get; init; }

    /// <summary>A prose value whose spaces do not break a line (a month, <c>2025 жылғы қараша</c>: a date is not split).</summary>
    public bool NoBreak { get; init; }
}

/// <summary>A value printed as plain text (a table cell's), nothing when it has no value.</summary>
internal sealed record ValueTextTemplate(ValueTemplate Value, string? When, RunStyle Style) : InlineTemplate;

/// <summary>
/// A date in a style of the definition's language (<c>2025 жылғы "14" қазан</c> in the form's blanks, or
/// <c>2025 жылғы 14 қазандағы</c> as text); with no value it prints the form's blank, <c>20___ жылғы "___" _____</c>.
/// </summary>
internal sealed record DateTemplate(string Path, string? When) : InlineTemplate
{
    public Locale.DateStyle Style { get; init; } = Locale.DateStyle.Blank;
    /// <summary>Printed under the blank date, so a hand filling it knows which date goes there.</summary>
    public string? Caption { get; init; }
}

/// <summary>An inline printed only when the payload has (or, <see cref="WhenPresent"/> false, lacks) a value at <see cref="Path"/>.</summary>
internal sealed record ConditionalTemplate(InlineTemplate Inner, string Path, bool WhenPresent) : InlineTemplate;

/// <summary>Fixed text listing options; the option the payload names is underlined.</summary>
internal sealed record ChoiceTemplate(string Path, IReadOnlyList<string> Options, string Format) : InlineTemplate;

internal sealed record BreakTemplate : InlineTemplate;

/// <summary><c>{page}</c> or <c>{pages}</c> in a header or footer.</summary>
internal sealed record PageNumberTemplate(PageNumberKind Kind, RunStyle Style) : InlineTemplate;

/// <summary>Text chosen by a yes/no payload value; a blank of <see cref="BlankWidthMm"/> when the value is absent.</summary>
internal sealed record FlagTemplate(string Path, string WhenTrue, string WhenFalse, float BlankWidthMm) : InlineTemplate
{
    public string? Caption { get; init; }
}

/// <summary>
/// A value made of literal text and <c>{path}</c> references; a <c>[...]</c> group is dropped when any path inside
/// it has no value.
/// </summary>
internal sealed record ValueTemplate(IReadOnlyList<ValuePart> Parts)
{
    public IEnumerable<string> Paths => Parts.SelectMany(p => p.Paths);
}

internal abstract record ValuePart
{
    public abstract IEnumerable<string> Paths { get; }
}

internal sealed record LiteralPart(string Text) : ValuePart
{
    public override IEnumerable<string> Paths => [];
}

internal sealed record PathPart(string Path) : ValuePart
{
    public override IEnumerable<string> Paths => [Path];

    /// <summary>The noun that follows the number, agreeing with it (<c>{hours:plural=час,часа,часов}</c>); null: the value alone.</summary>
    public NounForms? Plural { get; init; }

    /// <summary>The path's value as the document prints it: with its noun when it has one; null when it has no value.</summary>
    public string? Print(string? value) => value is not null && Plural is { } noun ? noun.With(value) : value;
}

/// <summary>
/// A noun's forms after a number: one form (a language whose noun does not change after a numeral, as Kazakh's:
/// <c>5 сағат</c>), or three — one, few, many — chosen by the East Slavic rule: 1, 21, 101 take the first (<c>час</c>);
/// 2–4, 22–24 the second (<c>часа</c>); 0, 5–20, 25–30, 11–14 of every hundred the third (<c>часов</c>); a fraction
/// (<c>1.5</c>) the second, as Russian says <c>1,5 часа</c>.
/// </summary>
internal sealed record NounForms(IReadOnlyList<string> Forms)
{
    /// <summary>The form that agrees with <paramref name="number"/> (as the payload prints it); the last for what is not a number.</summary>
    public string For(string number) => Payloads.MessageTemplate.Agree(number.Replace(',', '.'), Forms, "ru");

    /// <summary>The number and its noun: <c>5 часов</c>.</summary>
    public string With(string number) => number + " " + For(number);
}

internal sealed record OptionalGroup(IReadOnlyList<ValuePart> Parts) : ValuePart
{
    public override IEnumerable<string> Paths => Parts.SelectMany(p => p.Paths);
}
