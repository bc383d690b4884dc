namespace Stagehand.Contracts;

/// <summary>What a reader does with members a contract does not declare: the contract's own strictness, or strict or tolerant everywhere.</summary>
public enum ReadPolicy
{
    /// <summary>The schema's own strictness: reject where the contract is strict, drop (or keep) elsewhere.</summary>
    AsDeclared,

    /// <summary>Unknown members are rejected everywhere. For a server reading requests.</summary>
    Strict,

    /// <summary>Unknown members are ignored everywhere. For a client reading a newer server's responses.</summary>
    Tolerant,
}
