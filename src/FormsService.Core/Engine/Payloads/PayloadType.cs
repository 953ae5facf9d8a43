using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;

namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// Binds a payload to its record and applies its rules, reporting every problem by JSON path.
/// </summary>
internal sealed class PayloadType<T> where T : class
{
    private readonly IValidator<T> _validator;
    private readonly Func<T, IEnumerable<PayloadWarning>> _warnings;
    private readonly TextGuard _guard;

    public PayloadType(IValidator<T> validator, TextGuard guard, Func<T, IEnumerable<PayloadWarning>>? warnings = null)
    {
        _validator = validator;
        _guard = guard;
        _warnings = warnings ?? (_ => []);
    }

    public IValidatorDescriptor Descriptor => _validator.CreateDescriptor();

    /// <summary>The rules the validator keeps that the schema cannot state.</summary>
    public IReadOnlyList<string> RulesBeyondSchema => (_validator as IRulesBeyondSchema)?.RulesBeyondSchema ?? [];

    /// <summary>The check of <paramref name="payload"/>; <paramref name="record"/> is the bound record when it is valid.</summary>
    public PayloadCheck Bind(JsonElement payload, out T? record)
    {
        record = null;
        var errors = new Dictionary<string, List<Message>>(StringComparer.Ordinal);
        if (payload.ValueKind != JsonValueKind.Object)
            return Done(errors.With("", Say.Object), []);

        _guard.Check(payload, "", errors);
        try
        {
            record = payload.Deserialize<T>(PayloadJson.Options);
        }
        catch (JsonException ex)
        {
            var path = PayloadJson.ToPath(ex.Path);
            TextGuard.Add(errors, path, ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? Say.UnknownField
                : PayloadJson.TypeMessage(typeof(T), path));
            return Done(errors, []);
        }
        if (record is null)
            return Done(errors.With("", Say.Object), []);

        foreach (var failure in _validator.Validate(record).Errors)
            TextGuard.Add(errors, PayloadJson.ToCamelPath(failure.PropertyName), Message.Of(failure));
        if (errors.Count > 0)
        {
            record = null;
            return Done(errors, []);
        }
        return Done(errors, _warnings(record).ToList());
    }

    private static PayloadCheck Done(Dictionary<string, List<Message>> errors, IReadOnlyList<PayloadWarning> warnings) =>
        new(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal), warnings);
}

internal static class PayloadErrorsExtensions
{
    public static Dictionary<string, List<Message>> With(this Dictionary<string, List<Message>> errors, string path, Message message)
    {
        TextGuard.Add(errors, path, message);
        return errors;
    }
}

/// <summary>The one JSON contract of payloads: camelCase, strict numbers, unknown fields refused.</summary>
internal static class PayloadJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new WholeNumberConverter() },
        MaxDepth = 32,
        WriteIndented = false,
        // Stated, not left to the first serialisation: a view is read through this contract before any is written.
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>"$.convict.surname" → "convict.surname".</summary>
    public static string ToPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "";
        var p = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        var dotted = p.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
        // A key that is empty (or only punctuation) still gets a path that names it.
        return dotted.Length == 0 || dotted.EndsWith('.') || dotted.Contains("..", StringComparison.Ordinal) ? p : dotted;
    }

    /// <summary>FluentValidation's "Convict.Surname" → "convict.surname".</summary>
    public static string ToCamelPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    /// <summary>Says what a value at <paramref name="path"/> must be, from the record's property type.</summary>
    public static Message TypeMessage(Type root, string path)
    {
        var type = root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            var prop = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (prop is null) return Say.UnknownField;
            type = Nullable.GetUnderlyingType(prop.PropertyType) ?? prop.PropertyType;
            if (segment.Contains('[') && type.IsGenericType)
                type = type.GetGenericArguments()[0];
        }
        return type switch
        {
            _ when type == typeof(string) => Say.Text,
            _ when type == typeof(int) || type == typeof(long) => Say.WholeNumber,
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => Say.Number,
            _ when type == typeof(bool) => Say.Boolean,
            _ when type == typeof(DateOnly) => Say.Date,
            _ when type.IsClass => Say.Object,
            _ => Say.Text,
        };
    }
}

/// <summary>
/// The JSON paths of a payload record, for checking definitions' bindings at start-up. A list of records adds the
/// list's path, its items' path with <c>[]</c>, and their fields: <c>persons</c>, <c>persons[]</c>,
/// <c>persons[].convict.surname</c>.
/// </summary>
internal static class PayloadPaths
{
    public static IReadOnlySet<string> Of(Type type)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Walk(type, "", set, 0);
        return set;
    }

    private static void Walk(Type type, string prefix, HashSet<string> set, int depth)
    {
        if (depth > 8) return;
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            set.Add(path);
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (ItemType(t) is { } item)
            {
                set.Add(path + "[]");
                item = Nullable.GetUnderlyingType(item) ?? item;
                if (IsRecord(item))
                    Walk(item, path + "[]", set, depth + 1);
            }
            else if (IsRecord(t))
            {
                Walk(t, path, set, depth + 1);
            }
        }
    }

    private static bool IsRecord(Type t) => t.IsClass && t != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(t);

    /// <summary>The item type of an array or a generic list of the payload; null for anything else (strings, maps).</summary>
    private static Type? ItemType(Type t)
    {
        if (t == typeof(string)) return null;
        if (t.IsArray) return t.GetElementType();
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        if (def == typeof(Dictionary<,>) || def == typeof(IReadOnlyDictionary<,>) || def == typeof(IDictionary<,>))
            return null;
        return typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0] : null;
    }
}
