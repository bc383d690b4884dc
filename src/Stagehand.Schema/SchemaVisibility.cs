namespace Stagehand.Schema;

/// <summary>Who may see a schema's C# types: anyone (public API) or the assembly only.</summary>
internal enum SchemaVisibility
{
    Public,
    Internal,
}

/// <summary>How a <see cref="SchemaVisibility"/> is written: in schemas, in C#, and in the runtime's attributes.</summary>
internal static class SchemaVisibilities
{
    /// <summary>The C# access modifier, which is also the word a schema's <c>x-stagehand-visibility</c> uses.</summary>
    public static string Keyword(this SchemaVisibility visibility) => visibility == SchemaVisibility.Internal ? "internal" : "public";

    /// <summary>The member of the runtime's <c>ContractVisibility</c>.</summary>
    public static string ContractVisibilityMember(this SchemaVisibility visibility) => visibility == SchemaVisibility.Internal ? "Internal" : "Public";

    /// <summary>The visibility a schema's word names (<c>public</c> or <c>internal</c>), or null.</summary>
    public static SchemaVisibility? Parse(string? word) => word switch
    {
        "public" => SchemaVisibility.Public,
        "internal" => SchemaVisibility.Internal,
        _ => null,
    };
}
