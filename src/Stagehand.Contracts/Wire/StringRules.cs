using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace Stagehand.Contracts;

/// <summary>
/// The constraints a schema puts on one string: length in code points, a pattern (never backtracking
/// catastrophically), a format. Generated code keeps one instance per schema location in a static field.
/// </summary>
/// <remarks>
/// The pattern is compiled once, on first use, to a linear-time non-backtracking regular expression. A pattern that needs
/// backtracking (backreferences, lookarounds) runs with a 100 ms timeout instead, and a value it cannot decide in time
/// breaks <c>pattern</c>.
/// </remarks>
public sealed class StringRules
{
    private Regex? _regex;
    private bool _invalidPattern;

    /// <summary>Creates the rules. <paramref name="pattern"/> is an ECMA-262 regular expression, matched anywhere in the value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A length is negative.</exception>
    public StringRules(int? minLength = null, int? maxLength = null, string? pattern = null, StringFormat format = StringFormat.None)
    {
        if (minLength < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minLength), minLength, "A length cannot be negative.");
        }

        if (maxLength < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "A length cannot be negative.");
        }

        MinLength = minLength;
        MaxLength = maxLength;
        Pattern = pattern;
        Format = format;
    }

    /// <summary>Rules that only assert the uuid format.</summary>
    public static StringRules Uuid { get; } = new(format: StringFormat.Uuid);

    /// <summary>Rules that only assert the date-time format.</summary>
    public static StringRules DateTime { get; } = new(format: StringFormat.DateTime);

    /// <summary>Rules that only assert the uri format.</summary>
    public static StringRules Uri { get; } = new(format: StringFormat.Uri);

    /// <summary>The smallest length, in code points.</summary>
    public int? MinLength { get; }

    /// <summary>The largest length, in code points.</summary>
    public int? MaxLength { get; }

    /// <summary>The pattern, as written in the schema.</summary>
    public string? Pattern { get; }

    /// <summary>The asserted format.</summary>
    public StringFormat Format { get; }

    /// <summary>
    /// Checks an unescaped UTF-8 value and returns the first keyword it breaks (<c>minLength</c>, <c>maxLength</c>,
    /// <c>pattern</c>, <c>format</c>) with a message that does not quote the value, or null when it satisfies every rule.
    /// </summary>
    /// <param name="utf8Value">The value, as valid UTF-8.</param>
    public (string Keyword, string Message)? Check(ReadOnlySpan<byte> utf8Value) => Check(utf8Value, checkFormat: true);

    /// <summary>The same check for a value already in memory.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public (string Keyword, string Message)? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        (string, string)? length = CheckLength(MinLength is null && MaxLength is null ? 0 : JsonText.CountCodePoints(value.AsSpan()));
        if (length is not null)
        {
            return length;
        }

        if (Pattern is not null)
        {
            (string, string)? pattern = CheckPattern(value.AsSpan());
            if (pattern is not null)
            {
                return pattern;
            }
        }

        return Format != StringFormat.None && !Formats.Check(Format, value.AsSpan()) ? ("format", Formats.Message(Format)) : null;
    }

    /// <summary>The check of <see cref="Check(ReadOnlySpan{byte})"/>, leaving out the format when the caller has checked it.</summary>
    internal (string Keyword, string Message)? Check(ReadOnlySpan<byte> utf8Value, bool checkFormat)
    {
        (string, string)? length = CheckLength(MinLength is null && MaxLength is null ? 0 : JsonText.CountCodePoints(utf8Value));
        if (length is not null)
        {
            return length;
        }

        if (Pattern is not null)
        {
            char[]? rented = null;
            Span<char> chars = utf8Value.Length <= JsonText.StackLimit
                ? stackalloc char[JsonText.StackLimit]
                : (rented = ArrayPool<char>.Shared.Rent(utf8Value.Length));
            try
            {
                int count = Encoding.UTF8.GetChars(utf8Value, chars);
                (string, string)? pattern = CheckPattern(chars.Slice(0, count));
                if (pattern is not null)
                {
                    return pattern;
                }
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<char>.Shared.Return(rented);
                }
            }
        }

        return checkFormat && Format != StringFormat.None && !Formats.Check(Format, utf8Value) ? ("format", Formats.Message(Format)) : null;
    }

    private (string Keyword, string Message)? CheckLength(int codePoints)
    {
        if (MinLength is int min && codePoints < min)
        {
            return ("minLength", "The value must be at least " + min.ToString(CultureInfo.InvariantCulture) + (min == 1 ? " character long." : " characters long."));
        }

        if (MaxLength is int max && codePoints > max)
        {
            return ("maxLength", "The value must be at most " + max.ToString(CultureInfo.InvariantCulture) + (max == 1 ? " character long." : " characters long."));
        }

        return null;
    }

    private (string Keyword, string Message)? CheckPattern(ReadOnlySpan<char> value)
    {
        Regex? regex = GetRegex();
        if (regex is null)
        {
            return ("pattern", "The schema's pattern is not a valid regular expression.");
        }

        try
        {
            return regex.IsMatch(value) ? null : ("pattern", "The value does not match the pattern " + Pattern + ".");
        }
        catch (RegexMatchTimeoutException)
        {
            return ("pattern", "The pattern could not be evaluated in time.");
        }
    }

    private Regex? GetRegex()
    {
        Regex? regex = Volatile.Read(ref _regex);
        if (regex is not null || _invalidPattern)
        {
            return regex;
        }

        try
        {
            regex = EcmaPattern.Compile(Pattern!);
        }
        catch (ArgumentException)
        {
            _invalidPattern = true;
            return null;
        }

        return Interlocked.CompareExchange(ref _regex, regex, null) ?? regex;
    }
}
