using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace Stagehand.Contracts;

/// <summary>
/// An immutable map from string keys to values, with value semantics.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>
/// <para>Keys are compared ordinally. Enumeration follows insertion order, so that a map read from the wire
/// is written back with its members in the same order.</para>
/// <para>Equality ignores order: two maps are equal when they hold the same keys with equal values (compared
/// with <see cref="EqualityComparer{T}.Default"/>), and <see cref="GetHashCode"/> is order-insensitive to match.</para>
/// </remarks>
[CollectionBuilder(typeof(ValueMap), nameof(ValueMap.Create))]
public sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    private readonly KeyValuePair<string, TValue>[] _entries;
    private readonly Dictionary<string, int> _index;
    private ReadOnlyCollection<string>? _keys;
    private ReadOnlyCollection<TValue>? _values;

    /// <summary>Gets the empty map.</summary>
    public static ValueMap<TValue> Empty { get; } = new ValueMap<TValue>((IEnumerable<KeyValuePair<string, TValue>>)Array.Empty<KeyValuePair<string, TValue>>());

    /// <summary>Initializes a new map holding <paramref name="items"/>, in order.</summary>
    /// <param name="items">The entries of the map.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of its keys is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two entries have the same key.</exception>
    public ValueMap(IEnumerable<KeyValuePair<string, TValue>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        List<KeyValuePair<string, TValue>> entries = items is ICollection<KeyValuePair<string, TValue>> collection
            ? new List<KeyValuePair<string, TValue>>(collection.Count)
            : new List<KeyValuePair<string, TValue>>();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, TValue> entry in items)
        {
            Add(entry, entries.Count);
            entries.Add(entry);
        }

        _entries = entries.ToArray();
    }

    private ValueMap(ReadOnlySpan<KeyValuePair<string, TValue>> items)
    {
        _index = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        for (int i = 0; i < items.Length; i++)
        {
            Add(items[i], i);
        }

        _entries = items.ToArray();
    }

    /// <summary>Gets the number of entries in the map.</summary>
    public int Count => _entries.Length;

    /// <summary>Gets the keys, in insertion order.</summary>
    public IReadOnlyList<string> Keys => _keys ??= new ReadOnlyCollection<string>(Array.ConvertAll(_entries, e => e.Key));

    /// <summary>Gets the values, in insertion order.</summary>
    public IReadOnlyList<TValue> Values => _values ??= new ReadOnlyCollection<TValue>(Array.ConvertAll(_entries, e => e.Value));

    IEnumerable<string> IReadOnlyDictionary<string, TValue>.Keys => Keys;

    IEnumerable<TValue> IReadOnlyDictionary<string, TValue>.Values => Values;

    /// <summary>Gets the value stored under <paramref name="key"/>.</summary>
    /// <param name="key">The key, compared ordinally.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The map has no entry for <paramref name="key"/>.</exception>
    public TValue this[string key] => _index.TryGetValue(key, out int i)
        ? _entries[i].Value
        : throw new KeyNotFoundException($"The key '{key}' is not present in the map.");

    /// <summary>Creates a map holding the entries of <paramref name="items"/>, in its enumeration order.</summary>
    /// <param name="items">The dictionary to copy, or <see langword="null"/>.</param>
    /// <returns>The new map, or <see langword="null"/> when <paramref name="items"/> is <see langword="null"/>.</returns>
    /// <remarks>The keys are compared ordinally in the map, whatever comparer <paramref name="items"/> uses.</remarks>
    [return: NotNullIfNotNull(nameof(items))]
    public static implicit operator ValueMap<TValue>?(Dictionary<string, TValue>? items)
    {
        if (items is null)
        {
            return null;
        }

        return items.Count == 0 ? Empty : new ValueMap<TValue>(items);
    }

    /// <summary>Compares two maps by value, ignoring order.</summary>
    /// <param name="left">The first map.</param>
    /// <param name="right">The second map.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or hold the same keys with equal values.</returns>
    public static bool operator ==(ValueMap<TValue>? left, ValueMap<TValue>? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two maps by value, ignoring order.</summary>
    /// <param name="left">The first map.</param>
    /// <param name="right">The second map.</param>
    /// <returns><see langword="true"/> when the maps are not equal.</returns>
    public static bool operator !=(ValueMap<TValue>? left, ValueMap<TValue>? right) => !(left == right);

    /// <summary>Tells whether the map has an entry for <paramref name="key"/>.</summary>
    /// <param name="key">The key, compared ordinally.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <summary>Gets the value stored under <paramref name="key"/>, if any.</summary>
    /// <param name="key">The key, compared ordinally.</param>
    /// <param name="value">The value when the key is present; otherwise the default value.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_index.TryGetValue(key, out int i))
        {
            value = _entries[i].Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Returns an enumerator over the entries, in insertion order.</summary>
    /// <returns>A struct enumerator.</returns>
    public Enumerator GetEnumerator() => new Enumerator(_entries);

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, TValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    /// <summary>Compares this map with <paramref name="other"/>, ignoring order.</summary>
    /// <param name="other">The map to compare with.</param>
    /// <returns><see langword="true"/> when both maps hold the same keys with equal values.</returns>
    public bool Equals(ValueMap<TValue>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._entries.Length != _entries.Length)
        {
            return false;
        }

        EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
        foreach (KeyValuePair<string, TValue> entry in _entries)
        {
            if (!other._index.TryGetValue(entry.Key, out int i) || !comparer.Equals(entry.Value, other._entries[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueMap<TValue> other && Equals(other);

    /// <summary>Returns a hash code that does not depend on the order of the entries.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
        int sum = 0;
        foreach (KeyValuePair<string, TValue> entry in _entries)
        {
            int valueHash = entry.Value is null ? 0 : comparer.GetHashCode(entry.Value);
            sum = unchecked(sum + HashCode.Combine(StringComparer.Ordinal.GetHashCode(entry.Key), valueHash));
        }

        return HashCode.Combine(_entries.Length, sum);
    }

    /// <summary>Returns the entries as text, in insertion order, such as <c>{a: 1, b: 2}</c>.</summary>
    /// <returns>The text form of the map.</returns>
    public override string ToString()
    {
        StringBuilder builder = new StringBuilder().Append('{');
        for (int i = 0; i < _entries.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(_entries[i].Key).Append(": ").Append(_entries[i].Value?.ToString() ?? "null");
        }

        return builder.Append('}').ToString();
    }

    internal static ValueMap<TValue> FromSpan(ReadOnlySpan<KeyValuePair<string, TValue>> items) =>
        items.IsEmpty ? Empty : new ValueMap<TValue>(items);

    private void Add(KeyValuePair<string, TValue> entry, int position)
    {
        if (entry.Key is null)
        {
            throw new ArgumentNullException("items", "A map key cannot be null.");
        }

        if (!_index.TryAdd(entry.Key, position))
        {
            throw new ArgumentException($"The key '{entry.Key}' appears more than once.", "items");
        }
    }

    /// <summary>Enumerates the entries of a <see cref="ValueMap{TValue}"/> in insertion order without allocating.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, TValue>>
    {
        private readonly KeyValuePair<string, TValue>[] _entries;
        private int _index;

        internal Enumerator(KeyValuePair<string, TValue>[] entries)
        {
            _entries = entries;
            _index = -1;
        }

        /// <summary>Gets the entry at the current position.</summary>
        public readonly KeyValuePair<string, TValue> Current => _entries[_index];

        readonly object IEnumerator.Current => Current;

        /// <summary>Advances to the next entry.</summary>
        /// <returns><see langword="false"/> when the end of the map has been passed.</returns>
        public bool MoveNext() => ++_index < _entries.Length;

        /// <summary>Moves back to before the first entry.</summary>
        public void Reset() => _index = -1;

        /// <summary>Does nothing: the enumerator holds no resources.</summary>
        public readonly void Dispose()
        {
        }
    }
}
