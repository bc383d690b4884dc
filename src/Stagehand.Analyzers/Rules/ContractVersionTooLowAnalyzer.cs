using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema;
using Stagehand.Schema.Evolution;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0010: the contract version the project declares (the <c>StagehandContractVersion</c> property, or a schema root's
/// <c>x-stagehand-version</c>) is not far enough above the baseline's version for the changes since the baseline: a
/// breaking change needs the next major version, a new capability the next minor one, a correction the next patch.
/// Also reported when the declarations disagree, or the property is not a version. Reported once per baseline, at its
/// <c>version</c> line.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractVersionTooLowAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0010 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.ContractVersionTooLow,
        title: "Contract version too low for its changes",
        messageFormat: "{0}",
        category: RuleCategories.Evolution,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The declared contract version must carry the bump the changes since the released contracts (Contracts.Shipped.txt) need: major for a breaking change, minor for a new capability, patch for a correction.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.ContractVersionTooLow + ".md");

    /// <summary>The project property that declares the contract version, as the compiler sees it.</summary>
    public const string VersionProperty = "build_property.StagehandContractVersion";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var evolutions = ContractEvolution.Get(start.Options, start.CancellationToken);
            if (evolutions.IsEmpty)
            {
                return;
            }

            start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(VersionProperty, out var property);
            start.RegisterAdditionalFileAction(fileContext =>
            {
                foreach (var evolution in evolutions)
                {
                    if (evolution.BaselinePath == fileContext.AdditionalFile.Path && Check(evolution, property) is { } message)
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(Rule, evolution.LineLocation(evolution.VersionLine ?? 1), message));
                    }
                }
            });
        });
    }

    /// <summary>What is wrong with the declared version against <paramref name="evolution"/>, or null.</summary>
    private static string? Check(ContractEvolution evolution, string? property)
    {
        var declared = new List<(ContractVersion Version, string Source)>();
        if (!string.IsNullOrWhiteSpace(property))
        {
            if (!ContractVersion.TryParse(property!.Trim(), out var fromProperty))
            {
                return $"The StagehandContractVersion property '{property.Trim()}' is not a version MAJOR.MINOR.PATCH (such as 1.4.0).";
            }

            declared.Add((fromProperty, "the StagehandContractVersion property"));
        }

        foreach (var file in evolution.Files)
        {
            // A malformed x-stagehand-version is the reader's to report (STH0004).
            if (file.Root?.Version is { } text && ContractVersion.TryParse(text, out var fromSchema))
            {
                declared.Add((fromSchema, "x-stagehand-version in " + SchemaPaths.RelativeTo(evolution.Root, file.Path)));
            }
        }

        if (declared.Count == 0)
        {
            return null;
        }

        if (declared.Select(d => d.Version).Distinct().Count() > 1)
        {
            var all = string.Join(", ", declared.Select(d => d.Version + " (" + d.Source + ")"));
            return $"The contract version is declared differently in different places: {all}. Declare one version.";
        }

        var (version, source) = declared[0];
        if (evolution.Baseline.Version is not { } released || version.BumpFrom(released) >= evolution.Required)
        {
            return null;
        }

        var bump = ContractEvolution.BumpName(evolution.Required);
        return $"The contract version {version} ({source}) is too low for the changes since the baseline's {released}: they need a {bump} version, {released.After(evolution.Required)} or later.";
    }
}
