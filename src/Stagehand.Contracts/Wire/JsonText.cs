using System;
using System.Text;

namespace Stagehand.Contracts;

/// <summary>Unescaping and measuring of JSON string content (the bytes between the quotes, as the reader validated them).</summary>
internal static class JsonText
{
    /// <summary>The size of the stack buffers used for short strings and names.</summary>
    internal const int StackLimit = 256;

    /// <summary>
    /// Unescapes <paramref name="escaped"/> (JSON string content) into UTF-8. <paramref name="destination"/> must be at least
    /// as long as <paramref name="escaped"/>: no escape sequence is shorter than what it stands for. Returns false when an
    /// escape is a lone surrogate (<c>\ud800</c>) or malformed, unless <paramref name="lenient"/>, which writes U+FFFD instead.
    /// </summary>
    public static bool TryUnescape(ReadOnlySpan<byte> escaped, Span<byte> destination, out int written, bool lenient = false)
    {
        int w = 0;
        int i = 0;
        while (i < escaped.Length)
        {
            int next = escaped.Slice(i).IndexOf((byte)'\\');
            if (next < 0)
            {
                escaped.Slice(i).CopyTo(destination.Slice(w));
                w += escaped.Length - i;
                break;
            }

            escaped.Slice(i, next).CopyTo(destination.Slice(w));
            w += next;
            i += next;
            if (i + 1 >= escaped.Length)
            {
                written = w;
                return false;
            }

            byte e = escaped[i + 1];
            i += 2;
            switch (e)
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'/':
                    destination[w++] = e;
                    break;
                case (byte)'b':
                    destination[w++] = (byte)'\b';
                    break;
                case (byte)'f':
                    destination[w++] = (byte)'\f';
                    break;
                case (byte)'n':
                    destination[w++] = (byte)'\n';
                    break;
                case (byte)'r':
                    destination[w++] = (byte)'\r';
                    break;
                case (byte)'t':
                    destination[w++] = (byte)'\t';
                    break;
                case (byte)'u':
                {
                    int scalar = Hex4(escaped, i);
                    if (scalar < 0)
                    {
                        written = w;
                        return false;
                    }

                    i += 4;
                    if (scalar is >= 0xD800 and <= 0xDBFF)
                    {
                        int low = i + 6 <= escaped.Length && escaped[i] == '\\' && escaped[i + 1] == 'u' ? Hex4(escaped, i + 2) : -1;
                        if (low is >= 0xDC00 and <= 0xDFFF)
                        {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00);
                            i += 6;
                        }
                        else if (lenient)
                        {
                            scalar = 0xFFFD;
                        }
                        else
                        {
                            written = w;
                            return false;
                        }
                    }
                    else if (scalar is >= 0xDC00 and <= 0xDFFF)
                    {
                        if (!lenient)
                        {
                            written = w;
                            return false;
                        }

                        scalar = 0xFFFD;
                    }

                    w += new Rune(scalar).EncodeToUtf8(destination.Slice(w));
                    break;
                }

                default:
                    written = w;
                    return false;
            }
        }

        written = w;
        return true;
    }

    /// <summary>
    /// Checks <paramref name="escaped"/> without writing it anywhere: returns false on a lone surrogate escape and gives the
    /// length of the unescaped UTF-8.
    /// </summary>
    public static bool Validate(ReadOnlySpan<byte> escaped, out int unescapedLength)
    {
        int length = 0;
        int i = 0;
        while (i < escaped.Length)
        {
            int next = escaped.Slice(i).IndexOf((byte)'\\');
            if (next < 0)
            {
                length += escaped.Length - i;
                break;
            }

            length += next;
            i += next;
            if (i + 1 >= escaped.Length)
            {
                unescapedLength = length;
                return false;
            }

            byte e = escaped[i + 1];
            i += 2;
            if (e != 'u')
            {
                length++;
                continue;
            }

            int scalar = Hex4(escaped, i);
            if (scalar < 0)
            {
                unescapedLength = length;
                return false;
            }

            i += 4;
            if (scalar is >= 0xD800 and <= 0xDBFF)
            {
                int low = i + 6 <= escaped.Length && escaped[i] == '\\' && escaped[i + 1] == 'u' ? Hex4(escaped, i + 2) : -1;
                if (low is not (>= 0xDC00 and <= 0xDFFF))
                {
                    unescapedLength = length;
                    return false;
                }

                i += 6;
                length += 4;
            }
            else if (scalar is >= 0xDC00 and <= 0xDFFF)
            {
                unescapedLength = length;
                return false;
            }
            else
            {
                length += scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : 3;
            }
        }

        unescapedLength = length;
        return true;
    }

    /// <summary>The number of Unicode code points in valid UTF-8.</summary>
    public static int CountCodePoints(ReadOnlySpan<byte> utf8)
    {
        int continuation = 0;
        foreach (byte b in utf8)
        {
            if ((b & 0xC0) == 0x80)
            {
                continuation++;
            }
        }

        return utf8.Length - continuation;
    }

    /// <summary>The number of Unicode code points in a UTF-16 string; a lone surrogate counts as one.</summary>
    public static int CountCodePoints(ReadOnlySpan<char> text)
    {
        int pairs = 0;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                pairs++;
                i++;
            }
        }

        return text.Length - pairs;
    }

    /// <summary>Appends <paramref name="name"/> to a JSON Pointer as one reference token (RFC 6901: <c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>).</summary>
    public static void AppendPointerToken(StringBuilder builder, ReadOnlySpan<char> name)
    {
        builder.Append('/');
        foreach (char c in name)
        {
            switch (c)
            {
                case '~':
                    builder.Append("~0");
                    break;
                case '/':
                    builder.Append("~1");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }

    private static int Hex4(ReadOnlySpan<byte> text, int start)
    {
        if (start + 4 > text.Length)
        {
            return -1;
        }

        int value = 0;
        for (int k = 0; k < 4; k++)
        {
            int digit = HexValue(text[start + k]);
            if (digit < 0)
            {
                return -1;
            }

            value = (value << 4) | digit;
        }

        return value;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
