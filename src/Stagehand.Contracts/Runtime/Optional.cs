namespace Stagehand.Contracts;

/// <summary>Creates <see cref="Optional{T}"/> values.</summary>
public static class Optional
{
    /// <summary>Wraps <paramref name="value"/> in a present optional.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value, which may be <see langword="null"/>.</param>
    /// <returns>A present optional.</returns>
    public static Optional<T> Of<T>(T value) => new Optional<T>(value);

    /// <summary>Gets an absent optional.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <returns>An absent optional; the same as <c>default</c>.</returns>
    public static Optional<T> Absent<T>() => default;
}
