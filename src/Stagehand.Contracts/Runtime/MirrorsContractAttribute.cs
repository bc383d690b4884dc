using System;

namespace Stagehand.Contracts;

/// <summary>Claims that a hand-written type matches a contract type, member for member.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class MirrorsContractAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="contract">The contract type that the marked type mirrors.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contract"/> is <see langword="null"/>.</exception>
    public MirrorsContractAttribute(Type contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Contract = contract;
    }

    /// <summary>Gets the contract type that the marked type mirrors.</summary>
    public Type Contract { get; }
}
