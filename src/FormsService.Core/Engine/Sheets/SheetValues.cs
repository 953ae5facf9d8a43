using System.Globalization;
using System.Text.Json.Nodes;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Engine.Sheets;

/// <summary>
/// A cell as the JSON value its column's schema type wants: what Excel stores (numbers, booleans, date serials) and
/// what clerks type (<c>2025-10-14</c>, <c>14.10.2025</c>, <c>120</c>, <c>иә</c>/<c>жоқ</c>, <c>да</c>/<c>нет</c>).
/// A formula cell arrives as the value Excel cached for it: nothing is evaluated.
/// </summary>
internal static class SheetValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];
    private static readonly HashSet<string> True = new(StringComparer.OrdinalIgnoreCase) { "true", "иә", "ия", "да", "yes", "1", "ИСТИНА" };
    private static readonly HashSet<string> False = new(StringComparer.OrdinalIgnoreCase) { "false", "жоқ", "нет", "no", "0", "ЛОЖЬ" };

    public static (JsonNode? Value, Message? Error) Convert(object? cell, SheetColumn column)
    {
        var text = cell as string;
        if (text is not null)
            text = text.Trim();
        switch (column.Kind)
        {
            case CellKind.Integer:
                if (cell is double d)
                    return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? (JsonValue.Create((long)d), null) : (null, Say.WholeNumber);
                if (text is not null && long.TryParse(text.Replace(" ", "").Replace("\u00A0", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                    return (JsonValue.Create(l), null);
                return (null, Say.WholeNumber);
            case CellKind.Number:
                if (cell is double n)
                    return (JsonValue.Create(n), null);
                if (text is not null && double.TryParse(text.Replace(',', '.').Replace(" ", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
                    return (JsonValue.Create(x), null);
                return (null, Say.Number);
            case CellKind.Boolean:
                if (cell is bool b)
                    return (JsonValue.Create(b), null);
                if (cell is double one && one is 0 or 1)
                    return (JsonValue.Create(one == 1), null);
                if (text is not null && True.Contains(text)) return (JsonValue.Create(true), null);
                if (text is not null && False.Contains(text)) return (JsonValue.Create(false), null);
                return (null, Say.Boolean);
            case CellKind.Date:
                if (cell is DateTime t)
                    return (JsonValue.Create(t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null);
                if (cell is double serial && serial is >= 1 and < 2958466 && serial == Math.Floor(serial))
                    return (JsonValue.Create(DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null);
                if (text is not null && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    return (JsonValue.Create(parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null);
                return (null, Say.Date);
            default:
                return (JsonValue.Create(text ?? SheetBinder.CellText(cell)), null);
        }
    }
}
