using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
#if NET9_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace Stagehand.Contracts;

/// <summary>The entry points every generated contract's <c>Validate</c>, <c>Parse</c> and <c>TryParse</c> call.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ContractJson
{
    /// <summary>Validates a whole document; allocates nothing when it is valid.</summary>
    public static ValidationResult Validate<T>(ReadOnlySpan<byte> utf8Json, ContractReadOptions? options, ContractReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ContractReadContext context = new ContractReadContext(utf8Json, options);
        try
        {
            Run(ref context, read, build: false, out _);
            return context.ToResult();
        }
        finally
        {
            context.Dispose();
        }
    }

    /// <summary>Validates and builds in one pass; throws <see cref="ContractValidationException"/> naming <paramref name="contract"/> when invalid.</summary>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json, ContractReadOptions? options, ContractReadFunc<T> read, string contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!TryParse(utf8Json, options, read, out T? value, out ValidationResult result))
        {
            throw new ContractValidationException(contract, result);
        }

        return value;
    }

    /// <summary>Validates and builds in one pass.</summary>
    public static bool TryParse<T>(ReadOnlySpan<byte> utf8Json, ContractReadOptions? options, ContractReadFunc<T> read, [MaybeNullWhen(false)] out T value, out ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(read);
        ContractReadContext context = new ContractReadContext(utf8Json, options);
        try
        {
            bool valid = Run(ref context, read, build: true, out T? built);
            result = context.ToResult();
            if (valid && result.IsValid)
            {
                value = built!;
                return true;
            }

            if (result.IsValid)
            {
                // The reader said no without saying why; never report such a document as valid.
                result = new ValidationResult(new[] { new ValidationError(string.Empty, "json", "The document does not satisfy the contract.") }, truncated: false);
            }

            value = default;
            return false;
        }
        finally
        {
            context.Dispose();
        }
    }

    /// <summary>
    /// For a <c>JsonConverter</c>: reads the value at <paramref name="reader"/> (which may span several buffers), validates and
    /// builds it, and throws <see cref="ContractValidationException"/> when invalid.
    /// </summary>
    /// <remarks>Reads with <see cref="ContractReadOptions.Default"/>. The reader is left on the value's last token.</remarks>
    public static T ReadValue<T>(ref Utf8JsonReader reader, ContractReadFunc<T> read, string contract) =>
        ReadValue(ref reader, options: null, read, contract);

    /// <summary>
    /// For a <c>JsonConverter</c>: reads the value at <paramref name="reader"/> (which may span several buffers), validates and
    /// builds it with <paramref name="options"/>, and throws <see cref="ContractValidationException"/> when invalid.
    /// </summary>
    /// <remarks>
    /// The value's text is copied and read again with the strict reader of <see cref="ContractReadContext.CreateReader"/>, so
    /// comments or trailing commas that the serializer's options let through are errors here. The reader is left on the
    /// value's last token.
    /// </remarks>
    public static T ReadValue<T>(ref Utf8JsonReader reader, ContractReadOptions? options, ContractReadFunc<T> read, string contract)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(contract);
        if (reader.TokenType is JsonTokenType.None or JsonTokenType.PropertyName && !reader.Read())
        {
            throw new JsonException("Expected a JSON value.");
        }

        using JsonDocument document = JsonDocument.ParseValue(ref reader);
#if NET9_0_OR_GREATER
        return Parse(JsonMarshal.GetRawUtf8Value(document.RootElement), options, read, contract);
#else
        string text = document.RootElement.GetRawText();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(text, buffer);
            return Parse(buffer.AsSpan(0, length), options, read, contract);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
#endif
    }

    private static bool Run<T>(ref ContractReadContext context, ContractReadFunc<T> read, bool build, [MaybeNullWhen(false)] out T value)
    {
        value = default;
        Utf8JsonReader reader = context.CreateReader();
        try
        {
            if (!context.ReadFirstToken(ref reader))
            {
                return false;
            }

            int mark = context.ErrorCount;
            bool valid = read(ref reader, ref context, build, out value);
            context.ExpectEnd(ref reader);
            return valid && context.ErrorCount == mark;
        }
        catch (JsonException exception) when (exception is not ContractValidationException)
        {
            context.AddJsonError(exception, ref reader);
        }
        catch (InsufficientExecutionStackException)
        {
            // The stack guard of ContractReadContext: the document nests deeper than this thread's stack can read.
            context.RecordStackExhausted();
        }
        catch (InvalidOperationException) when (context.InputHasInvalidEscape())
        {
            // The reader refuses to compare or decode a lone surrogate escape (in a member name, say).
            context.AbandonTrials();
            context.AddError("json", "A string is not valid Unicode text.");
        }

        value = default;
        return false;
    }
}
