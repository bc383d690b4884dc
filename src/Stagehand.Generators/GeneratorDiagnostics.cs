using Microsoft.CodeAnalysis;

namespace Stagehand.Generators;

/// <summary>The diagnostics the generator reports about schema files.</summary>
internal static class GeneratorDiagnostics
{
    public static readonly DiagnosticDescriptor InvalidSchema = new(
        id: "STH0004",
        title: "Invalid schema",
        messageFormat: "Invalid schema at '{0}': {1}",
        category: "Stagehand.Schema",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A schema file is malformed, uses an unsupported keyword, misses its visibility, or refers to a schema that cannot be found. Nothing is generated from it until it is fixed.",
        helpLinkUri: "https://github.com/stagehand-contracts/stagehand-contracts/blob/main/docs/rules/STH0004.md");
}
