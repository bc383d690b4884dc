using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>How the schema rules hook into a compilation: one shared <see cref="SchemaSet"/>, one action per schema file.</summary>
internal static class SchemaAnalysis
{
    /// <summary>
    /// Runs <paramref name="analyze"/> for every additional file ending in <c>.schema.json</c>, with the compilation's
    /// schema set (built once for the set of schema texts, whichever rule asks first).
    /// </summary>
    public static void RegisterSchemaFileAction(
        CompilationStartAnalysisContext context,
        SchemaSet schemas,
        Action<AdditionalFileAnalysisContext, SchemaSet, SchemaFile> analyze)
    {
        if (schemas.IsEmpty)
        {
            return;
        }

        context.RegisterAdditionalFileAction(fileContext =>
        {
            if (!SchemaPaths.IsSchemaFile(fileContext.AdditionalFile.Path))
            {
                return;
            }

            var file = schemas.Find(fileContext.AdditionalFile.Path);
            if (file is not null)
            {
                analyze(fileContext, schemas, file);
            }
        });
    }

    /// <summary>
    /// Runs <paramref name="analyze"/> for every additional file ending in <c>.operations.json</c>, with the compilation's
    /// operations files (each read once per text) and, through them, its schema set.
    /// </summary>
    public static void RegisterOperationsFileAction(
        CompilationStartAnalysisContext context,
        Action<AdditionalFileAnalysisContext, OperationsSet, OperationsFile> analyze)
    {
        var operations = OperationsSet.Get(context.Options, context.CancellationToken);
        if (operations.IsEmpty)
        {
            return;
        }

        context.RegisterAdditionalFileAction(fileContext =>
        {
            if (operations.Find(fileContext.AdditionalFile.Path) is { } file)
            {
                analyze(fileContext, operations, file);
            }
        });
    }

    /// <summary>The compilation's schema set, or <see cref="SchemaSet.Empty"/> when it has no schema file.</summary>
    public static SchemaSet GetSchemas(AnalyzerOptions options, System.Threading.CancellationToken cancellationToken) =>
        SchemaSetCache.Get(options, cancellationToken);
}
