using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0005: a schema shape that does not survive the wire: an array that declares members of its own (the
/// <c>Action[] &amp; { cacheStatus }</c> intersection), or a member whose name starts with <c>__</c> (a hidden hook).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WireFragileShapeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0005 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.WireFragileShape,
        title: "Wire-fragile shape",
        messageFormat: "{0}",
        category: RuleCategories.Schema,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Members of an array vanish on copy, map, filter and JSON serialization, and a '__'-prefixed member is a hidden hook: say it in the type instead.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.WireFragileShape + ".md");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
            SchemaAnalysis.RegisterSchemaFileAction(start, SchemaAnalysis.GetSchemas(start.Options, start.CancellationToken), AnalyzeSchema));
    }

    private static void AnalyzeSchema(AdditionalFileAnalysisContext context, SchemaSet schemas, SchemaFile file)
    {
        if (file.Root is null)
        {
            return;
        }

        foreach (var node in SchemaWalker.DescendantsAndSelf(file.Root))
        {
            if (IsArrayOnly(node) && !node.Properties.IsEmpty)
            {
                var names = string.Join(", ", node.Properties.Select(p => "'" + p.Name + "'"));
                context.ReportDiagnostic(Diagnostic.Create(Rule, node.Properties[0].NameLocation.ToLocation(),
                    $"The array schema{Where(node)} declares the member{(node.Properties.Count == 1 ? string.Empty : "s")} {names}; members of an array vanish on copy, map, filter and JSON serialization: make it an object that holds the items and {(node.Properties.Count == 1 ? "that member" : "those members")}"));
            }
            else if (node.AllOf.Count > 1 && ArrayWithMembers(schemas, file, node) is { } member)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, node.Location.FirstCharacter().ToLocation(),
                    $"The schema{Where(node)} combines an array with the member '{member}' in 'allOf'; members of an array vanish on copy, map, filter and JSON serialization: make it an object that holds the items and that member"));
            }

            foreach (var property in node.Properties)
            {
                if (property.Name.StartsWith("__", StringComparison.Ordinal))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, property.NameLocation.ToLocation(),
                        $"The member '{property.Name}' is a hidden hook ('__' prefix); say it in the type instead: a member with a real name, or a result type of its own"));
                }
            }
        }
    }

    private static string Where(SchemaNode node) => node.Pointer.Length == 0 ? string.Empty : " at '#" + node.Pointer + "'";

    /// <summary>An array schema that is not also an object schema.</summary>
    private static bool IsArrayOnly(SchemaNode node) =>
        (node.Types & JsonTypes.Object) == 0
        && ((node.Types & JsonTypes.Array) != 0 || (node.Types == JsonTypes.None && node.Items is not null));

    /// <summary>The first member an <c>allOf</c> adds to an array branch, following <c>$ref</c>s.</summary>
    private static string? ArrayWithMembers(SchemaSet schemas, SchemaFile file, SchemaNode node)
    {
        var hasArray = false;
        string? member = null;
        foreach (var branch in node.AllOf)
        {
            var target = schemas.Dereference(file, branch);
            if (target is null)
            {
                continue;
            }

            var resolved = target.Value.Node;
            if (IsArrayOnly(resolved))
            {
                hasArray = true;
            }
            else if (!resolved.Properties.IsEmpty)
            {
                member ??= resolved.Properties[0].Name;
            }
        }

        return hasArray ? member : null;
    }
}
