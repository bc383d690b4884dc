using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0006: a member whose name looks secret, not marked <c>x-stagehand-sensitive</c> or <c>writeOnly</c>, in a public
/// persisted resource: the root of a public schema with <c>x-stagehand-persisted: true</c> and every schema its value
/// is made of, inline or through <c>$ref</c> (in any file), except below a member that is itself marked.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInPublicResourceAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0006 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.SecretInPublicResource,
        title: "Secret in a public resource",
        messageFormat: "The member '{0}' looks like a secret and is stored in the public persisted resource '{1}'{2}: mark it \"x-stagehand-sensitive\": true or \"writeOnly\": true, or keep it out of the resource",
        category: RuleCategories.Schema,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A public persisted resource is stored and served back to anyone who can read it; a secret in it must be marked sensitive (redacted) or write-only (never returned), or live elsewhere.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.SecretInPublicResource + ".md");

    private const string FindingsKey = "STH0006.Findings";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
            SchemaAnalysis.RegisterSchemaFileAction(start, SchemaAnalysis.GetSchemas(start.Options, start.CancellationToken), static (fileContext, schemas, file) =>
            {
                var findings = schemas.GetOrAdd(FindingsKey, Findings.Create);
                foreach (var finding in findings.In(file))
                {
                    var via = finding.Resource == file ? string.Empty : " (" + finding.Resource.RelativePath + ")";
                    fileContext.ReportDiagnostic(Diagnostic.Create(Rule, finding.Property.NameLocation.ToLocation(),
                        finding.Property.Name, finding.Resource.RootTypeName, via));
                }
            }));
    }

    /// <summary>Whether a schema says its value is a secret that is redacted or never returned.</summary>
    private static bool IsMarked(SchemaNode node) => node.Sensitive || node.WriteOnly;

    private sealed record Finding(SchemaFile File, PropertyNode Property, SchemaFile Resource);

    /// <summary>Every unmarked secret-looking member of every public persisted resource, by the file that declares it.</summary>
    private sealed class Findings
    {
        private readonly Dictionary<string, List<Finding>> _byFile = new(StringComparer.Ordinal);

        public IEnumerable<Finding> In(SchemaFile file) =>
            _byFile.TryGetValue(file.Path, out var list) ? list : Enumerable.Empty<Finding>();

        public static Findings Create(SchemaSet schemas)
        {
            var findings = new Findings();
            var reported = new HashSet<(string, string)>();
            foreach (var resource in schemas.Files.Where(f => f.IsPublic && f.Root!.Persisted).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var visited = new HashSet<(string, string)>();
                var stack = new Stack<(SchemaFile File, SchemaNode Node)>();
                stack.Push((resource, resource.Root!));
                while (stack.Count > 0)
                {
                    var (file, node) = stack.Pop();
                    if (!visited.Add((file.Path, node.Pointer)))
                    {
                        continue;
                    }

                    if (node.Ref is not null)
                    {
                        if (schemas.Resolve(file, node, node.Ref) is { } target && !IsMarked(target.Node))
                        {
                            stack.Push(target);
                        }
                    }

                    foreach (var property in node.Properties)
                    {
                        if (IsMarked(property.Schema) || (property.Schema.Ref is not null && schemas.Dereference(file, property.Schema) is { } referenced && IsMarked(referenced.Node)))
                        {
                            continue;
                        }

                        if (SecretNames.LooksSecret(property.Name) && reported.Add((file.Path, property.Schema.Pointer)))
                        {
                            if (!findings._byFile.TryGetValue(file.Path, out var list))
                            {
                                findings._byFile[file.Path] = list = new List<Finding>();
                            }

                            list.Add(new Finding(file, property, resource));
                        }

                        stack.Push((file, property.Schema));
                    }

                    foreach (var child in SchemaWalker.ValueChildren(node))
                    {
                        if (!node.Properties.Any(p => ReferenceEquals(p.Schema, child)))
                        {
                            stack.Push((file, child));
                        }
                    }
                }
            }

            return findings;
        }
    }
}
