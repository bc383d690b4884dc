using System;

namespace Stagehand.Contracts;

/// <summary>Gives the wire value of an enum member.</summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class WireValueAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="value">The value of the enum member on the wire.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public WireValueAttribute(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Gets the value of the enum member on the wire.</summary>
    public string Value { get; }
}
