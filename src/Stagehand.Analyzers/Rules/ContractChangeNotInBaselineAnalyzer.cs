using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema.Evolution;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0009: a compatible change since the contract baseline (<c>Contracts.Shipped.txt</c>) that it does not record yet:
/// a new optional request member, a new contract, a relaxed request bound (minor), a description or deprecation (patch).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractChangeNotInBaselineAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0009 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.ContractChangeNotInBaseline,
        title: "Contract change not in the baseline",
        messageFormat: "{0} Kind: {1}; direction: {2}. Accept it into {3} when it is released.",
        category: RuleCategories.Evolution,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A compatible change since the released contracts (Contracts.Shipped.txt): it needs a minor or patch version, and the baseline records it once it is released.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.ContractChangeNotInBaseline + ".md");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
            ContractEvolution.RegisterChangeAction(start, static (fileContext, evolution, change, location) =>
            {
                if (change.Bump is not (VersionBump.Minor or VersionBump.Patch) || change.IsUnproven)
                {
                    return;
                }

                fileContext.ReportDiagnostic(Diagnostic.Create(Rule, location, evolution.PropertiesOf(change),
                    change.Message, change.Kind, ContractDirections.Name(change.Direction), ContractBaseline.FileName));
            }));
    }
}
