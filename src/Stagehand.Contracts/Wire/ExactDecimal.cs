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

    /// <summary>Parses JSON number text (already known to be valid JSON number text).</summary>
    public static ExactDecimal Parse(ReadOnlySpan<byte> utf8)
    {
        var mantissa = BigInteger.Zero;
        long exponent = 0;
        var negative = false;
        var i = 0;
        if (i < utf8.Length && utf8[i] == (byte)'-')
        {
            negative = true;
            i++;
        }

        var fraction = false;
        for (; i < utf8.Length && utf8[i] is not ((byte)'e' or (byte)'E'); i++)
        {
            if (utf8[i] == (byte)'.')
            {
                fraction = true;
                continue;
            }

            mantissa = (mantissa * 10) + (utf8[i] - (byte)'0');
            if (fraction)
            {
                exponent--;
            }
        }

        if (i < utf8.Length)
        {
            // The exponent: beyond a long it is far outside any number a contract compares; clamp it.
            var text = Encoding.ASCII.GetString(utf8.Slice(i + 1));
            exponent += long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var written) ? Math.Clamp(written, -1_000_000_000L, 1_000_000_000L) : 0;
        }

        return new ExactDecimal(negative ? -mantissa : mantissa, exponent);
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
