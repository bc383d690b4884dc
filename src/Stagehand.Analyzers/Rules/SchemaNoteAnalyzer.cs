using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0007: what the shared reader and model noted about a schema without stopping its generation (a C# name numbered
/// to stay clear of another, OpenAPI's <c>nullable</c> read as an annotation), at its place in the schema file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchemaNoteAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0007 descriptor, shared with the schema tools.</summary>
    public static readonly DiagnosticDescriptor Rule = SchemaNoteRule.Descriptor;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var schemas = SchemaAnalysis.GetSchemas(start.Options, start.CancellationToken);
            SchemaAnalysis.RegisterSchemaFileAction(start, schemas, static (fileContext, _, file) =>
            {
                foreach (var note in file.Notes)
                {
                    fileContext.ReportDiagnostic(SchemaNoteRule.Create(note));
                }
            });
        });
    }
}
