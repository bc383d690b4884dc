using System;

namespace Stagehand.Contracts;

/// <summary>One contract in a <see cref="ContractRegistry"/>: its names, its C# type, and its validator and parser.</summary>
public sealed class ContractDescriptor
{
    /// <summary>Describes a contract.</summary>
    public ContractDescriptor(string name, Type type, ContractKind kind, ContractVisibility visibility, string schemaPath, ContractValidator validate, ContractParser tryParse)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Kind = kind;
        Visibility = visibility;
        SchemaPath = schemaPath ?? throw new ArgumentNullException(nameof(schemaPath));
        Validate = validate ?? throw new ArgumentNullException(nameof(validate));
        TryParse = tryParse ?? throw new ArgumentNullException(nameof(tryParse));
    }

    /// <summary>Creates the descriptor of a generated contract from its reader.</summary>
    public static ContractDescriptor Create<T>(string name, ContractKind kind, ContractVisibility visibility, string schemaPath, ContractReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new ContractDescriptor(
            name,
            typeof(T),
            kind,
            visibility,
            schemaPath,
            (json, options) => ContractJson.Validate(json, options, read),
            (ReadOnlySpan<byte> json, ContractReadOptions? options, out object? value, out ValidationResult result) =>
            {
                var valid = ContractJson.TryParse(json, options, read, out var typed, out result);
                value = valid ? typed : null;
                return valid;
            });
    }

    /// <summary>The contract's name: its C# type name (<c>LLMConfig</c>, <c>ActRequest</c>, ...).</summary>
    public string Name { get; }

    /// <summary>The generated C# type.</summary>
    public Type Type { get; }

    /// <summary>Record, enum or union.</summary>
    public ContractKind Kind { get; }

    /// <summary>Public or internal.</summary>
    public ContractVisibility Visibility { get; }

    /// <summary>The schema file the contract comes from, relative to the schema folder.</summary>
    public string SchemaPath { get; }

    /// <summary>The family: the schema file's folder (<c>v3</c>, <c>v4</c>, <c>internal</c>), or empty.</summary>
    public string Family
    {
        get
        {
            var slash = SchemaPath.LastIndexOf('/');
            return slash < 0 ? string.Empty : SchemaPath.Substring(0, slash);
        }
    }

    /// <summary>Validates a document against the contract.</summary>
    public ContractValidator Validate { get; }

    /// <summary>Validates and reads a document as the contract.</summary>
    public ContractParser TryParse { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
