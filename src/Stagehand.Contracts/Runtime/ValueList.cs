using System;
using System.Collections.Generic;

namespace Stagehand.Contracts;

/// <summary>Creates <see cref="ValueList{T}"/> instances; also the collection builder for collection expressions.</summary>
public static class ValueList
{
    /// <summary>Creates a list holding a copy of <paramref name="items"/>, in order.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements of the list.</param>
    /// <returns>The new list, or <see cref="ValueList{T}.Empty"/> when <paramref name="items"/> is empty.</returns>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => ValueList<T>.FromSpan(items);

    /// <summary>Creates a list holding a copy of <paramref name="items"/>, in order.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements of the list.</param>
    /// <returns>The new list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public static ValueList<T> From<T>(IEnumerable<T> items) => new ValueList<T>(items);
}
