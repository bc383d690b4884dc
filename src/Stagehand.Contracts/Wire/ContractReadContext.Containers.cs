using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace Stagehand.Contracts;

/// <content>
/// Checks that look at an object's or an array's contents as a whole (<c>minProperties</c>, <c>dependentRequired</c>,
/// <c>patternProperties</c>, <c>uniqueItems</c>). Each takes a copy of the reader on the container's first token and never
/// moves the caller's reader, so generated code runs them after the single reading pass, only for schemas that use them.
/// </content>
public ref partial struct ContractReadContext
{
    /// <summary>How many members the object at <paramref name="start"/> has (a repeated name counts each time).</summary>
    /// <param name="start">A reader on the object's <see cref="JsonTokenType.StartObject"/>; it is not moved.</param>
    public readonly int CountMembers(ref Utf8JsonReader start)
    {
        Utf8JsonReader scan = start;
        int count = 0;
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            count++;
            scan.Read();
            scan.Skip();
        }

        return count;
    }

    /// <summary>Whether the object at <paramref name="start"/> has a member named <paramref name="utf8Name"/> (compared unescaped).</summary>
    /// <param name="start">A reader on the object's <see cref="JsonTokenType.StartObject"/>; it is not moved.</param>
    /// <param name="utf8Name">The member name, as UTF-8.</param>
    public readonly bool HasMember(ref Utf8JsonReader start, ReadOnlySpan<byte> utf8Name)
    {
        Utf8JsonReader scan = start;
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            if (scan.ValueTextEquals(utf8Name))
            {
                return true;
            }

            scan.Read();
            scan.Skip();
        }

        return false;
    }

    /// <summary>Whether the member name the reader is on matches the pattern of <paramref name="pattern"/> (<c>patternProperties</c>). Records nothing.</summary>
    /// <param name="reader">A reader on a <see cref="JsonTokenType.PropertyName"/>.</param>
    /// <param name="pattern">Rules that hold the pattern.</param>
    public readonly bool NameMatches(ref Utf8JsonReader reader, StringRules pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return pattern.Check(raw, checkFormat: false) is null;
        }

        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= JsonText.StackLimit ? stackalloc byte[JsonText.StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            return JsonText.TryUnescape(raw, buffer, out int written) && pattern.Check(buffer.Slice(0, written), checkFormat: false) is null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Checks that no two items of the array at <paramref name="start"/> are equal as JSON values (<c>uniqueItems</c>):
    /// <c>1</c> equals <c>1.0</c>, and objects are equal whatever the order of their members. Records a <c>uniqueItems</c>
    /// error at the first repeated item.
    /// </summary>
    /// <param name="start">A reader on the array's <see cref="JsonTokenType.StartArray"/>; it is not moved.</param>
    /// <returns>False when an item repeats an earlier one.</returns>
    public bool CheckUniqueItems(ref Utf8JsonReader start)
    {
        Utf8JsonReader scan = start;
        HashSet<JsonAny>? items = null;
        List<JsonDocument>? documents = null;
        int index = 0;
        try
        {
            while (scan.Read() && scan.TokenType != JsonTokenType.EndArray)
            {
                JsonDocument document = JsonDocument.ParseValue(ref scan);
                (documents ??= new List<JsonDocument>()).Add(document);
                if (!(items ??= new HashSet<JsonAny>()).Add(new JsonAny(document.RootElement)))
                {
                    PushIndex(index);
                    AddError("uniqueItems", "The item repeats an earlier item; the items must be unique.");
                    Pop();
                    return false;
                }

                index++;
            }

            return true;
        }
        finally
        {
            if (documents is not null)
            {
                foreach (JsonDocument document in documents)
                {
                    document.Dispose();
                }
            }
        }
    }
}
