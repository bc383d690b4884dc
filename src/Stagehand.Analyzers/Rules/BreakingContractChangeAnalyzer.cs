using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema.Evolution;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0008: a change since the contract baseline (<c>Contracts.Shipped.txt</c>) that breaks clients or servers built
/// against it, so that it needs a major version: a required response member removed, a request member made required, a
/// bound tightened on a request, a type changed. Reported at the schema token that changed, or, for what was removed, at
/// the baseline line that states it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BreakingContractChangeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0008 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.BreakingContractChange,
        title: "Breaking contract change",
        messageFormat: "{0} Kind: {1}; direction: {2}.{3}",
        category: RuleCategories.Evolution,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A change since the released contracts (Contracts.Shipped.txt) that a client or server built against them cannot take needs a major version; make the change compatible, or accept it into the baseline when the major version is intended.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.BreakingContractChange + ".md");

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
                if (change.Bump != VersionBump.Major || change.IsUnproven)
                {
                    return;
                }

                var example = change.Witness is null ? string.Empty : " Example: " + change.Witness;
                fileContext.ReportDiagnostic(Diagnostic.Create(Rule, location, evolution.PropertiesOf(change),
                    change.Message, change.Kind, ContractDirections.Name(change.Direction), example));
            }));
    }
}
