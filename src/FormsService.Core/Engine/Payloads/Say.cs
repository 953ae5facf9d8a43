using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace FormsService.Core.Engine.Payloads;

/// <summary>
/// A message as a value: a code of the message tables (<c>forms/_messages/</c>) and its arguments as invariant text.
/// It travels unworded from the rule that says it to the response that a reader gets, and is worded there, once, in
/// that reader's language (<see cref="MessageTable.Text"/>). A message without a code is literal text, shown as it is.
/// </summary>
internal sealed class Message : IEquatable<Message>
{
    private static readonly IReadOnlyDictionary<string, string> NoArgs = new Dictionary<string, string>();

    private Message(string? code, IReadOnlyDictionary<string, string> args, string? literal)
    {
        Code = code;
        Args = args;
        Literal = literal;
    }

    /// <summary>The code in the message tables; null for literal text.</summary>
    public string? Code { get; }

    /// <summary>The arguments the message's text names, as invariant text.</summary>
    public IReadOnlyDictionary<string, string> Args { get; }

    /// <summary>The text of a message that has no code.</summary>
    public string? Literal { get; }

    public static Message Of(string code, params (string Name, object? Value)[] args)
    {
        if (args.Length == 0)
            return new Message(code, NoArgs, null);
        var values = new Dictionary<string, string>(args.Length, StringComparer.Ordinal);
        foreach (var (name, value) in args)
            values[name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return new Message(code, values, null);
    }

    public static Message Text(string literal) => new(null, NoArgs, literal);

    /// <summary>A rule's failure at <paramref name="path"/> that carries this message (FluentValidation keeps it as the failure's state).</summary>
    public ValidationFailure At(string path) => new(path, Code ?? Literal) { CustomState = this };

    /// <summary>The message a rule's failure carries (<see cref="Says{T,TProperty}"/>, <see cref="At"/>); literal text when it carries none.</summary>
    public static Message Of(ValidationFailure failure) => failure.CustomState as Message ?? Text(failure.ErrorMessage);

    public bool Equals(Message? other) =>
        other is not null && Code == other.Code && Literal == other.Literal && Args.Count == other.Args.Count
        && Args.All(a => other.Args.TryGetValue(a.Key, out var v) && v == a.Value);

    public override bool Equals(object? obj) => Equals(obj as Message);

    public override int GetHashCode() => HashCode.Combine(Code, Literal, Args.Count);

    public override string ToString() => Code is null ? Literal! : Args.Count == 0 ? Code : $"{Code}({string.Join(", ", Args.Select(a => $"{a.Key}={a.Value}"))})";
}

/// <summary>The messages the rules say most, and the way a FluentValidation rule says one.</summary>
internal static class Say
{
    public static readonly Message Required = Message.Of("required"), NotBlank = Message.Of("not-blank"),
        WholeNumber = Message.Of("whole-number"), Number = Message.Of("number"), Text = Message.Of("text"),
        Boolean = Message.Of("boolean"), Date = Message.Of("date"), Object = Message.Of("object"),
        UnknownField = Message.Of("unknown-field"), ControlCharacter = Message.Of("control-character");

    public static Message TooLong(int max) => Of("too-long", ("max", max));
    public static Message Between(long min, long max) => Of("between", ("min", min), ("max", max));
    public static Message Unprintable(string ch) => Of("unprintable", ("char", ch));

    public static Message Of(string code, params (string Name, object? Value)[] args) => Message.Of(code, args);

    /// <summary>The rule fails with <paramref name="message"/>, kept as a value (the failure's state), its code as the failure's text.</summary>
    public static IRuleBuilderOptions<T, TProperty> Says<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Message message) =>
        rule.WithMessage(message.Code ?? message.Literal).WithState(_ => message);

    /// <summary>The rule fails with a message made from the record and the value.</summary>
    public static IRuleBuilderOptions<T, TProperty> Says<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, TProperty, Message> message) =>
        rule.WithMessage((record, value) => message(record, value).ToString()).WithState((record, value) => message(record, value));
}
