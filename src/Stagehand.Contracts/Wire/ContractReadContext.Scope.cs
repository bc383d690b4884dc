using System;
using System.Buffers;
using System.ComponentModel;

namespace Stagehand.Contracts;

/// <content>
/// The dynamic scope of JSON Schema (draft 2020-12's <c>$dynamicRef</c>, draft 2019-09's <c>$recursiveRef</c>): the
/// schema resources evaluation has entered, outermost first. Only resources that declare a dynamic or recursive anchor
/// are recorded, so a contract without dynamic references never touches it.
/// </content>
public ref partial struct ContractReadContext
{
    /// <summary>Records that evaluation entered the resource numbered <paramref name="scopeId"/> (until <see cref="LeaveScope"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void EnterScope(int scopeId)
    {
        Pooled.Append(ref _scopes, ref _scopeCount, scopeId);
    }

    /// <summary>Ends the most recent <see cref="EnterScope"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void LeaveScope()
    {
        if (_scopeCount > 0)
        {
            _scopeCount--;
        }
    }

    /// <summary>
    /// The outermost of <paramref name="candidates"/> that evaluation has entered and not yet left, or -1 when it is in
    /// none of them: where a dynamic reference lands.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly int OutermostScope(ReadOnlySpan<int> candidates)
    {
        for (int i = 0; i < _scopeCount; i++)
        {
            if (candidates.IndexOf(_scopes![i]) >= 0)
            {
                return _scopes[i];
            }
        }

        return -1;
    }

    /// <summary>Lists kept in arrays rented from <see cref="ArrayPool{T}"/>: nothing is allocated once they have grown.</summary>
    private static class Pooled
    {
        /// <summary>Adds <paramref name="item"/> after the first <paramref name="count"/> items, renting a larger array when full.</summary>
        public static void Append<T>(ref T[]? items, ref int count, T item)
        {
            if (items is null || count == items.Length)
            {
                T[] grown = ArrayPool<T>.Shared.Rent(Math.Max(8, count * 2));
                if (items is not null)
                {
                    items.AsSpan(0, count).CopyTo(grown);
                    ArrayPool<T>.Shared.Return(items);
                }

                items = grown;
            }

            items[count++] = item;
        }
    }

    private void ReturnScopes()
    {
        if (_scopes is not null)
        {
            ArrayPool<int>.Shared.Return(_scopes);
            _scopes = null;
            _scopeCount = 0;
        }
    }
}
