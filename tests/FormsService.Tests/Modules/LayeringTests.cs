using System.Reflection;
using System.Text.RegularExpressions;
using FormsService.Core.Engine;
using FormsService.Tests.Support;

namespace FormsService.Tests.Modules;

/// <summary>
/// Engine and forms apart in the code, not only in strings: nothing under <c>Engine/</c> imports, qualifies or names
/// a type of the <c>Forms</c> namespace; the composition outside the engine (<c>Composition</c>, the Api) puts them
/// together.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string EngineFolder = Path.Combine(Repo.Root, "src", "FormsService.Core", "Engine");

    /// <summary>Every top-level type the <c>Forms</c> namespace declares, by simple name (generic arity dropped).</summary>
    private static HashSet<string> FormsTypeNames() =>
        typeof(FormsEngine).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == "FormsService.Core.Forms" || ns.StartsWith("FormsService.Core.Forms.", StringComparison.Ordinal)))
            .Where(t => !t.IsNested && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false) && !t.Name.Contains('<'))
            .Select(t => t.Name.Split('`')[0])
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void The_engine_source_imports_and_names_nothing_of_the_forms()
    {
        var formsTypes = FormsTypeNames();
        Assert.Contains("FormModules", formsTypes); // the check can fail: the list of forms is a Forms type
        Assert.Contains("DeadlineCalculator", formsTypes);
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(EngineFolder, "*.cs", SearchOption.AllDirectories))
        {
            var code = Comment().Replace(File.ReadAllText(file), "");
            var where = Path.GetRelativePath(Repo.Root, file);
            if (FormsNamespace().Match(code) is { Success: true } ns)
                found.Add($"{where} refers to the namespace: {ns.Value}");
            foreach (Match word in Identifier().Matches(code))
                if (formsTypes.Contains(word.Value))
                    found.Add($"{where} names {word.Value}");
        }
        Assert.True(found.Count == 0, string.Join("\n", found.Distinct()));
    }

    /// <summary>The compiled engine agrees: no field, property, method signature or base type of an Engine type is a Forms type.</summary>
    [Fact]
    public void The_compiled_engine_types_reference_no_forms_type()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var engineTypes = typeof(FormsEngine).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == "FormsService.Core.Engine" || ns.StartsWith("FormsService.Core.Engine.", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(engineTypes);
        var found = new List<string>();
        foreach (var type in engineTypes)
        {
            var used = new List<Type>();
            if (type.BaseType is { } b) used.Add(b);
            used.AddRange(type.GetInterfaces());
            used.AddRange(type.GetFields(all).Select(f => f.FieldType));
            used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                used.AddRange(method.GetParameters().Select(p => p.ParameterType));
                if (method is MethodInfo m) used.Add(m.ReturnType);
            }
            foreach (var t in used.SelectMany(Flatten))
                if (t.Namespace is { } ns && ns.StartsWith("FormsService.Core.Forms", StringComparison.Ordinal))
                    found.Add($"{type.FullName} uses {t.FullName}");
        }
        Assert.True(found.Count == 0, string.Join("\n", found.Distinct()));
    }

    private static IEnumerable<Type> Flatten(Type t)
    {
        yield return t;
        if (t.HasElementType)
            foreach (var e in Flatten(t.GetElementType()!)) yield return e;
        if (t.IsGenericType)
            foreach (var a in t.GetGenericArguments().SelectMany(Flatten)) yield return a;
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bFormsService\.Core\.Forms\b|\bCore\.Forms\.")]
    private static partial Regex FormsNamespace();

    [GeneratedRegex(@"(?<![.\w])[A-Z][A-Za-z0-9_]*\b")] // a member after a dot (SKPathVerb.Cubic) is no type name
    private static partial Regex Identifier();
}
