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
}
