using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Stagehand.Contracts;

/// <summary>
/// Compiles an ECMA-262 pattern (as JSON Schema's <c>pattern</c> uses it) to a .NET <see cref="Regex"/>. The pattern is
/// first rewritten where the two dialects differ: <c>\d</c>, <c>\w</c> and <c>\s</c> (and their negations) get their
/// ECMA-262 meaning (ASCII digits and word characters, the ECMA-262 white space set), <c>.</c> excludes every ECMA-262
/// line terminator, <c>$</c> only matches at the very end, and <c>[]</c> / <c>[^]</c> mean nothing / anything. It then
/// runs on the non-backtracking engine, whose time is linear in the input; a pattern that engine cannot run
/// (backreferences, lookarounds) falls back to the backtracking engine with a match timeout.
/// </summary>
internal static class EcmaPattern
{
    /// <summary>How long a backtracking match may run before the value is reported as not evaluable.</summary>
    public static readonly TimeSpan FallbackTimeout = TimeSpan.FromMilliseconds(100);

    private const string DigitClass = "0-9";
    private const string NotDigitClass = @"\u0000-\u002F\u003A-\uFFFF";
    private const string WordClass = "0-9A-Z_a-z";
    private const string NotWordClass = @"\u0000-\u002F\u003A-\u0040\u005B-\u005E\u0060\u007B-\uFFFF";
    private const string SpaceClass = @"\t\n\v\f\r\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
    private const string NotSpaceClass = @"\u0000-\u0008\u000E-\u001F\u0021-\u009F\u00A1-\u167F\u1681-\u1FFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u2FFF\u3001-\uFEFE\uFF00-\uFFFF";

    /// <summary>Compiles <paramref name="pattern"/>; throws <see cref="ArgumentException"/> when it is not a valid pattern.</summary>
    public static Regex Compile(string pattern)
    {
        string translated = Translate(pattern);
#if NET7_0_OR_GREATER
        try
        {
            return new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            return new Regex(translated, RegexOptions.CultureInvariant, FallbackTimeout);
        }
#else
        // The schema tools (netstandard2.0) check patterns, and match only a few short strings with them (the evolution
        // rules' witnesses), under the timeout.
        return new Regex(translated, RegexOptions.CultureInvariant, FallbackTimeout);
#endif
    }

    /// <summary>
    /// Whether <paramref name="pattern"/> is an ECMA-262 regular expression, as the <c>regex</c> format asserts: it has
    /// none of the syntax .NET reads but ECMA-262 does not (<see cref="HasEcmaSyntax"/>), and its translation compiles.
    /// </summary>
    public static bool IsValid(string pattern)
    {
        if (!HasEcmaSyntax(pattern))
        {
            return false;
        }

        try
        {
            _ = new Regex(Translate(pattern), RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// False for the constructs .NET reads and ECMA-262 (with the <c>u</c> flag, as JSON Schema's suite reads patterns)
    /// does not: groups that start "(?" other than <c>(?:</c>, <c>(?=</c>, <c>(?!</c>, <c>(?&lt;=</c>, <c>(?&lt;!</c>,
    /// <c>(?&lt;name&gt;</c> and the modifiers <c>(?ims-ims:</c> (so no comments, inline flags, atomic, conditional,
    /// balancing or Python-style groups), an escape of a letter ECMA-262 gives no meaning (<c>\a</c>, <c>\e</c>,
    /// <c>\A</c>, <c>\Z</c>, <c>\z</c>, <c>\G</c>, ...; <c>\B</c> and <c>\k</c> inside a class), and <c>\0</c> followed
    /// by a digit (an octal escape). Whatever else .NET refuses, compiling finds.
    /// </summary>
    internal static bool HasEcmaSyntax(string pattern)
    {
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    return false;
                }

                char escape = pattern[++i];
                if (IsAsciiLetter(escape) && !("dDwWsSbfnrtvcxupP".IndexOf(escape) >= 0 || (!inClass && escape is 'B' or 'k')))
                {
                    return false;
                }

                if (escape == '0' && i + 1 < pattern.Length && IsAsciiDigit(pattern[i + 1]))
                {
                    return false;
                }

                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    i++;
                }

                // In ECMA-262 a "]" right after "[" or "[^" closes the (empty) class.
                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    inClass = false;
                    i++;
                }
            }
            else if (c == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?' && !IsEcmaGroupStart(pattern, i + 2))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether what follows "(?" at <paramref name="index"/> opens an ECMA-262 group.</summary>
    private static bool IsEcmaGroupStart(string pattern, int index)
    {
        if (index >= pattern.Length)
        {
            return false;
        }

        char first = pattern[index];
        if (first is ':' or '=' or '!')
        {
            return true;
        }

        if (first == '<')
        {
            if (index + 1 < pattern.Length && pattern[index + 1] is '=' or '!')
            {
                return true;
            }

            // A group name: an identifier, then ">".
            int end = pattern.IndexOf('>', index + 1);
            if (end <= index + 1 || IsAsciiDigit(pattern[index + 1]))
            {
                return false;
            }

            for (int i = index + 1; i < end; i++)
            {
                if (!(char.IsLetterOrDigit(pattern[i]) || pattern[i] is '_' or '$'))
                {
                    return false;
                }
            }

            return true;
        }

        // Modifiers (ECMA-262 2025): (?i:, (?-m:, (?is-m: ... each of i, m, s at most once, at least one, then ":".
        int seen = 0;
        bool dash = false;
        for (int i = index; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == ':')
            {
                return seen != 0;
            }

            if (c == '-' && !dash)
            {
                dash = true;
                continue;
            }

            int flag = c switch { 'i' => 1, 'm' => 2, 's' => 4, _ => 0 };
            if (flag == 0 || (seen & flag) != 0)
            {
                return false;
            }

            seen |= flag;
        }

        return false;
    }

