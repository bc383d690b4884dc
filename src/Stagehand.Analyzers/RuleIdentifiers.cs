namespace Stagehand.Analyzers;

/// <summary>The ids of the Stagehand analyzer rules, fixed in this order.</summary>
public static class RuleIdentifiers
{
    /// <summary>An internal contract type reaches a public surface (C#) or a public schema (<c>$ref</c>).</summary>
    public const string InternalContractExposed = "STH0001";

    /// <summary>An internal schema that mirrors a public one lacks or changes a member of it.</summary>
    public const string MirrorDrift = "STH0002";

    /// <summary>A hand-written <c>[MirrorsContract]</c> type differs from its contract.</summary>
    public const string HandWrittenContractDrift = "STH0003";

    /// <summary>A schema file cannot be read or built.</summary>
    public const string InvalidSchema = Stagehand.Schema.InvalidSchemaRule.Id;

    /// <summary>A schema shape that does not survive the wire.</summary>
    public const string WireFragileShape = "STH0005";

    /// <summary>A secret-looking member of a public persisted resource that is not marked sensitive or write-only.</summary>
    public const string SecretInPublicResource = "STH0006";

    /// <summary>How a schema was read, where that is worth knowing (a numbered C# name, an annotation from OpenAPI).</summary>
    public const string SchemaNote = Stagehand.Schema.SchemaNoteRule.Id;

    /// <summary>A change since the contract baseline that breaks clients or servers built against it (a major bump).</summary>
    public const string BreakingContractChange = "STH0008";

    /// <summary>A compatible change since the contract baseline (a minor or patch bump) that the baseline does not record.</summary>
    public const string ContractChangeNotInBaseline = "STH0009";

    /// <summary>The declared contract version is lower than the changes since the baseline need.</summary>
    public const string ContractVersionTooLow = "STH0010";

    /// <summary>A change since the contract baseline that may break or not, and could not be proven either way.</summary>
    public const string UnprovenContractChange = "STH0011";

    /// <summary>The contract baseline (<c>Contracts.Shipped.txt</c>) has a line that cannot be read.</summary>
    public const string ContractBaselineUnreadable = "STH0012";

    /// <summary>A public schema's title, description or example names internal infrastructure (a vendor, a queue, a database, an internal host, a ticket).</summary>
    public const string InfrastructureNamedInPublicText = "STH0013";

    /// <summary>An operation whose errors are not documented: no error response, or one outside the file's error envelope.</summary>
    public const string OperationWithoutDocumentedErrors = "STH0014";

    /// <summary>An operations file that does not read, or whose operations are not wired to the contracts they name.</summary>
    public const string OperationWiringBroken = "STH0015";
}
