using Microsoft.CodeAnalysis;

namespace Stagehand.Schema;

/// <summary>
/// STH0004, declared once: the generator reports it for every schema it could not turn into C# (a build shows it even
/// when C# that uses the missing type fails to compile), the analyzers mirror it onto the C# types that consume such a
/// schema, and the command-line tool reports both.
/// </summary>
internal static class InvalidSchemaRule
{
    public const string Id = "STH0004";

    public const string Category = "Stagehand.Schema";

    public static readonly DiagnosticDescriptor Descriptor = new(
        id: Id,
        title: "Invalid schema",
        messageFormat: "Invalid schema at '{0}': {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A schema file is malformed, uses an unsupported keyword, or refers to a schema that cannot be found. Nothing is generated from it until it is fixed; the other schema files still are. The C# types that consume it get the same diagnostic.",
        helpLinkUri: ProjectLinks.RuleHelp(Id));

    /// <summary>The diagnostic for one problem, at its place in the schema file.</summary>
    public static Diagnostic Create(SchemaProblem problem) =>
        Diagnostic.Create(Descriptor, problem.Location.ToLocation(), problem.Keyword, problem.Message);
}
