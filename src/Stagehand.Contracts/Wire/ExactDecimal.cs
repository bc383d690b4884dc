using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Stagehand.Contracts;

/// <summary>
/// A JSON number as <c>Mantissa × 10^Exponent</c>, exactly, for <c>multipleOf</c>: 0.3 is a multiple of 0.1 here,
/// as in decimal arithmetic, and unlike in binary floating point.
/// </summary>
internal sealed class ExactDecimal
{
    private ExactDecimal(BigInteger mantissa, long exponent)
    {
        Mantissa = mantissa;
        Exponent = exponent;
    }

    public BigInteger Mantissa { get; }

    public long Exponent { get; }

    /// <summary>
    /// The exact value of JSON number text, from the digits <see cref="JsonNumber"/> found in it (its significant digits
    /// d1..dn and scale s stand for 0.d1..dn × 10^s, that is d1..dn × 10^(s - n)).
    /// </summary>
    public static ExactDecimal Parse(ReadOnlySpan<byte> utf8)
    {
        JsonNumber.TryParse(utf8, out var number);
        var mantissa = BigInteger.Zero;
        for (var i = 0; i < number.DigitCount; i++)
        {
            mantissa = (mantissa * 10) + (number.Digit(i) - (byte)'0');
        }

        return new ExactDecimal(number.Negative ? -mantissa : mantissa, number.Scale - number.DigitCount);
    }

    /// <summary>Parses the JSON number text of a rule.</summary>
    /// <exception cref="ArgumentException">The text is not a number greater than zero.</exception>
    public static ExactDecimal Parse(string text, string parameter)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (!JsonNumber.TryParse(utf8, out var number) || number.Sign <= 0)
        {
            throw new ArgumentException("The divisor must be JSON number text greater than zero.", parameter);
        }

        return Parse(utf8);
    }

    /// <summary>Whether this is <c>k × divisor</c> for a whole <c>k</c>.</summary>
    public bool IsMultipleOf(ExactDecimal divisor)
    {
        if (Mantissa.IsZero)
        {
            return true;
        }

        var shift = Exponent - divisor.Exponent;
        if (shift >= 0)
        {
            // Mantissa × 10^shift divisible by the divisor's mantissa; the power is taken modulo it, whatever its size.
            var modulus = BigInteger.Abs(divisor.Mantissa);
            return (BigInteger.Abs(Mantissa) % modulus * BigInteger.ModPow(10, shift, modulus) % modulus).IsZero;
        }

        // The divisor has more decimal places: Mantissa must be divisible by divisor × 10^-shift, which needs at least that
        // many digits.
        var digits = BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture).Length;
        if (-shift > digits)
        {
            return false;
        }

        return (BigInteger.Abs(Mantissa) % (BigInteger.Abs(divisor.Mantissa) * BigInteger.Pow(10, (int)-shift))).IsZero;
    }
}
