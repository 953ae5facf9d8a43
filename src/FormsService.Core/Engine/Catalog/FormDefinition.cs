using System.Text.Json;
using System.Text.Json.Serialization;

namespace FormsService.Core.Engine.Catalog;

/// <summary>One published version of a form, as read from <c>forms/&lt;form-id&gt;/&lt;version&gt;/definition.json</c>.</summary>
internal sealed record FormDefinition
{
    /// <summary>The JSON Schema the file names for editors (<c>forms/_schemas/definition.schema.json</c>); not read.</summary>
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    public required string FormId { get; init; }
    public required string Version { get; init; }
    /// <summary>Names the payload record and rules (code) that this version's text is bound to.</summary>
    public required string PayloadType { get; init; }
    public required string Language { get; init; }
    public required string Title { get; init; }
    /// <summary>Short title used in file names ("Анықтама-жолдама").</summary>
    public required string ShortTitle { get; init; }
    public required LegalBasis LegalBasis { get; init; }
    /// <summary>The form's place in the catalogue: the order a clerk meets the documents; none comes last.</summary>
    public int? CatalogueOrder { get; init; }
    /// <summary>
    /// The names and legal basis in other languages (<c>ru</c>), for readers of those languages. Translations made
    /// here, not the law's text (the order's source text is Kazakh): shown marked as such, never printed.
    /// </summary>
    public IReadOnlyDictionary<string, FormTranslation> Translations { get; init; } = new Dictionary<string, FormTranslation>();
    public required DateOnly EffectiveFrom { get; init; }
    /// <summary>Where <see cref="EffectiveFrom"/> comes from, and how certain it is.</summary>
    public required string EffectiveFromSource { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public required IReadOnlyList<string> Formats { get; init; }
    /// <summary>Payload paths whose values name the output file (after the short title).</summary>
    public IReadOnlyList<string> FileNameFields { get; init; } = [];
    public required PageSetup Page { get; init; }
    public required TextStyles Styles { get; init; }
    /// <summary>The form's text and layout: a list of blocks, each bound to payload fields where the form has blanks.</summary>
    public required IReadOnlyList<JsonElement> Body { get; init; }

    [JsonIgnore] public string Directory { get; init; } = "";
    /// <summary>The file it was read from (<c>definition.json</c>, or a language variant beside it).</summary>
    [JsonIgnore] public string File { get; init; } = "";
}

/// <summary>A form's names and legal basis translated (<see cref="FormDefinition.Translations"/>).</summary>
internal sealed record FormTranslation
{
    public required string Title { get; init; }
    public string? ShortTitle { get; init; }
    public LegalBasisTranslation LegalBasis { get; init; } = new();
}

/// <summary>The texts of a <see cref="LegalBasis"/> translated; a text left out has no translation.</summary>
internal sealed record LegalBasisTranslation
{
    public string? Act { get; init; }
    public string? Registration { get; init; }
    public string? Appendix { get; init; }
    public string? Rule { get; init; }
}

internal sealed record LegalBasis
{
    public required string Act { get; init; }
    public required string Number { get; init; }
    public required DateOnly Date { get; init; }
    public string? Registration { get; init; }
    public required string Appendix { get; init; }
    public string? Rule { get; init; }
}

internal sealed record PageSetup
{
    /// <summary>"A4" (portrait) or "A4-landscape".</summary>
    public string Size { get; init; } = "A4";
    public required Margins MarginsMm { get; init; }
    /// <summary>A running header: <c>"{page}-бет / {pages}"</c>, or <c>{ "text": ..., "align": ..., "sizePt": ... }</c>.</summary>
    public JsonElement? Header { get; init; }
    /// <summary>A running footer, written as <see cref="Header"/> is.</summary>
    public JsonElement? Footer { get; init; }
}

internal sealed record Margins(float Top, float Right, float Bottom, float Left);

internal sealed record TextStyles
{
    /// <summary>"serif" (Times New Roman in DOCX, Liberation Serif in PDF) or "sans" (Arial, Liberation Sans): see <c>FontFamilies</c>.</summary>
    public string Font { get; init; } = "serif";
    public float SizePt { get; init; } = 12;
    public float CaptionSizePt { get; init; } = 8;
    /// <summary>Line height as a multiple of the font size.</summary>
    public float LineSpacing { get; init; } = 1.15f;
    /// <summary>What the form printed blank sets otherwise (a smaller size, so that its wider blanks fit its page).</summary>
    public BlankTextStyles? Blank { get; init; }

    /// <summary>The styles a blank form prints with: these, with what <see cref="Blank"/> sets instead.</summary>
    public TextStyles ForBlank() => Blank is not { } b ? this : this with
    {
        SizePt = b.SizePt ?? SizePt,
        CaptionSizePt = b.CaptionSizePt ?? CaptionSizePt,
        LineSpacing = b.LineSpacing ?? LineSpacing,
        Blank = null,
    };
}

/// <summary>The styles of a form printed blank, where they differ from its own (<c>styles.blank</c>).</summary>
internal sealed record BlankTextStyles
{
    public float? SizePt { get; init; }
    public float? CaptionSizePt { get; init; }
    public float? LineSpacing { get; init; }
}
