using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Model;

namespace FormsService.Core.Engine.Kinds;

/// <summary>
/// One kind of inline of a paragraph, in one class: the keys that name it in a definition and how its template
/// becomes the model's inlines (text runs, fields, line breaks, page numbers) for a payload's values.
/// </summary>
internal interface IInlineKind
{
    /// <summary>
    /// The keys that name the kind in a paragraph (<c>{ "field": "{path}" }</c>); none for an inline no definition
    /// writes as an object of its own (a page number of a running header, an inline printed on a condition).
    /// </summary>
    IReadOnlyList<string> Keys { get; }
    Type TemplateType { get; }
    /// <param name="inline">The whole inline object.</param>
    /// <param name="key">Which of <see cref="Keys"/> it has; <paramref name="value"/> is that key's value.</param>
    /// <param name="style">Its emphasis (<c>bold</c>, <c>italic</c>, ...), read alike for every kind.</param>
    InlineTemplate Parse(JsonElement inline, string key, JsonElement value, RunStyle style, TemplateParser parser, string at);
    /// <summary>Adds the template's inlines for <paramref name="values"/> (none when it prints nothing).</summary>
    /// <param name="paragraph">The typography of the paragraph it is in.</param>
    void Build(InlineTemplate template, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into);
}

internal abstract class InlineKind<T> : IInlineKind where T : InlineTemplate
{
    public virtual IReadOnlyList<string> Keys => [];
    public Type TemplateType => typeof(T);

    public InlineTemplate Parse(JsonElement inline, string key, JsonElement value, RunStyle style, TemplateParser parser, string at) =>
        ParseTemplate(inline, key, value, style, parser, at);

    public void Build(InlineTemplate template, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into) =>
        Build((T)template, values, context, paragraph, into);

    /// <summary>Called only for <see cref="Keys"/>: a kind without keys is made by the parser otherwise.</summary>
    protected virtual T ParseTemplate(JsonElement inline, string key, JsonElement value, RunStyle style, TemplateParser parser, string at) =>
        throw new NotSupportedException($"{GetType().Name} is not written with a key of its own.");

    protected abstract void Build(T template, PayloadValues values, BuildContext context, Typography paragraph, List<Inline> into);
}

/// <summary>Every inline kind, found once in this assembly: adding one is adding its template record, its class and its schema entry.</summary>
internal static class InlineKinds
{
    private static readonly IReadOnlyList<IInlineKind> All = KindFinder.Instances<IInlineKind>();
    private static readonly Dictionary<Type, IInlineKind> ByTemplate = All.ToDictionary(k => k.TemplateType);

    /// <summary>The kinds by the keys that name them in a definition.</summary>
    public static IReadOnlyDictionary<string, IInlineKind> ByKey { get; } =
        All.SelectMany(k => k.Keys.Select(key => (key, k))).ToDictionary(x => x.key, x => x.k, StringComparer.Ordinal);

    /// <summary>The template types that have a kind (a test checks that every inline template has one).</summary>
    public static IReadOnlyCollection<Type> TemplateTypes => ByTemplate.Keys;

    public static IInlineKind Of(InlineTemplate template) =>
        ByTemplate.TryGetValue(template.GetType(), out var kind) ? kind : throw new NotSupportedException($"Inline template {template.GetType().Name} has no kind.");
}
