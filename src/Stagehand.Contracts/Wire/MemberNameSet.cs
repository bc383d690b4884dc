using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Stagehand.Contracts;

/// <summary>
/// The member names seen so far in one JSON object, for rejecting duplicates (last-wins parsing is a request-smuggling
/// risk). A handful of names are kept inline, so an ordinary object allocates nothing; past that it switches to a hash
/// set, so a hostile object with many members stays linear. Names compare after unescaping.
/// </summary>
/// <remarks>
/// Names are held as positions in the context's input, never copied. Hashes are seeded per process
/// (<see cref="HashCode"/>), so crafted collisions cannot make the set quadratic. Start each object with
/// <c>default</c>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct MemberNameSet
{
    private const int InlineCapacity = 8;

    private InlineNames _inline;
    private int _count;
    private NameTable? _table;

    /// <summary>
    /// Adds the name at <paramref name="reader"/> (a <see cref="JsonTokenType.PropertyName"/> token inside the context's
    /// input). Returns false when the object already had a member of that name.
    /// </summary>
    public bool Add(ref Utf8JsonReader reader, ref ContractReadContext context)
    {
        if (reader.TokenType != JsonTokenType.PropertyName || reader.HasValueSequence)
        {
            throw new InvalidOperationException("The reader must be on a member name of the context's input.");
        }

        NameEntry entry = NameEntry.Create(reader.ValueSpan, reader.ValueIsEscaped, ref context);
        if (_table is not null)
        {
            return _table.Add(entry, ref context);
        }

        for (int i = 0; i < _count; i++)
        {
            if (_inline[i].Hash == entry.Hash && NameEntry.Equal(_inline[i], entry, ref context))
            {
                return false;
            }
        }

        if (_count < InlineCapacity)
        {
            _inline[_count++] = entry;
            return true;
        }

        NameTable table = context.RentNameTable();
        for (int i = 0; i < _count; i++)
        {
            table.Insert(_inline[i]);
        }

        _table = table;
        return table.Add(entry, ref context);
    }

    [InlineArray(InlineCapacity)]
    private struct InlineNames
    {
        private NameEntry _first;
    }
}

