namespace Stagehand.Contracts;

/// <summary>What a reader does with members that the contract does not declare.</summary>
public enum UnknownMembers
{
    /// <summary>Unknown members are an error: the value is rejected.</summary>
    Reject,

    /// <summary>Unknown members are accepted and discarded.</summary>
    Drop,

    /// <summary>Unknown members are accepted and preserved, so that they are written back.</summary>
    Keep,
}
