using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
#if NET9_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace Stagehand.Contracts;

/// <content>Reading and checking scalar values.</content>
public ref partial struct ContractReadContext
{
    private const string Int32Expected = "a whole number that fits in 32 bits";
    private const string Int64Expected = "a whole number that fits in 64 bits";
    private const string DoubleExpected = "a number within the range of a 64-bit floating-point value";

    /// <summary>Records a <c>type</c> error naming the expected JSON type(s), and skips the value.</summary>
    /// <param name="reader">The reader, on the value's first token; it is left on the value's last token.</param>
    /// <param name="expected">What was expected, as a phrase such as <c>a string</c> or <c>an object or null</c>: the message is <c>Expected {expected}.</c></param>
    public void TypeMismatch(ref Utf8JsonReader reader, string expected)
    {
        AddError("type", "Expected " + expected + ".");
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    /// <summary>Reads a string value: the token must be a string of valid text (no lone surrogates) within the length limit that satisfies <paramref name="rules"/>.</summary>
    /// <remarks>Allocates the string only when <paramref name="build"/> is true and the value is valid.</remarks>
    public bool TryReadString(ref Utf8JsonReader reader, StringRules? rules, bool build, out string? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            TypeMismatch(ref reader, "a string");
            return false;
        }

        ReadOnlySpan<byte> raw = reader.ValueSpan;
        bool escaped = reader.ValueIsEscaped;
        byte[]? rented = null;
        Span<byte> buffer = !escaped ? default : raw.Length <= JsonText.StackLimit ? stackalloc byte[JsonText.StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            if (!Report(TryGetText(raw, escaped, buffer, Options.MaxStringLength, out ReadOnlySpan<byte> text)) || !ApplyRules(rules, text, checkFormat: true))
            {
                return false;
            }

            if (build)
            {
                value = Encoding.UTF8.GetString(text);
            }

            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads a uuid string.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="rules">Further rules (a pattern, say), or null; the uuid format is checked in any case.</param>
    /// <param name="value">The uuid, when valid.</param>
    public bool TryReadGuid(ref Utf8JsonReader reader, StringRules? rules, out Guid value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            TypeMismatch(ref reader, "a string");
            return false;
        }

        ReadOnlySpan<byte> raw = reader.ValueSpan;
        bool escaped = reader.ValueIsEscaped;
        byte[]? rented = null;
        Span<byte> buffer = !escaped ? default : raw.Length <= JsonText.StackLimit ? stackalloc byte[JsonText.StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            if (!Report(TryGetText(raw, escaped, buffer, Options.MaxStringLength, out ReadOnlySpan<byte> text)))
            {
                return false;
            }

            if (!Formats.IsUuid(text) || !Utf8Parser.TryParse(text, out Guid parsed, out int consumed, 'D') || consumed != text.Length)
            {
                AddError("format", Formats.Message(StringFormat.Uuid));
                return false;
            }

            if (!ApplyRules(rules, text, checkFormat: false))
            {
                return false;
            }

            value = parsed;
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads an RFC 3339 date-time string.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="rules">Further rules, or null; the date-time format is checked in any case.</param>
    /// <param name="value">The instant, when valid. A leap second (<c>23:59:60</c>) becomes the first instant of the next minute.</param>
    public bool TryReadDateTimeOffset(ref Utf8JsonReader reader, StringRules? rules, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            TypeMismatch(ref reader, "a string");
            return false;
        }

        ReadOnlySpan<byte> raw = reader.ValueSpan;
        bool escaped = reader.ValueIsEscaped;
        byte[]? rented = null;
        Span<byte> buffer = !escaped ? default : raw.Length <= JsonText.StackLimit ? stackalloc byte[JsonText.StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            if (!Report(TryGetText(raw, escaped, buffer, Options.MaxStringLength, out ReadOnlySpan<byte> text)))
            {
                return false;
            }

            if (!Formats.TryParseDateTime(text, out DateTimeParts parts))
            {
                AddError("format", Formats.Message(StringFormat.DateTime));
                return false;
            }

            if (!ApplyRules(rules, text, checkFormat: false))
            {
                return false;
            }

            if (!parts.TryToDateTimeOffset(out value))
            {
                AddError("format", "The date-time is outside the range this contract can represent (years 1 to 9999, offsets up to 14 hours).");
                return false;
            }

            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads an absolute URI string: an RFC 3986 URI that <see cref="Uri"/> can also represent, built or not.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="rules">Further rules, or null; the RFC 3986 URI grammar is checked in any case.</param>
    /// <param name="build">Whether to build the <see cref="Uri"/>. Either way a URI that <see cref="Uri"/> cannot represent
    /// is an error, so validating and parsing agree (<see cref="Formats.FitsSystemUri"/>).</param>
    /// <param name="value">The URI, when valid and building.</param>
    public bool TryReadUri(ref Utf8JsonReader reader, StringRules? rules, bool build, out Uri? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            TypeMismatch(ref reader, "a string");
            return false;
        }

        ReadOnlySpan<byte> raw = reader.ValueSpan;
        bool escaped = reader.ValueIsEscaped;
        byte[]? rented = null;
        Span<byte> buffer = !escaped ? default : raw.Length <= JsonText.StackLimit ? stackalloc byte[JsonText.StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            if (!Report(TryGetText(raw, escaped, buffer, Options.MaxStringLength, out ReadOnlySpan<byte> text)))
            {
                return false;
            }

            if (!Formats.IsUri(text))
            {
                AddError("format", Formats.Message(StringFormat.Uri));
                return false;
            }

            if (!ApplyRules(rules, text, checkFormat: false))
            {
                return false;
            }

            if (!Formats.FitsSystemUri(text, create: build, out value))
            {
                AddError("format", "The URI cannot be represented by System.Uri.");
                return false;
            }

            if (!build)
            {
                value = null;
            }

            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads true or false.</summary>
    public bool TryReadBoolean(ref Utf8JsonReader reader, out bool value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            default:
                value = false;
                TypeMismatch(ref reader, "true or false");
                return false;
        }
    }

    /// <summary>Reads a whole number that fits <see cref="int"/> (<c>type</c> error otherwise; 1.0 counts as whole).</summary>
    public bool TryReadInt32(ref Utf8JsonReader reader, NumberRules? rules, out int value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            TypeMismatch(ref reader, Int32Expected);
            return false;
        }

        if (!reader.TryGetInt32(out value))
        {
            if (!JsonNumber.TryParse(reader.ValueSpan, out JsonNumber number) || !number.TryGetInt64(out long wide) || wide is < int.MinValue or > int.MaxValue)
            {
                value = 0;
                AddError("type", "Expected " + Int32Expected + ".");
                return false;
            }

            value = (int)wide;
        }

        return ApplyRules(rules, reader.ValueSpan);
    }

    /// <summary>Reads a whole number that fits <see cref="long"/>.</summary>
    public bool TryReadInt64(ref Utf8JsonReader reader, NumberRules? rules, out long value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            TypeMismatch(ref reader, Int64Expected);
            return false;
        }

        if (!reader.TryGetInt64(out value))
        {
            if (!JsonNumber.TryParse(reader.ValueSpan, out JsonNumber number) || !number.TryGetInt64(out value))
            {
                value = 0;
                AddError("type", "Expected " + Int64Expected + ".");
                return false;
            }
        }

        return ApplyRules(rules, reader.ValueSpan);
    }

    /// <summary>Reads a number that fits a finite <see cref="double"/>.</summary>
    /// <remarks>The bounds of <paramref name="rules"/> are compared with the number as written, exactly.</remarks>
    public bool TryReadDouble(ref Utf8JsonReader reader, NumberRules? rules, out double value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            TypeMismatch(ref reader, "a number");
            return false;
        }

        if (!reader.TryGetDouble(out value) || !double.IsFinite(value))
        {
            value = 0;
            AddError("type", "Expected " + DoubleExpected + ".");
            return false;
        }

        return ApplyRules(rules, reader.ValueSpan);
    }

    /// <summary>Checks a number token against <paramref name="rules"/> without converting it (for schemas that only constrain).</summary>
    /// <returns>False when the value is a number that breaks a rule; true for any other value, which the rules do not constrain.</returns>
    public bool CheckNumber(ref Utf8JsonReader reader, NumberRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return reader.TokenType != JsonTokenType.Number || ApplyRules(rules, reader.ValueSpan);
    }

    /// <summary>Checks a string token against <paramref name="rules"/> without converting it.</summary>
    /// <returns>False when the value is a string that is not valid text or breaks a rule; true for any other value.</returns>
    public bool CheckString(ref Utf8JsonReader reader, StringRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return reader.TokenType != JsonTokenType.String || CheckText(ref reader, rules);
    }

    /// <summary>
    /// Checks the member name the reader is on against a <c>propertyNames</c> schema: the name is read, as the JSON string
    /// it is, with that schema's generated reader, and its errors are reported at the member's pointer.
    /// </summary>
    /// <typeparam name="T">What the schema's reader reads (unused: the name is only checked).</typeparam>
    /// <param name="reader">A reader on a <see cref="JsonTokenType.PropertyName"/>; it is not moved.</param>
    /// <param name="nameSchema">The generated reader of the <c>propertyNames</c> schema.</param>
    /// <returns>False when the name breaks the schema.</returns>
    public bool CheckPropertyName<T>(ref Utf8JsonReader reader, ContractReadFunc<T> nameSchema)
    {
        ArgumentNullException.ThrowIfNull(nameSchema);
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            return true;
        }

        // The name's raw (still escaped) bytes between quotes are the JSON string of the name.
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        byte[] json = ArrayPool<byte>.Shared.Rent(raw.Length + 2);
        try
        {
            json[0] = (byte)'"';
            raw.CopyTo(json.AsSpan(1));
            json[raw.Length + 1] = (byte)'"';
            Utf8JsonReader name = new(json.AsSpan(0, raw.Length + 2));
            name.Read();
            int mark = ErrorCount;
            nameSchema(ref name, ref this, false, out _);
            return ErrorCount == mark;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(json);
        }
    }

    /// <summary>Reports the member name the reader is on: its object's <c>propertyNames</c> schema admits no string.</summary>
    public void RejectPropertyName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            AddError("propertyNames", "No member name is allowed here.");
        }
    }

    /// <summary>The text of the string or member name the reader is on, checked against <paramref name="rules"/>.</summary>
    private bool CheckText(ref Utf8JsonReader reader, StringRules rules)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        bool escaped = reader.ValueIsEscaped;
        byte[]? rented = null;
        Span<byte> buffer = !escaped ? default : raw.Length <= JsonText.StackLimit ? stackalloc byte[JsonText.StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            return Report(TryGetText(raw, escaped, buffer, Options.MaxStringLength, out ReadOnlySpan<byte> text)) && ApplyRules(rules, text, checkFormat: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads any JSON value (skipping it when not building).</summary>
    /// <remarks>
    /// Every string and member name inside the value must be valid text within the length limit, as anywhere else; the value
    /// is only parsed into a <see cref="JsonAny"/> when <paramref name="build"/> is true. The reader ends on the value's last token.
    /// </remarks>
    public bool TryReadAny(ref Utf8JsonReader reader, bool build, out JsonAny value)
    {
        value = default;
        Utf8JsonReader walker = reader;
        int mark = ErrorCount;
        WalkAny(ref walker);
        if (ErrorCount != mark || !build)
        {
            reader = walker;
            return ErrorCount == mark;
        }

        // ParseValue's element owns an unpooled document, so JsonAny keeps it as it is: one parse, no second copy.
        value = new JsonAny(JsonElement.ParseValue(ref reader));
        return true;
    }

    /// <summary>
    /// Walks any JSON value the way the generated readers walk declared ones: every string and member name must be
    /// valid text within the length limit, and no object may repeat a member name, however deep.
    /// </summary>
    private void WalkAny(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                CheckAnyText(ref reader);
                return;
            case JsonTokenType.StartObject:
                MemberNameSet names = default;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    PushProperty(ref reader);
                    TryReadPropertyName(ref reader, ref names, build: false, out _);
                    reader.Read();
                    WalkAny(ref reader);
                    Pop();
                }

                return;
            case JsonTokenType.StartArray:
                int index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    PushIndex(index++);
                    WalkAny(ref reader);
                    Pop();
                }

                return;
        }
    }

    /// <summary>Whether the value at <paramref name="reader"/> equals <paramref name="literal"/> (JSON equality: 1 equals 1.0). Does not move the reader.</summary>
    public readonly bool ValueEquals(ref Utf8JsonReader reader, JsonAny literal)
    {
        JsonValueKind kind = literal.ValueKind;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return kind == JsonValueKind.Null;
            case JsonTokenType.True:
                return kind == JsonValueKind.True;
            case JsonTokenType.False:
                return kind == JsonValueKind.False;
            case JsonTokenType.Number:
                return kind == JsonValueKind.Number && NumberEquals(reader.ValueSpan, literal.Element);
            case JsonTokenType.String:
                return kind == JsonValueKind.String && StringEquals(reader.ValueSpan, reader.ValueIsEscaped, literal.Element);
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
            {
                if (kind != (reader.TokenType == JsonTokenType.StartObject ? JsonValueKind.Object : JsonValueKind.Array))
                {
                    return false;
                }

                Utf8JsonReader copy = reader;
                using JsonDocument document = JsonDocument.ParseValue(ref copy);
                return new JsonAny(document.RootElement).Equals(literal);
            }

            default:
                return false;
        }
    }

    private static bool NumberEquals(ReadOnlySpan<byte> number, JsonElement literal)
    {
        if (Utf8Parser.TryParse(number, out long left, out int consumed) && consumed == number.Length && literal.TryGetInt64(out long right))
        {
            return left == right;
        }

#if NET9_0_OR_GREATER
        ReadOnlySpan<byte> literalText = JsonMarshal.GetRawUtf8Value(literal);
#else
        ReadOnlySpan<byte> literalText = Encoding.UTF8.GetBytes(literal.GetRawText());
#endif
        return JsonNumber.TryParse(number, out JsonNumber a) && JsonNumber.TryParse(literalText, out JsonNumber b) && JsonNumber.Compare(a, b) == 0;
    }

    private static bool StringEquals(ReadOnlySpan<byte> raw, bool escaped, JsonElement literal)
    {
        if (!escaped)
        {
            return literal.ValueEquals(raw);
        }

        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= JsonText.StackLimit ? stackalloc byte[JsonText.StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            return JsonText.TryUnescape(raw, buffer, out int written) && literal.ValueEquals(buffer.Slice(0, written));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Checks a string or member name inside an any value: valid text within the length limit.</summary>
    private bool CheckAnyText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            return true;
        }

        ReadOnlySpan<byte> raw = reader.ValueSpan;
        int length = raw.Length;
        if (reader.ValueIsEscaped && !JsonText.Validate(raw, out length))
        {
            AddError("json", "The string is not valid Unicode text.");
            return false;
        }

        if (length > Options.MaxStringLength)
        {
            AddError("maxStringLength", "The string is longer than the limit of " + Options.MaxStringLength.ToString(CultureInfo.InvariantCulture) + " bytes.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Gives the unescaped text of a string token, unescaping into <paramref name="buffer"/> (at least as long as
    /// <paramref name="raw"/>) when it is escaped, and says whether it is valid text within <paramref name="maxLength"/>.
    /// </summary>
    private static TextStatus TryGetText(ReadOnlySpan<byte> raw, bool escaped, Span<byte> buffer, int maxLength, out ReadOnlySpan<byte> text)
    {
        text = raw;
        if (escaped)
        {
            if (!JsonText.TryUnescape(raw, buffer, out int written))
            {
                return TextStatus.InvalidText;
            }

            text = buffer.Slice(0, written);
        }

        return text.Length > maxLength ? TextStatus.TooLong : TextStatus.Valid;
    }

    /// <summary>Records the error <paramref name="status"/> stands for; returns whether the text is valid.</summary>
    private bool Report(TextStatus status)
    {
        switch (status)
        {
            case TextStatus.InvalidText:
                AddError("json", "The string is not valid Unicode text.");
                return false;
            case TextStatus.TooLong:
                AddError("maxStringLength", "The string is longer than the limit of " + Options.MaxStringLength.ToString(CultureInfo.InvariantCulture) + " bytes.");
                return false;
            default:
                return true;
        }
    }

    private bool ApplyRules(StringRules? rules, scoped ReadOnlySpan<byte> text, bool checkFormat)
    {
        if (rules is null)
        {
            return true;
        }

        (string Keyword, string Message)? broken = rules.Check(text, checkFormat);
        if (broken is { } error)
        {
            AddError(error.Keyword, error.Message);
            return false;
        }

        return true;
    }

    private bool ApplyRules(NumberRules? rules, scoped ReadOnlySpan<byte> number)
    {
        if (rules is null)
        {
            return true;
        }

        (string Keyword, string Message)? broken = rules.Check(number);
        if (broken is { } error)
        {
            AddError(error.Keyword, error.Message);
            return false;
        }

        return true;
    }

    private enum TextStatus
    {
        Valid,
        InvalidText,
        TooLong,
    }
}
