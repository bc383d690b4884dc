using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0004 on the C# side. The generator reports every problem of a schema it could not generate, at its line and
/// column in the schema file (a build shows generator diagnostics even when the C# that needs the missing type does not
/// compile), so this analyzer does not report those again. It reports the problems of schemas that were generated
/// all the same, and, since IDEs show nothing inside JSON files, mirrors a broken schema's first problem onto each C#
/// type that consumes it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidSchemaAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0004 descriptor, shared with the generator.</summary>
    public static readonly DiagnosticDescriptor Rule = InvalidSchemaRule.Descriptor;

    private const string BrokenTypesKey = "STH0004.BrokenTypes";

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
                // A file with no contract is the generator's to report; reporting it here too would show it twice.
                if (file.Contract is null)
                {
                    return;
                }

                foreach (var problem in file.Errors)
                {
                    fileContext.ReportDiagnostic(InvalidSchemaRule.Create(problem));
                }
            });

            var broken = schemas.GetOrAdd(BrokenTypesKey, BrokenSchemas.Create);
            if (!broken.IsEmpty)
            {
                start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, broken), SymbolKind.NamedType);
            }
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, BrokenSchemas broken)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var file = broken.Consumed(type);
        if (file is null && ContractSymbols.MirroredContract(type, out _) is { DeclaringSyntaxReferences.IsEmpty: false } contract)
        {
            file = broken.Consumed(contract);
        }

        if (file is null || type.Locations.IsEmpty)
        {
            return;
        }

        var errors = file.Errors;
        var first = errors[0];
        var where = string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", file.RelativePath, first.Location.StartLine + 1, first.Location.StartCharacter + 1);
        var more = errors.Length > 1
            ? string.Format(CultureInfo.InvariantCulture, " ({0} more problem{1} in the file)", errors.Length - 1, errors.Length == 2 ? string.Empty : "s")
            : string.Empty;
        var message = first.Message + more + " Nothing is generated from this schema until it is fixed.";
        context.ReportDiagnostic(Diagnostic.Create(Rule, type.Locations[0], where, message));
    }

    /// <summary>The schema files with problems, by the C# names their types would have.</summary>
    private sealed class BrokenSchemas
    {
        private readonly Dictionary<string, SchemaFile> _byTypeName = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, SchemaFile> _byRelativePath = new(System.StringComparer.Ordinal);

        public bool IsEmpty => _byRelativePath.Count == 0;

        public static BrokenSchemas Create(SchemaSet schemas)
        {
            var broken = new BrokenSchemas();
            foreach (var file in schemas.Files)
            {
                if (file.Errors.IsEmpty)
                {
                    continue;
                }

                broken._byRelativePath[file.RelativePath] = file;
                if (!broken._byTypeName.ContainsKey(file.RootTypeFullName))
                {
                    broken._byTypeName[file.RootTypeFullName] = file;
                }
            }

            return broken;
        }

        /// <summary>
        /// The broken schema that <paramref name="type"/> is the C# side of: its <c>[ContractType(SchemaPath = ...)]</c>
        /// names the file, or it is a top-level type with the full name the schema's root type would get.
        /// </summary>
        public SchemaFile? Consumed(INamedTypeSymbol type)
        {
            if (ContractSymbols.FindAttribute(type, ContractSymbols.ContractTypeAttribute) is { } attribute
                && ContractSymbols.SchemaPath(attribute) is { } path
                && _byRelativePath.TryGetValue(SchemaPaths.Normalize(path), out var byPath))
            {
                return byPath;
            }

            if (type.ContainingType is null && !type.ContainingNamespace.IsGlobalNamespace
                && _byTypeName.TryGetValue(type.ContainingNamespace.ToDisplayString() + "." + type.Name, out var byName))
            {
                return byName;
            }

            return null;
        }
    }
}
