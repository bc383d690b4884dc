namespace Stagehand.Contracts;

/// <summary>Who may see a contract type.</summary>
public enum ContractVisibility
{
    /// <summary>Part of the public API surface.</summary>
    Public,

    /// <summary>Internal to the service; must never appear in a public surface.</summary>
    Internal,
}
