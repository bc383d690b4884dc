using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema.Evolution;

namespace Stagehand.Analyzers.CodeFixes.Rules;

/// <summary>
/// STH0008, STH0009 and STH0011: accepts a contract change into the baseline (<c>Contracts.Shipped.txt</c>). The schemas
/// are read again from the project's additional files, the change is found by the contract, place and aspect its
/// diagnostic carries, and the baseline's facts about that place (or that one aspect) are replaced by the schemas' current
/// ones; the version, the ignore lines and every other fact stay as they are. Fix All accepts every change of the
/// diagnostics in its scope the same way; when that is every change since the baseline, the baseline becomes the
/// schemas' current facts, with its version and ignore lines kept.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AcceptContractChangeCodeFixProvider))]
[Shared]
public sealed class AcceptContractChangeCodeFixProvider : CodeFixProvider
{
    /// <summary>The title of the fix.</summary>
    public const string Title = "Accept this contract change into " + ContractBaseline.FileName;

    /// <summary>The title of Fix All.</summary>
    public const string FixAllTitle = "Accept these contract changes into " + ContractBaseline.FileName;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(
        RuleIdentifiers.BreakingContractChange,
        RuleIdentifiers.ContractChangeNotInBaseline,
        RuleIdentifiers.UnprovenContractChange);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => AcceptAll.Instance;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var project = context.TextDocument.Project;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (BaselineOf(project, diagnostic) is not { } baseline)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    title: Title,
                    createChangedSolution: cancellationToken => AcceptAsync(project.Solution, baseline, [diagnostic], cancellationToken),
                    equivalenceKey: nameof(AcceptContractChangeCodeFixProvider)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    /// <summary>The baseline document the diagnostic's change is not in, when the project still has it.</summary>
    private static DocumentId? BaselineOf(Project project, Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(ContractChangeProperties.Baseline, out var path) && path is not null
            ? project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == path)?.Id
            : null;

    /// <summary>
    /// The solution with <paramref name="diagnostics"/>' changes accepted into the baseline <paramref name="baselineId"/>,
    /// each compared again with the schemas as they are now (a change no longer there is skipped).
    /// </summary>
    private static async Task<Solution> AcceptAsync(Solution solution, DocumentId baselineId, IReadOnlyCollection<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(baselineId.ProjectId);
        var document = project?.GetAdditionalDocument(baselineId);
        if (project is null || document is null)
        {
            return solution;
        }

        var original = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var evolution = ContractEvolution.Get(project.AnalyzerOptions, cancellationToken).FirstOrDefault(e => e.BaselinePath == document.FilePath);
        if (evolution is null)
        {
            return solution;
        }

        var changes = diagnostics.Select(d => evolution.Find(d.Properties)).OfType<ContractChange>().Distinct().ToList();
        if (changes.Count == 0)
        {
            return solution;
        }

        string text;
        if (changes.Count == evolution.Changes.Length)
        {
            // Every change accepted: the baseline states what the schemas state now.
            text = ContractBaseline.Write(evolution.Baseline.Version, evolution.Current, evolution.Baseline.Ignored);
        }
        else
        {
            var baseline = evolution.Baseline;
            text = original.ToString();
            foreach (var change in changes)
            {
                text = baseline.Accept(change, evolution.Current);
                baseline = ContractBaseline.Parse(text);
            }
        }

        return solution.WithAdditionalDocumentText(baselineId, SourceText.From(text, original.Encoding ?? System.Text.Encoding.UTF8));
    }

    /// <summary>Fix All: the changes of every diagnostic in the scope, accepted into each baseline they are not in.</summary>
    private sealed class AcceptAll : FixAllProvider
    {
        public static readonly AcceptAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(
                FixAllTitle,
                cancellationToken => AcceptAllAsync(fixAllContext, cancellationToken),
                equivalenceKey: nameof(AcceptContractChangeCodeFixProvider)));

        private static async Task<Solution> AcceptAllAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects.ToList() : [context.Project];
            var solution = context.Solution;
            foreach (var project in projects)
            {
                var diagnostics = await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                foreach (var group in diagnostics.GroupBy(d => BaselineOf(project, d)))
                {
                    if (group.Key is { } baseline)
                    {
                        solution = await AcceptAsync(solution, baseline, group.ToList(), cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            return solution;
        }
    }
}
