namespace Stagehand.Analyzers;

/// <summary>The categories of the Stagehand rules.</summary>
internal static class RuleCategories
{
    public const string Contracts = "Stagehand.Contracts";

    public const string Schema = "Stagehand.Schema";

    /// <summary>How the contracts changed since the released baseline (<c>Contracts.Shipped.txt</c>).</summary>
    public const string Evolution = "Stagehand.Evolution";

    /// <summary>The operations (HTTP routes and JSON-RPC methods) of <c>*.operations.json</c> files and the contracts they name.</summary>
    public const string Operations = "Stagehand.Operations";
}
