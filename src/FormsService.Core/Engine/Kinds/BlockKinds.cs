using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>
/// One kind of block, in one class: how the definition writes it (the key that names it in <c>body</c>), how it is
/// built from the payload's values, laid out on pages (what it draws then follows from its pieces, which every
/// painter maps alike) and written into a Word document. The parser, the builder, the layout and the writers ask the
/// registry for a block's kind instead of switching over kinds.
/// </summary>
internal interface IBlockKind
{
    /// <summary>The key that names the kind in a definition's body (<c>{ "cutLine": "..." }</c>).</summary>
    string Key { get; }
    Type TemplateType { get; }
    Type BlockType { get; }
    /// <param name="block">The whole block object.</param>
    /// <param name="value">The value of its <see cref="Key"/>.</param>
    BlockTemplate Parse(JsonElement block, JsonElement value, TemplateParser parser, string at);
    /// <summary>The template's block for the values of <paramref name="context"/>; null when it prints nothing.</summary>
    Block? Build(BlockTemplate template, BuildContext context);
    LaidOutBlock Layout(Block block, LayoutContext context);
    void WriteDocx(Block block, DocxBody body);
}

internal abstract class BlockKind<TTemplate, TBlock> : IBlockKind where TTemplate : BlockTemplate where TBlock : Block
{
    public abstract string Key { get; }
    public Type TemplateType => typeof(TTemplate);
    public Type BlockType => typeof(TBlock);
    public BlockTemplate Parse(JsonElement block, JsonElement value, TemplateParser parser, string at) => ParseTemplate(block, value, parser, at);
    public Block? Build(BlockTemplate template, BuildContext context) => Build((TTemplate)template, context);
    public LaidOutBlock Layout(Block block, LayoutContext context) => Layout((TBlock)block, context);
    public void WriteDocx(Block block, DocxBody body) => WriteDocx((TBlock)block, body);
    protected abstract TTemplate ParseTemplate(JsonElement block, JsonElement value, TemplateParser parser, string at);
    protected abstract TBlock? Build(TTemplate template, BuildContext context);
    protected abstract LaidOutBlock Layout(TBlock block, LayoutContext context);
    protected abstract void WriteDocx(TBlock block, DocxBody body);
}

/// <summary>
/// Every block kind, found once in this assembly: adding a kind is adding its model record, its template record,
/// its class and its entry in the definition schema.
/// </summary>
internal static class BlockKinds
{
    private static readonly IReadOnlyList<IBlockKind> All = KindFinder.Instances<IBlockKind>();
    private static readonly Dictionary<Type, IBlockKind> ByBlock = All.ToDictionary(k => k.BlockType);
    private static readonly Dictionary<Type, IBlockKind> ByTemplate = All.ToDictionary(k => k.TemplateType);

    /// <summary>The kinds by the key that names them in a definition.</summary>
    public static IReadOnlyDictionary<string, IBlockKind> ByKey { get; } = All.ToDictionary(k => k.Key, StringComparer.Ordinal);

    /// <summary>The block types that have a kind (a test checks that every block of the model has one).</summary>
    public static IReadOnlyCollection<Type> Types => ByBlock.Keys;

    /// <summary>The template types that have a kind (a test checks that every block template has one).</summary>
    public static IReadOnlyCollection<Type> TemplateTypes => ByTemplate.Keys;

    public static IBlockKind Of(Block block) =>
        ByBlock.TryGetValue(block.GetType(), out var kind) ? kind : throw new NotSupportedException($"Block {block.GetType().Name} has no kind.");

    public static IBlockKind Of(BlockTemplate template) =>
        ByTemplate.TryGetValue(template.GetType(), out var kind) ? kind : throw new NotSupportedException($"Block template {template.GetType().Name} has no kind.");
}

/// <summary>Finds the kinds of a registry: one instance of every concrete class of the interface in this assembly.</summary>
internal static class KindFinder
{
    public static IReadOnlyList<T> Instances<T>() => typeof(T).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (T)Activator.CreateInstance(t)!)
        .ToList();
}
