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
}
