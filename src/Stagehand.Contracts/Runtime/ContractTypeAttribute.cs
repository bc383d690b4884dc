using System;

namespace Stagehand.Contracts;

/// <summary>Marks a type generated from (or bound to) a wire contract.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
public sealed class ContractTypeAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="wireName">The name of the contract on the wire (its schema name).</param>
    /// <param name="visibility">Who may see the contract.</param>
    /// <exception cref="ArgumentNullException"><paramref name="wireName"/> is <see langword="null"/>.</exception>
    public ContractTypeAttribute(string wireName, ContractVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        WireName = wireName;
        Visibility = visibility;
    }

    /// <summary>Gets the name of the contract on the wire.</summary>
    public string WireName { get; }

    /// <summary>Gets who may see the contract.</summary>
    public ContractVisibility Visibility { get; }

    /// <summary>Gets or sets what a reader does with members the contract does not declare. The default is <see cref="UnknownMembers.Drop"/>.</summary>
    public UnknownMembers UnknownMembers { get; set; } = UnknownMembers.Drop;

    /// <summary>Gets or sets the path of the schema the type was generated from, if any.</summary>
    public string? SchemaPath { get; set; }

    /// <summary>Gets or sets the public contract that this internal contract mirrors, if any.</summary>
    public string? Mirrors { get; set; }

    /// <summary>Gets or sets the resource contract that this create or update request writes, if any.</summary>
    public string? RequestFor { get; set; }

    /// <summary>Gets or sets a value telling whether the contract is stored and served back as a resource.</summary>
    public bool Persisted { get; set; }
}
