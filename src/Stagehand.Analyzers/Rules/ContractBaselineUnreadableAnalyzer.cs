using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0012: a line of the contract baseline (<c>Contracts.Shipped.txt</c>) that cannot be read: a fact without its four
/// tab-separated parts, an ignore line without a reason, a version that is not MAJOR.MINOR.PATCH. Until the baseline
/// reads, the other contract rules (STH0008 to STH0011) report nothing, since a baseline read in part would show every
/// fact it lost as a change.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractBaselineUnreadableAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0012 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.ContractBaselineUnreadable,
        title: "Contract baseline cannot be read",
        messageFormat: "The contract baseline cannot be read: {0}",
        category: RuleCategories.Evolution,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every line of Contracts.Shipped.txt is a comment, the version, an ignore line with its reason, or a fact of four tab-separated parts; the contracts are not compared until it reads.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.ContractBaselineUnreadable + ".md");

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

            start.RegisterAdditionalFileAction(fileContext =>
            {
                foreach (var evolution in evolutions)
                {
                    if (evolution.BaselinePath != fileContext.AdditionalFile.Path)
                    {
                        continue;
                    }

                    foreach (var problem in evolution.Baseline.Problems)
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(Rule, evolution.LineLocation(problem.Line), problem.Message));
                    }
                }
            });
        });
    }
}
