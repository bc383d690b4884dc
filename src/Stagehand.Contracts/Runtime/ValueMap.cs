using System;
using System.Collections.Generic;

namespace Stagehand.Contracts;

/// <summary>Creates <see cref="ValueMap{TValue}"/> instances; also the collection builder for collection expressions.</summary>
public static class ValueMap
{
    /// <summary>Creates a map holding <paramref name="items"/>, in order.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="items">The entries of the map.</param>
    /// <returns>The new map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of its keys is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two entries have the same key.</exception>
    public static ValueMap<TValue> Create<TValue>(params KeyValuePair<string, TValue>[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return ValueMap<TValue>.FromSpan(items);
    }

    /// <summary>Creates a map holding <paramref name="items"/>, in order.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="items">The entries of the map.</param>
    /// <returns>The new map, or <see cref="ValueMap{TValue}.Empty"/> when <paramref name="items"/> is empty.</returns>
    /// <exception cref="ArgumentNullException">One of the keys is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two entries have the same key.</exception>
    public static ValueMap<TValue> Create<TValue>(ReadOnlySpan<KeyValuePair<string, TValue>> items) =>
        ValueMap<TValue>.FromSpan(items);
}