/// <summary>A member name located in the input, with the hash of its unescaped bytes.</summary>
internal readonly struct NameEntry
{
    private NameEntry(int start, int length, int unescapedLength, int hash, NameKind kind)
    {
        Start = start;
        Length = length;
        UnescapedLength = unescapedLength;
        Hash = hash;
        Kind = kind;
    }

    /// <summary>How a name's bytes relate to its text.</summary>
    public enum NameKind : byte
    {
        /// <summary>No escapes: the raw bytes are the text.</summary>
        Plain,

        /// <summary>Escapes that unescape to valid text.</summary>
        Escaped,

        /// <summary>Escapes that are not valid text (lone surrogates); compared by raw bytes.</summary>
        Invalid,
    }

    public int Start { get; }

    public int Length { get; }

    public int UnescapedLength { get; }

    public int Hash { get; }

    public NameKind Kind { get; }

    public static NameEntry Create(ReadOnlySpan<byte> raw, bool escaped, ref ContractReadContext context)
    {
        int start = context.OffsetOf(raw);
        if (!escaped)
        {
            return new NameEntry(start, raw.Length, raw.Length, HashOf(raw, NameKind.Plain), NameKind.Plain);
        }

        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= JsonText.StackLimit ? stackalloc byte[JsonText.StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            if (JsonText.TryUnescape(raw, buffer, out int written))
            {
                return new NameEntry(start, raw.Length, written, HashOf(buffer.Slice(0, written), NameKind.Plain), NameKind.Escaped);
            }

            return new NameEntry(start, raw.Length, raw.Length, HashOf(raw, NameKind.Invalid), NameKind.Invalid);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static bool Equal(in NameEntry left, in NameEntry right, ref ContractReadContext context)
    {
        if (left.UnescapedLength != right.UnescapedLength)
        {
            return false;
        }

        ReadOnlySpan<byte> leftRaw = context.Slice(left.Start, left.Length);
        ReadOnlySpan<byte> rightRaw = context.Slice(right.Start, right.Length);
        if (left.Kind == NameKind.Invalid || right.Kind == NameKind.Invalid)
        {
            return left.Kind == right.Kind && leftRaw.SequenceEqual(rightRaw);
        }

        if (left.Kind == NameKind.Plain && right.Kind == NameKind.Plain)
        {
            return leftRaw.SequenceEqual(rightRaw);
        }

        int length = left.UnescapedLength;
        byte[]? rented = null;
        Span<byte> buffer = 2 * length <= JsonText.StackLimit ? stackalloc byte[JsonText.StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(Math.Max(left.Length, right.Length) * 2));
        try
        {
            ReadOnlySpan<byte> leftText = Text(leftRaw, left.Kind, buffer.Slice(0, buffer.Length / 2));
            ReadOnlySpan<byte> rightText = Text(rightRaw, right.Kind, buffer.Slice(buffer.Length / 2));
            return leftText.SequenceEqual(rightText);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> raw, NameKind kind, Span<byte> buffer)
    {
        if (kind == NameKind.Plain)
        {
            return raw;
        }

        JsonText.TryUnescape(raw, buffer, out int written);
        return buffer.Slice(0, written);
    }

    private static int HashOf(ReadOnlySpan<byte> text, NameKind kind)
    {
        HashCode hash = default;
        hash.AddBytes(text);
        hash.Add(kind == NameKind.Invalid);
        return hash.ToHashCode();
    }
}

/// <summary>An open-addressing hash set of names, for objects with many undeclared or map members.</summary>
internal sealed class NameTable
{
    /// <summary>Tables that grew past this many names are not kept for reuse.</summary>
    private const int KeepCapacity = 1 << 16;

    /// <summary>How many free tables a thread keeps.</summary>
    private const int PoolLimit = 16;

    [ThreadStatic]
    private static NameTable? s_free;

    [ThreadStatic]
    private static int s_freeCount;

    private NameEntry[] _entries = new NameEntry[32];
    private int[] _slots = new int[64];
    private int _count;

    /// <summary>The next table in a free list or in a context's list of rented tables.</summary>
    public NameTable? Next { get; set; }

    /// <summary>An empty table, reused from this thread's pool when one is free: a warm read allocates none.</summary>
    public static NameTable Rent()
    {
        NameTable? table = s_free;
        if (table is null)
        {
            return new NameTable();
        }

        s_free = table.Next;
        s_freeCount--;
        table.Next = null;
        return table;
    }

    /// <summary>Gives back a chain of tables linked through <see cref="Next"/>.</summary>
    public static void ReturnAll(NameTable? chain)
    {
        while (chain is not null)
        {
            NameTable next = chain.Next!;
            if (s_freeCount < PoolLimit && chain._entries.Length <= KeepCapacity)
            {
                Array.Clear(chain._slots);
                chain._count = 0;
                chain.Next = s_free;
                s_free = chain;
                s_freeCount++;
            }
            else
            {
                chain.Next = null;
            }

            chain = next;
        }
    }

    /// <summary>Adds a name known not to be present.</summary>
    public void Insert(in NameEntry entry)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        int mask = _slots.Length - 1;
        int slot = entry.Hash & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count++] = entry;
        _slots[slot] = _count;
    }

    /// <summary>Adds a name; false when it is already present.</summary>
    public bool Add(in NameEntry entry, ref ContractReadContext context)
    {
        int mask = _slots.Length - 1;
        int slot = entry.Hash & mask;
        while (_slots[slot] != 0)
        {
            ref NameEntry existing = ref _entries[_slots[slot] - 1];
            if (existing.Hash == entry.Hash && NameEntry.Equal(existing, entry, ref context))
            {
                return false;
            }

            slot = (slot + 1) & mask;
        }

        Insert(entry);
        return true;
    }

    private void Grow()
    {
        int[] slots = new int[_slots.Length * 2];
        int mask = slots.Length - 1;
        for (int i = 0; i < _count; i++)
        {
            int slot = _entries[i].Hash & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }

        _slots = slots;
    }
}
