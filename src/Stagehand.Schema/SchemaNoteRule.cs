using Microsoft.CodeAnalysis;

namespace Stagehand.Schema;

/// <summary>
/// STH0007, declared once: something a schema says that was read in a way worth knowing, without stopping generation
/// (a C# name that was numbered or suffixed to stay clear of another, OpenAPI 3.0's <c>nullable</c> read as an annotation).
/// The analyzers report it; <c>stagehand-contracts check</c> lists it as a message.
/// </summary>
internal static class SchemaNoteRule
{
    public const string Id = "STH0007";

    public static readonly DiagnosticDescriptor Descriptor = new(
        id: Id,
        title: "Schema note",
        messageFormat: "Note at '{0}': {1}",
        category: InvalidSchemaRule.Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "How a schema was read, where that is worth knowing: a C# name that was numbered or suffixed because another took it, or an OpenAPI keyword that JSON Schema reads as an annotation. Nothing is wrong; the generated code is complete.",
        helpLinkUri: ProjectLinks.RuleHelp(Id));

    /// <summary>The diagnostic for one note, at its place in the schema file.</summary>
    public static Diagnostic Create(SchemaProblem note) =>
        Diagnostic.Create(Descriptor, note.Location.ToLocation(), note.Keyword, note.Message);
}
