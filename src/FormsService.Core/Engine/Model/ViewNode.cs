using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Engine.Model;

/// <summary>
/// One value of the view a document prints from, read where it is: a form's view record (or a blank's) through
/// System.Text.Json's own contract for it — the names, the members and the ignores a serialiser would write — or a
/// JSON element (a tool's payload, a test's). The view is built once and never written back to JSON to be read.
/// </summary>
/// <remarks>A value, not an object: a table reads one for every item of every row.</remarks>
internal readonly struct ViewNode
{
    private readonly object? _value;
    private readonly ViewShape? _shape;
    private readonly JsonElement _json;

    private ViewNode(object value, ViewShape shape)
    {
        _value = value;
        _shape = shape;
    }

    private ViewNode(JsonElement json) => _json = json;

    /// <summary>Nothing: a path that leads nowhere, a null.</summary>
    public static ViewNode Absent => default;

    /// <summary>A view record, a value in one, or a JSON element (boxed); null is <see cref="Absent"/>.</summary>
    public static ViewNode Of(object? value) => value switch
    {
        null => default,
        JsonElement json => Of(json),
        _ => Of(value, ViewShape.Of(value.GetType())),
    };

    /// <summary>A value whose type is mostly <paramref name="expected"/>'s (a member's declared type): its shape is not looked up.</summary>
    internal static ViewNode Of(object? value, ViewShape expected) => value switch
    {
        null => default,
        _ when value.GetType() != expected.Type => Of(value),
        // A value System.Text.Json writes in its own way (an enum, a double) is read as the JSON it would write.
        _ when expected.ReadAsWritten => Of(JsonSerializer.SerializeToElement(value, expected.Type, PayloadJson.Options)),
        _ => new ViewNode(value, expected),
    };

    public static ViewNode Of(JsonElement json) => json.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? default : new ViewNode(json);

    /// <summary>What the value would be in JSON: Object, Array, String, Number, True, False, or Undefined when absent.</summary>
    public JsonValueKind Kind => _shape is { } shape ? shape.KindOf(_value!) : _json.ValueKind;

    public bool IsAbsent => Kind == JsonValueKind.Undefined;

    /// <summary>A member of an object by its JSON name; absent when there is none, it is null, or this is not an object.</summary>
    public ViewNode Member(ReadOnlySpan<char> name)
    {
        if (_shape is { } shape)
            return shape.Member(_value!, name);
        if (_json.ValueKind != JsonValueKind.Object || !_json.TryGetProperty(name, out var member))
            return default;
        return Of(member);
    }

    /// <summary>The members of an object in the order a serialiser writes them, nulls left out.</summary>
    public IEnumerable<(string Name, ViewNode Value)> Members()
    {
        if (_shape is { } shape)
            return shape.Members(_value!);
        if (_json.ValueKind != JsonValueKind.Object)
            return [];
        return _json.EnumerateObject().Select(p => (p.Name, Of(p.Value))).Where(m => !m.Item2.IsAbsent);
    }

    /// <summary>The number of items of an array (0 for anything else).</summary>
    public int Length => _shape is { } shape ? shape.Length(_value!) : _json.ValueKind == JsonValueKind.Array ? _json.GetArrayLength() : 0;

    /// <summary>An item of an array; absent past its end.</summary>
    public ViewNode this[int index]
    {
        get
        {
            if (index < 0 || index >= Length) return default;
            return _shape is { } shape ? shape.Item(_value!, index) : Of(_json[index]);
        }
    }

    /// <summary>The items of an array, read once (none for anything else).</summary>
    public ViewNode[] Items()
    {
        if (_shape is { } shape)
            return shape.Items(_value!);
        if (_json.ValueKind != JsonValueKind.Array)
            return [];
        var items = new ViewNode[_json.GetArrayLength()];
        var i = 0;
        foreach (var item in _json.EnumerateArray())
            items[i++] = Of(item);
        return items;
    }

    /// <summary>
    /// A text's or a number's text as a reader of the JSON would get it: a text as it is, a whole number without a
    /// fraction however it was spelt (120.0 → 120), any other number as written. Null for anything else.
    /// </summary>
    public string? Text
    {
        get
        {
            if (_shape is { } shape)
                return shape.TextOf(_value!);
            return _json.ValueKind switch
            {
                JsonValueKind.String => _json.GetString(),
                JsonValueKind.Number => NumberText(_json),
                _ => null,
            };
        }
    }

    public bool? Flag => Kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>Whole numbers a sheet prints thousands of (hours, days, row numbers), as text once.</summary>
    internal const int SmallNumbers = 1000;
    private static readonly string[] Numbers = [.. Enumerable.Range(0, SmallNumbers).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    internal static string Whole(long n) => n is >= 0 and < SmallNumbers ? Numbers[n] : n.ToString(CultureInfo.InvariantCulture);

    private static string NumberText(JsonElement number) =>
        number.TryGetInt64(out var whole) ? Whole(whole)
        // A whole number prints as one however it was spelt: 120.0 binds as 120 (WholeNumberConverter).
        : number.TryGetDecimal(out var n) && n == decimal.Truncate(n) ? decimal.Truncate(n).ToString(CultureInfo.InvariantCulture)
        : number.GetRawText();

    internal static string NumberText(decimal n) =>
        n == decimal.Truncate(n) ? decimal.Truncate(n).ToString(CultureInfo.InvariantCulture) : n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// How a view's values of one CLR type are read: an object's members by JSON name (its getters from the
/// serialiser's contract), a list's items, a scalar's text. Made once per type and kept: types are few and fixed.
/// </summary>
internal sealed class ViewShape
{
    private static readonly ConcurrentDictionary<Type, ViewShape> Shapes = new();

    private enum Form { Object, Dictionary, List, Sequence, Text, Boolean, Integer, Decimal, Date, Written }

    private readonly Form _form;
    private readonly Type _type;
    private readonly Type? _elementType;
    private ViewShape? _elementShape;
    private readonly ViewMember[] _members = [];
    private readonly Dictionary<string, ViewMember>.AlternateLookup<ReadOnlySpan<char>> _byName;

    private ViewShape(Type type)
    {
        _type = type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var info = PayloadJson.Options.GetTypeInfo(type);
        _form = info.Kind switch
        {
            JsonTypeInfoKind.Object => Form.Object,
            JsonTypeInfoKind.Dictionary when typeof(IDictionary).IsAssignableFrom(type) => Form.Dictionary,
            JsonTypeInfoKind.Enumerable when typeof(IList).IsAssignableFrom(type) => Form.List,
            JsonTypeInfoKind.Enumerable => Form.Sequence,
            _ when underlying == typeof(string) => Form.Text,
            _ when underlying == typeof(bool) => Form.Boolean,
            // An int is written as an int (WholeNumberConverter only reads leniently).
            _ when underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(short) || underlying == typeof(byte)
                || underlying == typeof(uint) || underlying == typeof(ushort) || underlying == typeof(sbyte) => Form.Integer,
            _ when underlying == typeof(decimal) => Form.Decimal,
            _ when underlying == typeof(DateOnly) && info.Converter.GetType().Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true => Form.Date,
            _ => Form.Written,
        };
        _elementType = info.ElementType is { } element ? Nullable.GetUnderlyingType(element) ?? element : null;
        var byName = new Dictionary<string, ViewMember>(StringComparer.Ordinal);
        if (_form == Form.Object)
        {
            var members = new List<ViewMember>();
            foreach (var property in info.Properties)
            {
                if (property.Get is null)
                    continue;
                if (property.CustomConverter is not null)
                    throw new NotSupportedException(
                        $"{type.Name}.{property.Name} has a converter of its own: a view is read through its type's contract, so give the value a type that says how it is written.");
                var member = new ViewMember(property.Name, property.Get, property.ShouldSerialize,
                    Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
                members.Add(member);
                byName[property.Name] = member;
            }
            _members = [.. members];
        }
        _byName = byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The type whose values this shape reads.</summary>
    public Type Type => _type;

    /// <summary>Values of this type are read as the JSON System.Text.Json writes for them (an enum, a double).</summary>
    public bool ReadAsWritten => _form == Form.Written;

    /// <summary>The shape of the items a list declares (resolved once, on first use: types may refer to themselves).</summary>
    private ViewShape? ElementShape => _elementShape ??= _elementType is { } t ? Of(t) : null;

    /// <summary>The shape of a type (made the first time it is asked for; a form's view types are asked for at start-up).</summary>
    public static ViewShape Of(Type type) => Shapes.GetOrAdd(type, static t => new ViewShape(t));

    /// <summary>Makes the shapes of a view type and of every type its members declare: a view the engine cannot read fails at start-up.</summary>
    public static void Prepare(Type type) => Prepare(type, []);

    private static void Prepare(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type == typeof(object))
            return;
        Of(type);
        var info = PayloadJson.Options.GetTypeInfo(type);
        if (info.ElementType is { } element)
            Prepare(element, seen);
        foreach (var property in info.Properties)
            Prepare(property.PropertyType, seen);
    }

    public JsonValueKind KindOf(object value) => _form switch
    {
        Form.Object or Form.Dictionary => JsonValueKind.Object,
        Form.List or Form.Sequence => JsonValueKind.Array,
        Form.Text => JsonValueKind.String,
        Form.Boolean => (bool)value ? JsonValueKind.True : JsonValueKind.False,
        Form.Integer or Form.Decimal => JsonValueKind.Number,
        Form.Date => JsonValueKind.String,
        _ => JsonValueKind.Undefined,
    };

    public ViewNode Member(object value, ReadOnlySpan<char> name)
    {
        switch (_form)
        {
            case Form.Object:
                return _byName.TryGetValue(name, out var member) ? member.Of(value) : ViewNode.Absent;
            case Form.Dictionary:
                var key = name.ToString();
                var dictionary = (IDictionary)value;
                return dictionary.Contains(key) ? ViewNode.Of(dictionary[key]) : ViewNode.Absent;
            default:
                return ViewNode.Absent;
        }
    }

    public IEnumerable<(string Name, ViewNode Value)> Members(object value)
    {
        switch (_form)
        {
            case Form.Object:
                foreach (var member in _members)
                    if (member.Of(value) is { IsAbsent: false } node)
                        yield return (member.Name, node);
                break;
            case Form.Dictionary:
                foreach (DictionaryEntry entry in (IDictionary)value)
                    if (ViewNode.Of(entry.Value) is { IsAbsent: false } node)
                        yield return (Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", node);
                break;
        }
    }

    public int Length(object value) => _form switch
    {
        Form.List => ((IList)value).Count,
        Form.Sequence => ((IEnumerable)value).Cast<object?>().Count(),
        _ => 0,
    };

    public ViewNode Item(object value, int index) => _form switch
    {
        Form.List => Read(((IList)value)[index]),
        Form.Sequence => ViewNode.Of(((IEnumerable)value).Cast<object?>().ElementAt(index)),
        _ => ViewNode.Absent,
    };

    public ViewNode[] Items(object value)
    {
        switch (_form)
        {
            case Form.List:
                var list = (IList)value;
                var items = new ViewNode[list.Count];
                for (var i = 0; i < items.Length; i++)
                    items[i] = Read(list[i]);
                return items;
            case Form.Sequence:
                return [.. ((IEnumerable)value).Cast<object?>().Select(ViewNode.Of)];
            default:
                return [];
        }
    }

    public string? TextOf(object value) => _form switch
    {
        Form.Text => (string)value,
        Form.Integer => ViewNode.Whole(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        Form.Decimal => ViewNode.NumberText((decimal)value),
        Form.Date => ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };

    private ViewNode Read(object? item) => ElementShape is { } shape ? ViewNode.Of(item, shape) : ViewNode.Of(item);

    private sealed class ViewMember(string name, Func<object, object?> get, Func<object, object?, bool>? shouldSerialize, Type declared)
    {
        private ViewShape? _shape;

        public string Name => name;

        /// <summary>
        /// This member of <paramref name="owner"/> as a serialiser would write it (absent where it would leave it
        /// out), its shape the declared type's when the value is of that type (resolved once, on first use).
        /// </summary>
        public ViewNode Of(object owner)
        {
            var value = get(owner);
            return shouldSerialize is not null && !shouldSerialize(owner, value) ? ViewNode.Absent : ViewNode.Of(value, _shape ??= ViewShape.Of(declared));
        }
    }
}
