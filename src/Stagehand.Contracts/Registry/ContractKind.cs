namespace Stagehand.Contracts;

/// <summary>What C# shape a contract has.</summary>
public enum ContractKind
{
    /// <summary>A sealed record with members.</summary>
    Record,

    /// <summary>An enum of wire values.</summary>
    Enum,

    /// <summary>A union struct with one case per alternative.</summary>
    Union,

    /// <summary>A schema that is not a type of its own (a map, a list, a constrained string): its value is a runtime type.</summary>
    Value,
}
