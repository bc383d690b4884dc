using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using NJsonSchema;
using Stagehand.Contracts;

namespace Stagehand.Differential.Tests;

/// <summary>Both validators' answers on one document.</summary>
internal sealed record Verdicts(ValidationResult Ours, bool Parsed, ValidationResult ParseResult, bool? Theirs, IReadOnlyList<string> TheirErrors, string? TheirException)
{
    public bool Agree => Theirs == Ours.IsValid;

    public string Describe() =>
        "ours " + (Ours.IsValid ? "valid" : "INVALID [" + string.Join("; ", Ours.Errors.Take(4)) + "]") +
        " | NJsonSchema " + (TheirException is not null ? "THREW " + TheirException : Theirs == true ? "valid" : "INVALID [" + string.Join("; ", TheirErrors.Take(4).Select(e => System.Text.RegularExpressions.Regex.Replace(e, "\\s+", " ").Trim())) + "]");
}

/// <summary>One contract with both validators bound: ours through the type's static entry points, NJsonSchema through the bundle.</summary>
internal sealed class ContractUnderTest
{
    private delegate ValidationResult ValidateFn(ReadOnlySpan<byte> utf8Json, ContractReadOptions? options);

    private delegate bool TryParseFn<T>(ReadOnlySpan<byte> utf8Json, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value, out ValidationResult result, ContractReadOptions? options);

    private static readonly ContractReadOptions AsDeclared = new() { Policy = ReadPolicy.AsDeclared };

    private readonly Func<byte[], ValidationResult> _validate;
    private readonly Func<byte[], (bool Ok, ValidationResult Result)> _tryParse;

    public ContractUnderTest(ContractDescriptor descriptor, SchemaStore.Located schema, string bundle, JsonSchema theirs)
    {
        Descriptor = descriptor;
        Schema = schema;
        Bundle = bundle;
        Theirs = theirs;
        var validate = descriptor.Type.GetMethod("Validate", BindingFlags.Public | BindingFlags.Static, new[] { typeof(ReadOnlySpan<byte>), typeof(ContractReadOptions) });
        if (validate is not null)
        {
            var fn = validate.CreateDelegate<ValidateFn>();
            _validate = json => fn(json, AsDeclared);
            UsesTypeEntryPoints = true;
        }
        else
        {
            _validate = json => descriptor.Validate(json, AsDeclared);
        }

        _tryParse = (Func<byte[], (bool, ValidationResult)>)typeof(ContractUnderTest).GetMethod(nameof(BindTryParse), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(descriptor.Type).Invoke(null, new object[] { descriptor })!;
    }

    public ContractDescriptor Descriptor { get; }

    public SchemaStore.Located Schema { get; }

    public string Bundle { get; }

    public JsonSchema Theirs { get; }

    /// <summary>Whether the contract type has its own static <c>Validate</c>/<c>TryParse</c> (enums go through the registry).</summary>
    public bool UsesTypeEntryPoints { get; }

    public Verdicts Run(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var ours = _validate(utf8);
        var (parsed, parseResult) = _tryParse(utf8);
        bool? theirs;
        IReadOnlyList<string> errors = Array.Empty<string>();
        string? exception = null;
        try
        {
            var found = Theirs.Validate(json);
            theirs = found.Count == 0;
            errors = found.Select(e => e.ToString()).ToArray();
        }
        catch (Exception e)
        {
            theirs = null;
            exception = e.GetType().Name + ": " + e.Message;
        }

        return new Verdicts(ours, parsed, parseResult, theirs, errors, exception);
    }

    private static Func<byte[], (bool, ValidationResult)> BindTryParse<T>(ContractDescriptor descriptor)
    {
        var method = typeof(T).GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, new[] { typeof(ReadOnlySpan<byte>), typeof(T).MakeByRefType(), typeof(ValidationResult).MakeByRefType(), typeof(ContractReadOptions) });
        if (method is not null)
        {
            var fn = method.CreateDelegate<TryParseFn<T>>();
            return json => (fn(json, out _, out var result, AsDeclared), result);
        }

        return json => (descriptor.TryParse(json, AsDeclared, out _, out var result), result);
    }
}
