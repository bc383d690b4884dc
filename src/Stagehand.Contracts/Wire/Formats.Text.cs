using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Stagehand.Contracts;

/// <summary>The formats of text that is itself a small language: <c>uri-template</c>, <c>json-pointer</c>, <c>relative-json-pointer</c>, <c>regex</c>.</summary>
internal static partial class Formats
{
    /// <summary>
    /// An RFC 6570 URI template (any level): literals and expressions. A literal is an ASCII character outside controls,
    /// space, <c>" % &lt; &gt; \ ^ ` { | }</c> (the apostrophe is allowed, as verified erratum 6937 corrects the grammar), a
    /// percent-encoding, or a <c>ucschar</c> or <c>iprivate</c> code point. An expression is "{", an optional operator
    /// (<c>+ # . / ; ? &amp;</c>, or one the grammar reserves: <c>= , ! @ |</c>), then variables separated by commas,
    /// each a name of letters, digits, "_" and percent-encodings with single inner dots, optionally followed by a prefix
    /// <c>:1</c> to <c>:9999</c> or the explode <c>*</c>, then "}".
    /// </summary>
    public static bool IsUriTemplate<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        while (i < text.Length)
        {
            int c = At(text, i);
            if (c == '{')
            {
                int close = IndexOf(text.Slice(i + 1), '}');
                if (close < 0 || !IsTemplateExpression(text.Slice(i + 1, close)))
                {
                    return false;
                }

                i += close + 2;
            }
            else if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(At(text, i + 1)) || !IsHex(At(text, i + 2)))
                {
                    return false;
                }

                i += 3;
            }
            else if (c >= 0x80)
            {
                if (!TryDecode(text.Slice(i), out int value, out int length) || !(IsUcsChar(value) || IsIPrivate(value)))
                {
                    return false;
                }

                i += length;
            }
            else if (c is 0x21 or 0x23 or 0x24 or (>= 0x26 and <= 0x3B) or 0x3D or (>= 0x3F and <= 0x5B) or 0x5D or 0x5F or (>= 0x61 and <= 0x7A) or 0x7E)
            {
                i++;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An RFC 6901 JSON Pointer: empty, or "/" reference tokens where every "~" is followed by 0 or 1.</summary>
    public static bool IsJsonPointer<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> => text.IsEmpty || (At(text, 0) == '/' && IsPointerTokens(text));

    /// <summary>
    /// A relative JSON Pointer (draft-bhutton-relative-json-pointer-00, which draft 2020-12 names; the earlier drafts'
    /// grammar is the same without the index manipulation): a non-negative integer without leading zeros, an optional
    /// index manipulation ("+" or "-" and another such integer), then "#" or a JSON Pointer.
    /// </summary>
    public static bool IsRelativeJsonPointer<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        if (!SkipNonNegativeInteger(text, ref i))
        {
            return false;
        }

        if (i < text.Length && At(text, i) is '+' or '-')
        {
            i++;
            if (!SkipNonNegativeInteger(text, ref i))
            {
                return false;
            }
        }

        if (i == text.Length)
        {
            return true;
        }

        return At(text, i) == '#' ? i + 1 == text.Length : At(text, i) == '/' && IsPointerTokens(text.Slice(i));
    }

    /// <summary>
    /// An ECMA-262 regular expression: one <see cref="EcmaPattern"/> translates and .NET compiles, without the syntax of
    /// other dialects that .NET would also take (<see cref="EcmaPattern.IsValid"/>).
    /// </summary>
    public static bool IsRegex<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        string pattern = typeof(T) == typeof(byte)
            ? Encoding.UTF8.GetString(MemoryMarshal.Cast<T, byte>(text))
            : new string(MemoryMarshal.Cast<T, char>(text));
        return EcmaPattern.IsValid(pattern);
    }

    /// <summary>The tokens of a JSON Pointer (the text starts with "/"): every "~" escapes 0 or 1, every code point is well-formed.</summary>
    private static bool IsPointerTokens<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        while (i < text.Length)
        {
            int c = At(text, i);
            if (c == '~')
            {
                if (i + 1 >= text.Length || At(text, i + 1) is not ('0' or '1'))
                {
                    return false;
                }

                i += 2;
            }
            else if (c >= 0x80)
            {
                if (!TryDecode(text.Slice(i), out _, out int length))
                {
                    return false;
                }

                i += length;
            }
            else
            {
                i++;
            }
        }

        return true;
    }

    /// <summary>RFC 6570's expression, between the braces.</summary>
    private static bool IsTemplateExpression<T>(ReadOnlySpan<T> expression)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        if (!expression.IsEmpty && At(expression, 0) is '+' or '#' or '.' or '/' or ';' or '?' or '&' or '=' or ',' or '!' or '@' or '|')
        {
            i = 1;
        }

        while (true)
        {
            // varname = varchar *( ["."] varchar ); varchar = ALPHA / DIGIT / "_" / pct-encoded
            bool expectVarchar = true;
            while (i < expression.Length)
            {
                int c = At(expression, i);
                if (c == '%')
                {
                    if (i + 2 >= expression.Length || !IsHex(At(expression, i + 1)) || !IsHex(At(expression, i + 2)))
                    {
                        return false;
                    }

                    i += 3;
                }
                else if (IsAlpha(c) || IsDigit(c) || c == '_')
                {
                    i++;
                }
                else if (c == '.' && !expectVarchar)
                {
                    i++;
                    expectVarchar = true;
                    continue;
                }
                else
                {
                    break;
                }

                expectVarchar = false;
            }

            if (expectVarchar)
            {
                return false;
            }

            // modifier-level4 = prefix / explode; prefix = ":" max-length (1 to 9999, no leading zero)
            if (i < expression.Length && At(expression, i) == ':')
            {
                i++;
                int start = i;
                while (i < expression.Length && IsDigit(At(expression, i)))
                {
                    i++;
                }

                if (i == start || i - start > 4 || At(expression, start) == '0')
                {
                    return false;
                }
            }
            else if (i < expression.Length && At(expression, i) == '*')
            {
                i++;
            }

            if (i == expression.Length)
            {
                return true;
            }

            if (At(expression, i) != ',')
            {
                return false;
            }

            i++;
        }
    }

    /// <summary>"0", or a digit 1-9 and more digits; <paramref name="i"/> moves past it.</summary>
    private static bool SkipNonNegativeInteger<T>(ReadOnlySpan<T> text, ref int i)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (i >= text.Length || !IsDigit(At(text, i)))
        {
            return false;
        }

        if (At(text, i++) == '0')
        {
            return true;
        }

        while (i < text.Length && IsDigit(At(text, i)))
        {
            i++;
        }

        return true;
    }
}
