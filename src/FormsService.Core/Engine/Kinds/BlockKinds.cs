using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>
/// One kind of block, in one class: how it is laid out on pages (what it draws then follows from its pieces, which
/// every painter maps alike) and how it is written into a Word document. A writer or the layout asks the registry
/// for a block's kind instead of switching over kinds.
/// </summary>
internal interface IBlockKind
{
    Type BlockType { get; }
    LaidOutBlock Layout(Block block, LayoutContext context);
    void WriteDocx(Block block, DocxBody body);
}

internal abstract class BlockKind<T> : IBlockKind where T : Block
{
    public Type BlockType => typeof(T);
    public LaidOutBlock Layout(Block block, LayoutContext context) => Layout((T)block, context);
    public void WriteDocx(Block block, DocxBody body) => WriteDocx((T)block, body);
    protected abstract LaidOutBlock Layout(T block, LayoutContext context);
    protected abstract void WriteDocx(T block, DocxBody body);
}

/// <summary>Every block kind, found once in this assembly: adding a kind is adding its model record, its template and its class.</summary>
internal static class BlockKinds
{
    private static readonly IReadOnlyDictionary<Type, IBlockKind> All = typeof(IBlockKind).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBlockKind).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IBlockKind)Activator.CreateInstance(t)!)
        .ToDictionary(k => k.BlockType);

    /// <summary>The block types that have a kind (a test checks that every block of the model has one).</summary>
    public static IReadOnlyCollection<Type> Types => (IReadOnlyCollection<Type>)All.Keys;

    public static IBlockKind Of(Block block) =>
        All.TryGetValue(block.GetType(), out var kind) ? kind : throw new NotSupportedException($"Block {block.GetType().Name} has no kind.");
}
