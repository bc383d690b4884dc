using System;
using System.Globalization;
using System.Text;

namespace Stagehand.Contracts;

/// <summary>
/// The constraints a schema puts on one number. Bounds are given as the schema's JSON number text and compared
/// exactly (no rounding through <see cref="double"/> where the values fit <see cref="decimal"/>).
/// </summary>
public sealed class NumberRules
{
    private readonly Bound? _minimum;
    private readonly Bound? _maximum;
    private readonly Bound? _exclusiveMinimum;
    private readonly Bound? _exclusiveMaximum;

    /// <summary>Creates the rules; each bound is JSON number text or null. <paramref name="integer"/> requires a whole number (1.0 counts).</summary>
    /// <exception cref="ArgumentException">A bound is not JSON number text.</exception>
    /// <param name="minimum">The inclusive lower bound, as JSON number text.</param>
    /// <param name="maximum">The inclusive upper bound, as JSON number text.</param>
    /// <param name="exclusiveMinimum">The exclusive lower bound, as JSON number text.</param>
    /// <param name="exclusiveMaximum">The exclusive upper bound, as JSON number text.</param>
    /// <param name="integer">Whether the value must be a whole number.</param>
    /// <param name="multipleOf">The value must be a whole multiple of this (JSON number text, greater than zero), checked exactly in decimal.</param>
    public NumberRules(string? minimum = null, string? maximum = null, string? exclusiveMinimum = null, string? exclusiveMaximum = null, bool integer = false, string? multipleOf = null)
    {
        _multipleOf = multipleOf is null ? null : ExactDecimal.Parse(multipleOf, nameof(multipleOf));
        MultipleOf = multipleOf;
        _minimum = Bound.Create(minimum, nameof(minimum));
        _maximum = Bound.Create(maximum, nameof(maximum));
        _exclusiveMinimum = Bound.Create(exclusiveMinimum, nameof(exclusiveMinimum));
        _exclusiveMaximum = Bound.Create(exclusiveMaximum, nameof(exclusiveMaximum));
        Integer = integer;
    }

    private readonly ExactDecimal? _multipleOf;

    /// <summary>The divisor the value must be a whole multiple of, as JSON number text.</summary>
    public string? MultipleOf { get; }

    /// <summary>Whether the value must be a whole number.</summary>
    public bool Integer { get; }

    /// <summary>The inclusive lower bound, as JSON number text.</summary>
    public string? Minimum => _minimum?.Text;

    /// <summary>The inclusive upper bound, as JSON number text.</summary>
    public string? Maximum => _maximum?.Text;

    /// <summary>The exclusive lower bound, as JSON number text.</summary>
    public string? ExclusiveMinimum => _exclusiveMinimum?.Text;

    /// <summary>The exclusive upper bound, as JSON number text.</summary>
    public string? ExclusiveMaximum => _exclusiveMaximum?.Text;

    /// <summary>
    /// Checks the JSON number text <paramref name="utf8Number"/> and returns the first keyword it breaks (<c>type</c> for a
    /// fraction where an integer is required, <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>)
    /// with a message, or null.
    /// </summary>
    public (string Keyword, string Message)? Check(ReadOnlySpan<byte> utf8Number)
    {
        if (!JsonNumber.TryParse(utf8Number, out JsonNumber value))
        {
            return ("type", "Expected a number.");
        }

        if (Integer && !value.IsWhole)
        {
            return ("type", "Expected a whole number.");
        }

        if (_minimum is not null && _minimum.CompareTo(value) > 0)
        {
            return ("minimum", "The value must be at least " + _minimum.Text + ".");
        }

        if (_maximum is not null && _maximum.CompareTo(value) < 0)
        {
            return ("maximum", "The value must be at most " + _maximum.Text + ".");
        }

        if (_exclusiveMinimum is not null && _exclusiveMinimum.CompareTo(value) >= 0)
        {
            return ("exclusiveMinimum", "The value must be greater than " + _exclusiveMinimum.Text + ".");
        }

        if (_exclusiveMaximum is not null && _exclusiveMaximum.CompareTo(value) <= 0)
        {
            return ("exclusiveMaximum", "The value must be less than " + _exclusiveMaximum.Text + ".");
        }

        if (_multipleOf is not null && !ExactDecimal.Parse(utf8Number).IsMultipleOf(_multipleOf))
        {
            return ("multipleOf", "The value must be a multiple of " + MultipleOf + ".");
        }

        return null;
    }

    /// <summary>The same check for a value in memory. The value is compared as its shortest round-trip decimal form, so 0.1 meets a minimum of 0.1.</summary>
    public (string Keyword, string Message)? Check(double value)
    {
        if (!double.IsFinite(value))
        {
            return ("type", "Expected a finite number.");
        }

        Span<byte> text = stackalloc byte[64];
        value.TryFormat(text, out int written, "R", CultureInfo.InvariantCulture);
        return Check(text.Slice(0, written));
    }

    /// <summary>The same check for a value in memory.</summary>
    public (string Keyword, string Message)? Check(long value)
    {
        Span<byte> text = stackalloc byte[24];
        value.TryFormat(text, out int written, default, CultureInfo.InvariantCulture);
        return Check(text.Slice(0, written));
    }

    private sealed class Bound
    {
        private readonly byte[] _utf8;

        private Bound(string text, byte[] utf8)
        {
            Text = text;
            _utf8 = utf8;
        }

        public string Text { get; }

        public static Bound? Create(string? text, string parameter)
        {
            if (text is null)
            {
                return null;
            }

            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            if (!JsonNumber.TryParse(utf8, out _))
            {
                throw new ArgumentException("The bound is not JSON number text.", parameter);
            }

            return new Bound(text, utf8);
        }

        /// <summary>Compares the bound with <paramref name="value"/>: negative when the bound is smaller.</summary>
        public int CompareTo(in JsonNumber value)
        {
            JsonNumber.TryParse(_utf8, out JsonNumber bound);
            return JsonNumber.Compare(bound, value);
        }
    }
}