    // Spelt out: the schema tools that share this file build for netstandard2.0, which lacks char.IsAsciiDigit.
    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>Rewrites an ECMA-262 pattern into a .NET pattern with the same meaning.</summary>
    public static string Translate(string pattern)
    {
        StringBuilder builder = new StringBuilder(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char escape = pattern[++i];
                string? replacement = escape switch
                {
                    'd' => inClass ? DigitClass : "[" + DigitClass + "]",
                    'D' => inClass ? NotDigitClass : "[" + NotDigitClass + "]",
                    'w' => inClass ? WordClass : "[" + WordClass + "]",
                    'W' => inClass ? NotWordClass : "[" + NotWordClass + "]",
                    's' => inClass ? SpaceClass : "[" + SpaceClass + "]",
                    'S' => inClass ? NotSpaceClass : "[" + NotSpaceClass + "]",
                    _ => null,
                };
                if (replacement is not null)
                {
                    builder.Append(replacement);
                }
                else if ((escape == 'p' || escape == 'P') && TryTranslateProperty(pattern, ref i, escape, builder))
                {
                }
                else
                {
                    builder.Append('\\').Append(escape);
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '[')
                {
                    // A literal '[' inside a class in ECMA-262; .NET reads "[" followed by ":" or "-[" specially.
                    builder.Append('\\');
                }

                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    if (string.CompareOrdinal(pattern, i, "[]", 0, 2) == 0)
                    {
                        builder.Append(@"[^\s\S]");
                        i += 1;
                    }
                    else if (string.CompareOrdinal(pattern, i, "[^]", 0, 3) == 0)
                    {
                        builder.Append(@"[\s\S]");
                        i += 2;
                    }
                    else
                    {
                        inClass = true;
                        builder.Append('[');
                        if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                        {
                            builder.Append('^');
                            i++;
                        }
                    }

                    break;
                case '.':
                    builder.Append(@"[^\n\r\u2028\u2029]");
                    break;
                case '$':
                    builder.Append(@"\z");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Rewrites an ECMA-262 Unicode property escape (<c>\p{Letter}</c>, <c>\p{gc=Lu}</c>,
    /// <c>\p{General_Category=Decimal_Number}</c>) into .NET's short category names. <paramref name="index"/> is at the
    /// <c>p</c>; on success it moves to the closing brace.
    /// </summary>
    private static bool TryTranslateProperty(string pattern, ref int index, char escape, StringBuilder builder)
    {
        if (index + 1 >= pattern.Length || pattern[index + 1] != '{')
        {
            return false;
        }

        var close = pattern.IndexOf('}', index + 2);
        if (close < 0)
        {
            return false;
        }

        var name = pattern.Substring(index + 2, close - index - 2);
        var equals = name.IndexOf('=');
        if (equals >= 0)
        {
            var key = name.Substring(0, equals);
            if (key != "gc" && key != "General_Category")
            {
                return false;
            }

            name = name.Substring(equals + 1);
        }

        var category = name switch
        {
            "Letter" => "L",
            "Cased_Letter" => "L",
            "Uppercase_Letter" => "Lu",
            "Lowercase_Letter" => "Ll",
            "Titlecase_Letter" => "Lt",
            "Modifier_Letter" => "Lm",
            "Other_Letter" => "Lo",
            "Mark" or "Combining_Mark" => "M",
            "Nonspacing_Mark" => "Mn",
            "Spacing_Mark" => "Mc",
            "Enclosing_Mark" => "Me",
            "Number" => "N",
            "Decimal_Number" or "digit" => "Nd",
            "Letter_Number" => "Nl",
            "Other_Number" => "No",
            "Punctuation" or "punct" => "P",
            "Connector_Punctuation" => "Pc",
            "Dash_Punctuation" => "Pd",
            "Open_Punctuation" => "Ps",
            "Close_Punctuation" => "Pe",
            "Initial_Punctuation" => "Pi",
            "Final_Punctuation" => "Pf",
            "Other_Punctuation" => "Po",
            "Symbol" => "S",
            "Math_Symbol" => "Sm",
            "Currency_Symbol" => "Sc",
            "Modifier_Symbol" => "Sk",
            "Other_Symbol" => "So",
            "Separator" => "Z",
            "Space_Separator" => "Zs",
            "Line_Separator" => "Zl",
            "Paragraph_Separator" => "Zp",
            "Other" => "C",
            "Control" or "cntrl" => "Cc",
            "Format" => "Cf",
            "Surrogate" => "Cs",
            "Private_Use" => "Co",
            "Unassigned" => "Cn",
            "L" or "Lu" or "Ll" or "Lt" or "Lm" or "Lo" or "M" or "Mn" or "Mc" or "Me" or "N" or "Nd" or "Nl" or "No"
                or "P" or "Pc" or "Pd" or "Ps" or "Pe" or "Pi" or "Pf" or "Po" or "S" or "Sm" or "Sc" or "Sk" or "So"
                or "Z" or "Zs" or "Zl" or "Zp" or "C" or "Cc" or "Cf" or "Cs" or "Co" or "Cn" => name,
            _ => null,
        };
        if (category is null)
        {
            return false;
        }

        builder.Append('\\').Append(escape).Append('{').Append(category).Append('}');
        index = close;
        return true;
    }
}
