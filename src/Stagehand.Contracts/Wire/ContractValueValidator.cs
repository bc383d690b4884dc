using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Stagehand.Contracts;

/// <summary>
/// Collects what the type system cannot check about a value built in code (formats, ranges, patterns, required
/// references left null, uninitialized unions), with JSON Pointers made of wire names. Generated <c>Validate()</c>
/// methods use it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContractValueValidator
{
    private readonly List<string> _path = new List<string>();
    private List<ValidationError>? _errors;

    /// <summary>
    /// Validates <paramref name="value"/> with its <paramref name="validateInto"/> (a generated <c>ValidateInto</c>); a value
    /// nested deeper than the thread's stack can walk gives a <c>maxDepth</c> error where the walk stopped.
    /// </summary>
    public static ValidationResult Validate<T>(T value, Action<T, ContractValueValidator> validateInto)
    {
        ArgumentNullException.ThrowIfNull(validateInto);
        ContractValueValidator validator = new ContractValueValidator();
        try
        {
            validateInto(value, validator);
        }
        catch (InsufficientExecutionStackException)
        {
            validator.AddError("maxDepth", "The value nests deeper than the stack of this thread can validate.");
        }

        return validator.ToResult();
    }

    /// <summary>Enters member <paramref name="wireName"/>.</summary>
    /// <exception cref="InsufficientExecutionStackException">The thread's stack is nearly used up (the pointer then includes this member).</exception>
    public void Push(string wireName)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        StringBuilder builder = new StringBuilder(wireName.Length + 1);
        JsonText.AppendPointerToken(builder, wireName.AsSpan());
        _path.Add(builder.ToString());
        EnsureStack();
    }

    /// <summary>Enters array item <paramref name="index"/>.</summary>
    /// <exception cref="InsufficientExecutionStackException">The thread's stack is nearly used up (the pointer then includes this item).</exception>
    public void Push(int index)
    {
        _path.Add("/" + index.ToString(CultureInfo.InvariantCulture));
        EnsureStack();
    }

    /// <summary>Leaves the member or item entered last.</summary>
    public void Pop()
    {
        if (_path.Count > 0)
        {
            _path.RemoveAt(_path.Count - 1);
        }
    }

    /// <summary>Records an error at the current pointer.</summary>
    public void AddError(string keyword, string message) => Add(string.Concat(_path), keyword, message);

    /// <summary>Checks a string value.</summary>
    public void Check(string value, StringRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Report(rules.Check(value));
    }

    /// <summary>Checks a number value.</summary>
    public void Check(double value, NumberRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Report(rules.Check(value));
    }

    /// <summary>Checks a whole-number value.</summary>
    public void Check(long value, NumberRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Report(rules.Check(value));
    }

    /// <summary>Checks the number of items of a list.</summary>
    public void CheckCount(int count, int? minItems, int? maxItems)
    {
        if (minItems is int min && count < min)
        {
            AddError("minItems", "The list must have at least " + min.ToString(CultureInfo.InvariantCulture) + (min == 1 ? " item." : " items."));
        }
        else if (maxItems is int max && count > max)
        {
            AddError("maxItems", "The list must have at most " + max.ToString(CultureInfo.InvariantCulture) + (max == 1 ? " item." : " items."));
        }
    }

    /// <summary>Records a <c>required</c> error when a required reference member is null.</summary>
    /// <remarks>The error points at the member, under the current pointer.</remarks>
    public void Required(object? value, string wireName)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        if (value is null)
        {
            StringBuilder builder = new StringBuilder(string.Concat(_path));
            JsonText.AppendPointerToken(builder, wireName.AsSpan());
            Add(builder.ToString(), "required", "The member is required.");
        }
    }

    /// <summary>How many errors have been recorded so far.</summary>
    public int ErrorCount => _errors?.Count ?? 0;

    /// <summary>
    /// Checks <paramref name="value"/> as it is on the wire: writes it with <paramref name="write"/> and reads the JSON back
    /// with the contract's generated reader <paramref name="read"/>, so that what its schema asks beyond what the C#
    /// value shows (<c>not</c>, <c>if</c>, <c>dependentRequired</c>, <c>uniqueItems</c>, ...) is checked exactly as for a
    /// value read from the wire. Each error is recorded under the current pointer.
    /// </summary>
    public void CheckOnTheWire<TValue, TRead>(TValue value, Action<Utf8JsonWriter, TValue> write, ContractReadFunc<TRead> read)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(read);
        ArrayBufferWriter<byte> buffer = new ArrayBufferWriter<byte>();
        using (Utf8JsonWriter writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        ValidationResult result = ContractJson.Validate(buffer.WrittenSpan, null, read);
        string prefix = string.Concat(_path);
        foreach (ValidationError error in result.Errors)
        {
            Add(prefix + error.Pointer, error.Keyword, error.Message);
        }
    }

    /// <summary>The result: <see cref="ValidationResult.Valid"/> when nothing was found.</summary>
    public ValidationResult ToResult() => _errors is null ? ValidationResult.Valid : new ValidationResult(_errors.ToArray(), truncated: false);

    /// <summary>
    /// The stack guard of in-memory validation: generated <c>ValidateInto</c> methods enter every nested member or item through
    /// <see cref="Push(string)"/> or <see cref="Push(int)"/>, so a value of a recursive contract cannot take them deeper than
    /// the stack allows. <see cref="Validate{T}"/> turns the exception into a <c>maxDepth</c> error.
    /// </summary>
    private static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException("The value nests deeper than the stack of this thread can validate.");
        }
    }

    private void Report((string Keyword, string Message)? broken)
    {
        if (broken is { } error)
        {
            AddError(error.Keyword, error.Message);
        }
    }

    private void Add(string pointer, string keyword, string message)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(message);
        (_errors ??= new List<ValidationError>()).Add(new ValidationError(pointer, keyword, message));
    }
}
