using System;

namespace Stagehand.Contracts;

/// <summary>
/// The Punycode of RFC 3492, with the parameters IDNA uses (base 36, tmin 1, tmax 26, skew 38, damp 700, initial bias 72,
/// initial n 128), on code points held in spans: the <c>idn-hostname</c> and <c>hostname</c> checks decode A-labels and
/// encode U-labels with it, without allocating. It is written here rather than taken from
/// <see cref="System.Globalization.IdnMapping"/>, whose answers differ between platforms (ICU applies the UTS 46 mapping
/// and validity rules on top; globalization-invariant mode applies none).
/// </summary>
internal static class Punycode
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 128;

    /// <summary>
    /// Decodes the Punycode of a label (what follows <c>xn--</c>) into <paramref name="output"/>. False when the input is
    /// not well-formed Punycode (a non-basic code point before the last delimiter, a digit that is not one, an overflow,
    /// a decoded value that is basic, a surrogate or past U+10FFFF) or the output does not fit.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<int> input, Span<int> output, out int count)
    {
        count = 0;
        int delimiter = input.LastIndexOf('-');
        int basic = delimiter < 0 ? 0 : delimiter;
        if (basic > output.Length)
        {
            return false;
        }

        for (int j = 0; j < basic; j++)
        {
            if (input[j] >= 0x80)
            {
                return false;
            }

            output[j] = input[j];
        }

        count = basic;
        int n = InitialN;
        int i = 0;
        int bias = InitialBias;
        int position = basic > 0 ? basic + 1 : 0;
        while (position < input.Length)
        {
            int oldI = i;
            int w = 1;
            for (int k = Base; ; k += Base)
            {
                if (position >= input.Length)
                {
                    return false;
                }

                int digit = DigitValue(input[position++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w)
                {
                    return false;
                }

                i += digit * w;
                int t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                {
                    break;
                }

                if (w > int.MaxValue / (Base - t))
                {
                    return false;
                }

                w *= Base - t;
            }

            bias = Adapt(i - oldI, count + 1, oldI == 0);
            if (i / (count + 1) > int.MaxValue - n)
            {
                return false;
            }

            n += i / (count + 1);
            i %= count + 1;
            if (n < 0x80 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) || count == output.Length)
            {
                return false;
            }

            output.Slice(i, count - i).CopyTo(output.Slice(i + 1));
            output[i] = n;
            count++;
            i++;
        }

        return true;
    }

    /// <summary>
    /// Encodes code points as Punycode (lower-case digits) into <paramref name="output"/>. False when the output does not
    /// fit (the caller passes the room an A-label leaves, so false means the label is too long) or on overflow.
    /// </summary>
    public static bool TryEncode(ReadOnlySpan<int> input, Span<char> output, out int length)
    {
        length = 0;
        int basic = 0;
        foreach (int c in input)
        {
            if (c < 0x80)
            {
                if (length == output.Length)
                {
                    return false;
                }

                output[length++] = (char)c;
                basic++;
            }
        }

        if (basic > 0)
        {
            if (length == output.Length)
            {
                return false;
            }

            output[length++] = '-';
        }

        int n = InitialN;
        int delta = 0;
        int bias = InitialBias;
        int handled = basic;
        while (handled < input.Length)
        {
            int m = int.MaxValue;
            foreach (int c in input)
            {
                if (c >= n && c < m)
                {
                    m = c;
                }
            }

            if (m - n > (int.MaxValue - delta) / (handled + 1))
            {
                return false;
            }

            delta += (m - n) * (handled + 1);
            n = m;
            foreach (int c in input)
            {
                if (c < n && ++delta == int.MaxValue)
                {
                    return false;
                }

                if (c != n)
                {
                    continue;
                }

                int q = delta;
                for (int k = Base; ; k += Base)
                {
                    int t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t)
                    {
                        break;
                    }

                    if (length == output.Length)
                    {
                        return false;
                    }

                    output[length++] = Digit(t + ((q - t) % (Base - t)));
                    q = (q - t) / (Base - t);
                }

                if (length == output.Length)
                {
                    return false;
                }

                output[length++] = Digit(q);
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }

            delta++;
            n++;
        }

        return true;
    }

    private static int Adapt(int delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }

    private static int DigitValue(int c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);
}
