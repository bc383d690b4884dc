using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Stagehand.Analyzers.Rules;

namespace Stagehand.Analyzers.CodeFixes.Rules;

/// <summary>STH0003: changes a hand-written member's type to the contract member's type (<c>bool?</c> → <c>ServerCacheSetting?</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HandWrittenContractDriftCodeFixProvider))]
[Shared]
public sealed class HandWrittenContractDriftCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.HandWrittenContractDrift);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(HandWrittenContractDriftAnalyzer.KindProperty, out var kind)
                || kind != HandWrittenContractDriftAnalyzer.TypeMismatch
                || !diagnostic.Properties.TryGetValue(HandWrittenContractDriftAnalyzer.ContractTypeProperty, out var contractType)
                || contractType is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not TypeSyntax type)
            {
                continue;
            }

            var shown = SyntaxFactory.ParseTypeName(contractType).WithoutTrivia().ToString().Replace("global::", string.Empty);
            context.RegisterCodeFix(
                CodeAction.Create(
                    title: "Use the contract's type '" + shown + "'",
                    createChangedDocument: cancellationToken => ChangeTypeAsync(context.Document, type, contractType, cancellationToken),
                    equivalenceKey: nameof(HandWrittenContractDriftCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> ChangeTypeAsync(Document document, TypeSyntax type, string contractType, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacement = SyntaxFactory.ParseTypeName(contractType)
            .WithTriviaFrom(type)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var changed = document.WithSyntaxRoot(root.ReplaceNode(type, replacement));
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
