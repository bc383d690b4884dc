using System;

namespace Stagehand.Contracts;

/// <summary>
/// A JSON number seen as an exact decimal: <c>±0.d1d2…dn × 10^Scale</c> with <c>d1</c> and <c>dn</c> not zero (no digits for
/// zero). Comparisons are exact whatever the size of the number, with no rounding through <see cref="double"/> or
/// <see cref="decimal"/>.
/// </summary>
internal readonly ref struct JsonNumber
{
    /// <summary>Exponents are clamped to this size; a number beyond it is far outside anything a contract compares with.</summary>
    private const long ExponentLimit = 1_000_000_000_000_000L;

    private readonly ReadOnlySpan<byte> _integer;
    private readonly ReadOnlySpan<byte> _fraction;
    private readonly int _first;

    private JsonNumber(ReadOnlySpan<byte> integer, ReadOnlySpan<byte> fraction, int first, int digitCount, long scale, bool negative)
    {
        _integer = integer;
        _fraction = fraction;
        _first = first;
        DigitCount = digitCount;
        Scale = scale;
        Negative = negative;
    }

    /// <summary>The number of significant digits; 0 for zero.</summary>
    public int DigitCount { get; }

    /// <summary>The power of ten of the place just before the first significant digit.</summary>
    public long Scale { get; }

    /// <summary>Whether the number is below zero (never true for zero).</summary>
    public bool Negative { get; }

    /// <summary>-1, 0 or 1.</summary>
    public int Sign => DigitCount == 0 ? 0 : Negative ? -1 : 1;

    /// <summary>Whether the number has no fractional part (<c>1.0</c> and <c>1e2</c> are whole).</summary>
    public bool IsWhole => DigitCount == 0 || DigitCount <= Scale;

    /// <summary>Parses JSON number text (a leading <c>+</c> is refused; an exponent may have one).</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out JsonNumber number)
    {
        number = default;
        int i = 0;
        bool negative = false;
        if (i < text.Length && text[i] == '-')
        {
            negative = true;
            i++;
        }

        int integerStart = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        if (i == integerStart)
        {
            return false;
        }

        ReadOnlySpan<byte> integer = text.Slice(integerStart, i - integerStart);
        ReadOnlySpan<byte> fraction = default;
        if (i < text.Length && text[i] == '.')
        {
            int fractionStart = ++i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            if (i == fractionStart)
            {
                return false;
            }

            fraction = text.Slice(fractionStart, i - fractionStart);
        }

        long exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            bool exponentNegative = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                exponentNegative = text[i] == '-';
                i++;
            }

            int exponentStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                if (exponent < ExponentLimit)
                {
                    exponent = (exponent * 10) + (text[i] - '0');
                }

                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }

            exponent = Math.Min(exponent, ExponentLimit);
            if (exponentNegative)
            {
                exponent = -exponent;
            }
        }

        if (i != text.Length)
        {
            return false;
        }

        int total = integer.Length + fraction.Length;
        int first = 0;
        while (first < total && DigitAt(integer, fraction, first) == '0')
        {
            first++;
        }

        if (first == total)
        {
            number = new JsonNumber(integer, fraction, 0, 0, 0, negative: false);
            return true;
        }

        int last = total - 1;
        while (DigitAt(integer, fraction, last) == '0')
        {
            last--;
        }

        number = new JsonNumber(integer, fraction, first, last - first + 1, integer.Length - first + exponent, negative);
        return true;
    }

    /// <summary>Compares two numbers exactly.</summary>
    public static int Compare(in JsonNumber left, in JsonNumber right)
    {
        int leftSign = left.Sign;
        int rightSign = right.Sign;
        if (leftSign != rightSign)
        {
            return leftSign.CompareTo(rightSign);
        }

        if (leftSign == 0)
        {
            return 0;
        }

        int magnitude = CompareMagnitude(left, right);
        return leftSign > 0 ? magnitude : -magnitude;
    }

    /// <summary>The value, when it is whole and fits in a <see cref="long"/>.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (!IsWhole)
        {
            return false;
        }

        if (DigitCount == 0)
        {
            return true;
        }

        if (Scale > 19)
        {
            return false;
        }

        ulong magnitude = 0;
        for (int i = 0; i < Scale; i++)
        {
            uint digit = i < DigitCount ? (uint)(Digit(i) - '0') : 0u;
            if (magnitude > (ulong.MaxValue - digit) / 10)
            {
                return false;
            }

            magnitude = (magnitude * 10) + digit;
        }

        if (Negative)
        {
            if (magnitude > 1UL << 63)
            {
                return false;
            }

            value = unchecked((long)(0UL - magnitude));
            return true;
        }

        if (magnitude > long.MaxValue)
        {
            return false;
        }

        value = (long)magnitude;
        return true;
    }

    /// <summary>The ASCII digit of significant digit <paramref name="index"/> (0 is the first, never zero).</summary>
    public byte Digit(int index) => DigitAt(_integer, _fraction, _first + index);

    private static byte DigitAt(ReadOnlySpan<byte> integer, ReadOnlySpan<byte> fraction, int index) =>
        index < integer.Length ? integer[index] : fraction[index - integer.Length];

    private static int CompareMagnitude(in JsonNumber left, in JsonNumber right)
    {
        if (left.Scale != right.Scale)
        {
            return left.Scale.CompareTo(right.Scale);
        }

        int common = Math.Min(left.DigitCount, right.DigitCount);
        for (int i = 0; i < common; i++)
        {
            int difference = left.Digit(i) - right.Digit(i);
            if (difference != 0)
            {
                return difference;
            }
        }

        return left.DigitCount.CompareTo(right.DigitCount);
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
