using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Stagehand.Contracts;

/// <summary>
/// Any JSON value (object, array, string, number, boolean or null), with deep value equality.
/// </summary>
/// <remarks>
/// <para>
/// <c>default(JsonAny)</c> is JSON <c>null</c>. Equality is structural: objects are equal when they hold the
/// same members whatever their order, arrays when their elements are equal in order, strings when their
/// unescaped values are equal (<c>"\u0041"</c> equals <c>"A"</c>), and numbers when their exact decimal values
/// are equal (<c>1</c>, <c>1.0</c> and <c>1e0</c> are equal; no rounding to <see cref="double"/> or
/// <see cref="decimal"/> takes place). An object with a repeated member name is compared as a multiset of
/// (name, value) pairs.
/// </para>
/// </remarks>
public readonly struct JsonAny : IEquatable<JsonAny>
{
    /// <summary>How many levels of nesting <see cref="GetHashCode"/> looks into.</summary>
    private const int HashDepth = 32;

    private static readonly JsonElement NullElement = ParseElement("null");

    private static readonly JsonWriterOptions CompactOptions = new JsonWriterOptions
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonElement _element;

    /// <summary>Initializes a value holding a copy of <paramref name="element"/>.</summary>
    /// <param name="element">
    /// The JSON value. It is cloned, so the value stays valid after the <see cref="JsonDocument"/> it comes from is
    /// disposed. An undefined element (<c>default(JsonElement)</c>) is taken as JSON <c>null</c>.
    /// </param>
    public JsonAny(JsonElement element)
    {
        _element = element.ValueKind == JsonValueKind.Undefined ? default : element.Clone();
    }

    /// <summary>Gets the JSON <c>null</c> value; the same as <c>default</c>.</summary>
    public static JsonAny Null => default;

    /// <summary>Gets the JSON value as an element. For <c>default(JsonAny)</c> this is a JSON <c>null</c> element.</summary>
    public JsonElement Element => _element.ValueKind == JsonValueKind.Undefined ? NullElement : _element;

    /// <summary>Gets the kind of the JSON value; never <see cref="JsonValueKind.Undefined"/>.</summary>
    public JsonValueKind ValueKind => _element.ValueKind == JsonValueKind.Undefined ? JsonValueKind.Null : _element.ValueKind;

    /// <summary>Compares two JSON values deeply.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values are equal.</returns>
    public static bool operator ==(JsonAny left, JsonAny right) => left.Equals(right);

    /// <summary>Compares two JSON values deeply.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values are not equal.</returns>
    public static bool operator !=(JsonAny left, JsonAny right) => !left.Equals(right);

    /// <summary>Parses JSON text.</summary>
    /// <param name="json">The JSON text of a single value.</param>
    /// <returns>The parsed value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException"><paramref name="json"/> is not valid JSON.</exception>
    public static JsonAny Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = JsonDocument.Parse(json);
        return new JsonAny(document.RootElement);
    }

    /// <summary>Writes the JSON value to <paramref name="writer"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Element.WriteTo(writer);
    }

    /// <summary>Compares this value deeply with <paramref name="other"/>.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns><see langword="true"/> when the values are equal.</returns>
    public bool Equals(JsonAny other) => DeepEquals(Element, other.Element);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JsonAny other && Equals(other);

    /// <summary>Returns a hash code consistent with the deep equality of <see cref="Equals(JsonAny)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => DeepHash(Element);

    /// <summary>Returns the value as compact JSON text (no indentation or whitespace).</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString()
    {
        JsonElement element = Element;
        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String))
        {
            return element.GetRawText();
        }

        ArrayBufferWriter<byte> buffer = new ArrayBufferWriter<byte>();
        try
        {
            using (Utf8JsonWriter writer = new Utf8JsonWriter(buffer, CompactOptions))
            {
                element.WriteTo(writer);
            }
        }
        catch (InvalidOperationException)
        {
            // A string holds an escaped lone surrogate (valid JSON, but not valid UTF-16 text), which the
            // writer cannot re-encode: fall back to the original text.
            return element.GetRawText();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonElement ParseElement(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Compares two values without recursing into their nesting: pairs still to compare wait on a list, so a value nested
    /// thousands of levels deep is compared on any stack. Only a member name repeated within one object (a multiset to
    /// match) needs a nested comparison, guarded against running out of stack.
    /// </summary>
    private static bool DeepEquals(JsonElement left, JsonElement right)
    {
        List<(JsonElement Left, JsonElement Right)>? pending = null;
        while (true)
        {
            if (!ShallowEquals(left, right, ref pending))
            {
                return false;
            }

            if (pending is null || pending.Count == 0)
            {
                return true;
            }

            (left, right) = pending[pending.Count - 1];
            pending.RemoveAt(pending.Count - 1);
        }
    }

    /// <summary>Compares the kinds and scalar values; for arrays and objects, queues the pairs of children to compare.</summary>
    private static bool ShallowEquals(JsonElement left, JsonElement right, ref List<(JsonElement Left, JsonElement Right)>? pending)
    {
        JsonValueKind kind = left.ValueKind;
        if (kind != right.ValueKind)
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Object:
                return QueueMembers(left, right, ref pending);
            case JsonValueKind.Array:
                return QueueItems(left, right, ref pending);
            case JsonValueKind.String:
                return string.Equals(StringValue(left), StringValue(right), StringComparison.Ordinal);
            case JsonValueKind.Number:
                return NumberEquals(left, right);
            default:
                // Null, True, False (and Undefined, which Element never returns): the kind is the value.
                return true;
        }
    }

    private static bool QueueItems(JsonElement left, JsonElement right, ref List<(JsonElement Left, JsonElement Right)>? pending)
    {
        if (left.GetArrayLength() != right.GetArrayLength())
        {
            return false;
        }

        using JsonElement.ArrayEnumerator leftItems = left.EnumerateArray();
        using JsonElement.ArrayEnumerator rightItems = right.EnumerateArray();
        while (leftItems.MoveNext() && rightItems.MoveNext())
        {
            (pending ??= new List<(JsonElement, JsonElement)>()).Add((leftItems.Current, rightItems.Current));
        }

        return true;
    }

    private static bool QueueMembers(JsonElement left, JsonElement right, ref List<(JsonElement Left, JsonElement Right)>? pending)
    {
        int count = CountMembers(left);
        if (count != CountMembers(right))
        {
            return false;
        }

        if (count == 0)
        {
            return true;
        }

        // The members of each side, by name. A list per name, so that repeated names are matched as a multiset.
        Dictionary<string, List<JsonElement>> leftMembers = MembersByName(left, count);
        Dictionary<string, List<JsonElement>> rightMembers = MembersByName(right, count);
        if (leftMembers.Count != rightMembers.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, List<JsonElement>> member in rightMembers)
        {
            if (!leftMembers.TryGetValue(member.Key, out List<JsonElement>? candidates) || candidates.Count != member.Value.Count)
            {
                return false;
            }

            if (candidates.Count == 1)
            {
                (pending ??= new List<(JsonElement, JsonElement)>()).Add((candidates[0], member.Value[0]));
                continue;
            }

            // A repeated name: each right value needs an equal left value of its own, decided now.
            RuntimeHelpers.EnsureSufficientExecutionStack();
            foreach (JsonElement value in member.Value)
            {
                int match = candidates.FindIndex(candidate => DeepEquals(candidate, value));
                if (match < 0)
                {
                    return false;
                }

                candidates.RemoveAt(match);
            }
        }

        return true;
    }

    private static Dictionary<string, List<JsonElement>> MembersByName(JsonElement element, int count)
    {
        Dictionary<string, List<JsonElement>> members = new Dictionary<string, List<JsonElement>>(count, StringComparer.Ordinal);
        foreach (JsonProperty member in element.EnumerateObject())
        {
            if (!members.TryGetValue(member.Name, out List<JsonElement>? values))
            {
                values = new List<JsonElement>(1);
                members.Add(member.Name, values);
            }

            values.Add(member.Value);
        }

        return members;
    }

    private static string StringValue(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The string holds an escaped lone surrogate, such as "\ud800", which GetString refuses.
            return Unescape(element.GetRawText());
        }
    }

    /// <summary>Unescapes a JSON string token (quotes included) to its UTF-16 code units, lone surrogates allowed.</summary>
    /// <param name="token">The raw text of a valid JSON string.</param>
    /// <returns>The unescaped string.</returns>
    private static string Unescape(string token)
    {
        StringBuilder builder = new StringBuilder(token.Length);
        for (int i = 1; i < token.Length - 1; i++)
        {
            char c = token[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            c = token[++i];
            switch (c)
            {
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u':
                    builder.Append((char)int.Parse(token.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default:
                    // '"', '\\' and '/' stand for themselves.
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static int CountMembers(JsonElement element)
    {
        int count = 0;
        foreach (JsonProperty _ in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }

    private static bool NumberEquals(JsonElement left, JsonElement right)
    {
        if (left.TryGetInt64(out long leftInteger) && right.TryGetInt64(out long rightInteger))
        {
            return leftInteger == rightInteger;
        }

        return string.Equals(CanonicalNumber(left.GetRawText()), CanonicalNumber(right.GetRawText()), StringComparison.Ordinal);
    }

    /// <summary>
    /// Hashes the value down to <see cref="HashDepth"/> levels; below, an object or array counts by its kind and size. Equal
    /// values agree on every level, so they still hash alike, and the recursion stays shallow however deep the value.
    /// </summary>
    private static int DeepHash(JsonElement element, int depth = 0)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                int count = 0;
                int sum = 0;
                foreach (JsonProperty member in element.EnumerateObject())
                {
                    count++;
                    if (depth < HashDepth)
                    {
                        sum = unchecked(sum + HashCode.Combine(StringComparer.Ordinal.GetHashCode(member.Name), DeepHash(member.Value, depth + 1)));
                    }
                }

                return HashCode.Combine(JsonValueKind.Object, count, sum);
            }

            case JsonValueKind.Array:
            {
                HashCode hash = default;
                hash.Add(JsonValueKind.Array);
                hash.Add(element.GetArrayLength());
                if (depth < HashDepth)
                {
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        hash.Add(DeepHash(item, depth + 1));
                    }
                }

                return hash.ToHashCode();
            }

            case JsonValueKind.String:
                return HashCode.Combine(JsonValueKind.String, StringComparer.Ordinal.GetHashCode(StringValue(element)));
            case JsonValueKind.Number:
                return HashCode.Combine(JsonValueKind.Number, StringComparer.Ordinal.GetHashCode(CanonicalNumber(element.GetRawText())));
            default:
                return (int)element.ValueKind;
        }
    }

    /// <summary>
    /// Rewrites a JSON number as <c>[-]digits e exponent</c>, with no leading or trailing zeros in the digits, so
    /// that two numbers are equal exactly when their canonical forms are. Zero (including <c>-0</c>) is <c>0</c>.
    /// </summary>
    /// <param name="number">A JSON number token, as the grammar of RFC 8259 allows.</param>
    /// <returns>The canonical form.</returns>
    internal static string CanonicalNumber(string number)
    {
        int i = 0;
        bool negative = number.Length > 0 && number[0] == '-';
        if (negative)
        {
            i++;
        }

        int integerStart = i;
        while (i < number.Length && IsDigit(number[i]))
        {
            i++;
        }

        ReadOnlySpan<char> integerDigits = number.AsSpan(integerStart, i - integerStart);
        ReadOnlySpan<char> fractionDigits = ReadOnlySpan<char>.Empty;
        if (i < number.Length && number[i] == '.')
        {
            int fractionStart = ++i;
            while (i < number.Length && IsDigit(number[i]))
            {
                i++;
            }

            fractionDigits = number.AsSpan(fractionStart, i - fractionStart);
        }

        bool exponentNegative = false;
        ReadOnlySpan<char> exponentDigits = ReadOnlySpan<char>.Empty;
        if (i < number.Length && (number[i] == 'e' || number[i] == 'E'))
        {
            i++;
            if (i < number.Length && (number[i] == '+' || number[i] == '-'))
            {
                exponentNegative = number[i] == '-';
                i++;
            }

            exponentDigits = number.AsSpan(i).TrimStart('0');
        }

        string digits = string.Concat(integerDigits, fractionDigits);
        int start = 0;
        while (start < digits.Length && digits[start] == '0')
        {
            start++;
        }

        int end = digits.Length;
        while (end > start && digits[end - 1] == '0')
        {
            end--;
        }

        if (start == end)
        {
            return "0";
        }

        // value = digits[start..end] * 10^scale
        long shift = (long)(digits.Length - end) - fractionDigits.Length;
        string scale;
        if (exponentDigits.Length <= 18)
        {
            long exponent = exponentDigits.IsEmpty ? 0 : long.Parse(exponentDigits, NumberStyles.None, CultureInfo.InvariantCulture);
            scale = ((exponentNegative ? -exponent : exponent) + shift).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            BigInteger exponent = BigInteger.Parse(exponentDigits, NumberStyles.None, CultureInfo.InvariantCulture);
            scale = ((exponentNegative ? -exponent : exponent) + shift).ToString(CultureInfo.InvariantCulture);
        }

        return string.Concat(negative ? "-" : string.Empty, digits.AsSpan(start, end - start), "e", scale);
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
