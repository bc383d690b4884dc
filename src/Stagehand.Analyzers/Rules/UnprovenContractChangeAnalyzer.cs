using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema.Evolution;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0011: a change since the contract baseline (<c>Contracts.Shipped.txt</c>) that may narrow or widen what a contract
/// accepts and could not be proven either way: a pattern that is not a list of literal strings, a <c>$ref</c> that now
/// leads elsewhere, a schema under <c>not</c> or <c>if</c>. It counts as a major change until someone looks.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnprovenContractChangeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0011 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.UnprovenContractChange,
        title: "Unproven contract change",
        messageFormat: "{0} Kind: {1}; direction: {2}. Check it by hand, then accept it into {3} or write an ignore line with the reason.",
        category: RuleCategories.Evolution,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A change since the released contracts (Contracts.Shipped.txt) that may or may not break, and that the analyzer cannot prove either way; it counts as a major change until it is checked and accepted.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.UnprovenContractChange + ".md");

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
                if (!change.IsUnproven)
                {
                    return;
                }

                fileContext.ReportDiagnostic(Diagnostic.Create(Rule, location, evolution.PropertiesOf(change),
                    change.Message, change.Kind, ContractDirections.Name(change.Direction), ContractBaseline.FileName));
            }));
    }
}
