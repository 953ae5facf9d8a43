using System.Globalization;
using System.Text;

namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// A message as its code and parameters, written as one string (<c>@too-long?max=100</c>) so that it travels
/// wherever a rule's message travels (FluentValidation's message, a failure added by hand, an error list). The
/// service's message tables (<c>forms/_messages/</c>) turn it into text in the language a reader asks for.
/// </summary>
internal static class Say
{
    private const char Marker = '@';

    public const string Required = "@required", NotBlank = "@not-blank", WholeNumber = "@whole-number", Number = "@number",
        Text = "@text", Boolean = "@boolean", Date = "@date", Object = "@object", UnknownField = "@unknown-field",
        ControlCharacter = "@control-character";

    public static string TooLong(int max) => Of("too-long", ("max", max));
    public static string Between(long min, long max) => Of("between", ("min", min), ("max", max));
    public static string Unprintable(string ch) => Of("unprintable", ("char", ch));

    public static string Of(string code, params (string Name, object? Value)[] args)
    {
        if (args.Length == 0)
            return Marker + code;
        var text = new StringBuilder().Append(Marker).Append(code);
        for (var i = 0; i < args.Length; i++)
            text.Append(i == 0 ? '?' : '&').Append(args[i].Name).Append('=')
                .Append(Uri.EscapeDataString(Convert.ToString(args[i].Value, CultureInfo.InvariantCulture) ?? ""));
        return text.ToString();
    }

    /// <summary>The code and parameters of a coded message; false for text that is not one (a literal message).</summary>
    public static bool TryParse(string message, out string code, out IReadOnlyDictionary<string, string> args)
    {
        code = "";
        args = new Dictionary<string, string>();
        if (message.Length < 2 || message[0] != Marker)
            return false;
        var query = message.IndexOf('?', StringComparison.Ordinal);
        code = query < 0 ? message[1..] : message[1..query];
        if (query < 0)
            return true;
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in message[(query + 1)..].Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
                parsed[pair[..eq]] = Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        args = parsed;
        return true;
    }
}
