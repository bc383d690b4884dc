using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace Stagehand.Contracts;

/// <summary>
/// An immutable list with value semantics: two lists are equal when they hold equal elements
/// (compared with <see cref="EqualityComparer{T}.Default"/>) in the same order.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// The list keeps its own copy of the elements, so changing the source after construction does not
/// change the list. It supports collection expressions: <c>ValueList&lt;string&gt; x = ["a", "b"];</c>.
/// </remarks>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>Gets the empty list.</summary>
    public static ValueList<T> Empty { get; } = new ValueList<T>(Array.Empty<T>(), copy: false);

    /// <summary>Initializes a new list holding a copy of <paramref name="items"/>, in order.</summary>
    /// <param name="items">The elements of the list.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public ValueList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
    }

    private ValueList(T[] items, bool copy)
    {
        _items = copy ? CopyOf(items) : items;
    }

    /// <summary>Gets the number of elements in the list.</summary>
    public int Count => _items.Length;

    /// <summary>Gets the element at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based index of the element.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public T this[int index] => _items[index];

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The elements to copy, or <see langword="null"/>.</param>
    /// <returns>The new list, or <see langword="null"/> when <paramref name="items"/> is <see langword="null"/>.</returns>
    [return: NotNullIfNotNull(nameof(items))]
    public static implicit operator ValueList<T>?(T[]? items)
    {
        if (items is null)
        {
            return null;
        }

        return items.Length == 0 ? Empty : new ValueList<T>(items, copy: true);
    }

    /// <summary>Compares two lists by value.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or hold equal elements in the same order.</returns>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two lists by value.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when the lists are not equal.</returns>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);

    /// <summary>Gets a read-only view of the elements.</summary>
    /// <returns>A span over the elements.</returns>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>Copies the elements into a new array.</summary>
    /// <returns>A new array; changing it does not change the list.</returns>
    public T[] ToArray() => _items.Length == 0 ? Array.Empty<T>() : CopyOf(_items);

    /// <summary>Returns an enumerator over the elements, in order.</summary>
    /// <returns>A struct enumerator.</returns>
    public Enumerator GetEnumerator() => new Enumerator(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Compares this list with <paramref name="other"/> element by element.</summary>
    /// <param name="other">The list to compare with.</param>
    /// <returns><see langword="true"/> when both lists hold equal elements in the same order.</returns>
    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <summary>Returns a hash code combining the hash codes of the elements, in order.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(_items.Length);
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        foreach (T item in _items)
        {
            hash.Add(item, comparer);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the elements as text, such as <c>[a, b, c]</c>.</summary>
    /// <returns>The text form of the list.</returns>
    public override string ToString()
    {
        StringBuilder builder = new StringBuilder().Append('[');
        for (int i = 0; i < _items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(_items[i]?.ToString() ?? "null");
        }

        return builder.Append(']').ToString();
    }

    internal static ValueList<T> FromSpan(ReadOnlySpan<T> items) =>
        items.IsEmpty ? Empty : new ValueList<T>(items.ToArray(), copy: false);

    private static T[] CopyOf(T[] items)
    {
        // Array.Copy (not AsSpan) so that a covariant array such as object[] holding strings is accepted.
        T[] copy = new T[items.Length];
        Array.Copy(items, copy, items.Length);
        return copy;
    }

    /// <summary>Enumerates the elements of a <see cref="ValueList{T}"/> without allocating.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>Gets the element at the current position.</summary>
        public readonly T Current => _items[_index];

        readonly object? IEnumerator.Current => Current;

        /// <summary>Advances to the next element.</summary>
        /// <returns><see langword="false"/> when the end of the list has been passed.</returns>
        public bool MoveNext() => ++_index < _items.Length;

        /// <summary>Moves back to before the first element.</summary>
        public void Reset() => _index = -1;

        /// <summary>Does nothing: the enumerator holds no resources.</summary>
        public readonly void Dispose()
        {
        }
    }
}
