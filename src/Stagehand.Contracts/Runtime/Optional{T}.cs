using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Stagehand.Contracts;

/// <summary>
/// A value that may be absent. Unlike a nullable type, it tells "absent" apart from a present
/// <see langword="null"/>: <c>Optional&lt;string?&gt;</c> can be absent, present and <see langword="null"/>,
/// or present with a string.
/// </summary>
/// <typeparam name="T">The type of the value; it may be a nullable type.</typeparam>
/// <remarks>
/// <c>default(Optional&lt;T&gt;)</c> is absent. A conversion from <typeparamref name="T"/> is present, so
/// <c>Optional&lt;Guid?&gt; x = null;</c> is a present <see langword="null"/>.
/// </remarks>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>Initializes a present optional holding <paramref name="value"/>.</summary>
    /// <param name="value">The value, which may be <see langword="null"/>.</param>
    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>Gets an absent optional; the same as <c>default</c>.</summary>
    public static Optional<T> Absent => default;

    /// <summary>Gets a value telling whether a value is present (possibly <see langword="null"/>).</summary>
    public bool HasValue { get; }

    /// <summary>Gets the value.</summary>
    /// <exception cref="InvalidOperationException">The value is absent.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The optional value is absent.");

    /// <summary>Wraps <paramref name="value"/> in a present optional.</summary>
    /// <param name="value">The value, which may be <see langword="null"/>.</param>
    /// <returns>A present optional.</returns>
    public static implicit operator Optional<T>(T value) => new Optional<T>(value);

    /// <summary>Compares two optionals.</summary>
    /// <param name="left">The first optional.</param>
    /// <param name="right">The second optional.</param>
    /// <returns><see langword="true"/> when both are absent, or both are present with equal values.</returns>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Compares two optionals.</summary>
    /// <param name="left">The first optional.</param>
    /// <param name="right">The second optional.</param>
    /// <returns><see langword="true"/> when the optionals are not equal.</returns>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    /// <summary>Gets the value when present, otherwise <paramref name="defaultValue"/>.</summary>
    /// <param name="defaultValue">The value to return when absent.</param>
    /// <returns>The value, or <paramref name="defaultValue"/>.</returns>
    public T GetValueOrDefault(T defaultValue) => HasValue ? _value : defaultValue;

    /// <summary>Gets the value, if present.</summary>
    /// <param name="value">The value when present; otherwise the default value of <typeparamref name="T"/>.</param>
    /// <returns><see langword="true"/> when the value is present.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return HasValue;
    }

    /// <summary>Compares this optional with <paramref name="other"/>.</summary>
    /// <param name="other">The optional to compare with.</param>
    /// <returns>
    /// <see langword="true"/> when both are absent, or both are present with values that are equal according to
    /// <see cref="EqualityComparer{T}.Default"/>.
    /// </returns>
    public bool Equals(Optional<T> other)
    {
        if (HasValue != other.HasValue)
        {
            return false;
        }

        return !HasValue || EqualityComparer<T>.Default.Equals(_value, other._value);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <summary>Returns a hash code consistent with <see cref="Equals(Optional{T})"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        if (!HasValue)
        {
            return 0;
        }

        return HashCode.Combine(1, _value is null ? 0 : EqualityComparer<T>.Default.GetHashCode(_value));
    }

    /// <summary>Returns <c>&lt;absent&gt;</c>, <c>null</c>, or the text of the value.</summary>
    /// <returns>The text form of the optional.</returns>
    public override string ToString() => HasValue ? _value?.ToString() ?? "null" : "<absent>";
}
