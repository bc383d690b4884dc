using System.Collections.Immutable;
using System.Linq;
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

/// <summary>
/// STH0003: changes a hand-written member's type to the contract member's type (<c>bool?</c> → <c>ServerCacheSetting?</c>).
/// An initializer or parameter default that the new type cannot take changes with it, so that the fixed declaration
/// compiles: it is dropped when the new type may be null, and becomes <c>default!</c> (<c>default</c> for a parameter of a
/// value type) otherwise. The contract types carry no schema <c>default</c>, so there is no better value to write. The fix is
/// not offered on a property with accessor bodies, which compute values of the old type.
/// </summary>
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
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not TypeSyntax type
                || !HasNoAccessorBodies(type.Parent))
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

    /// <summary>Whether the declaration is a parameter or an auto-property, whose code does not depend on its type.</summary>
    private static bool HasNoAccessorBodies(SyntaxNode? declaration) =>
        declaration switch
        {
            ParameterSyntax => true,
            PropertyDeclarationSyntax property => property.ExpressionBody is null
                && property.AccessorList is { } accessors
                && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null),
            _ => false,
        };

    private static async Task<Document> ChangeTypeAsync(Document document, TypeSyntax type, string contractType, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || type.Parent is not { } declaration)
        {
            return document;
        }

        var replacement = SyntaxFactory.ParseTypeName(contractType)
            .WithTriviaFrom(type)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var marker = new SyntaxAnnotation();
        var changed = document.WithSyntaxRoot(root.ReplaceNode(declaration, declaration.ReplaceNode(type, replacement).WithAdditionalAnnotations(marker)));
        changed = await FixInitializerAsync(changed, marker, cancellationToken).ConfigureAwait(false);
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the initializer (or parameter default) of the declaration marked <paramref name="marker"/> when its new type cannot take it.</summary>
    private static async Task<Document> FixInitializerAsync(Document document, SyntaxAnnotation marker, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || root.GetAnnotatedNodes(marker).FirstOrDefault() is not { } declaration)
        {
            return document;
        }

        switch (declaration)
        {
            case PropertyDeclarationSyntax { Initializer: { } initializer } property
                when model.GetDeclaredSymbol(property, cancellationToken) is { } symbol
                    && !model.ClassifyConversion(initializer.Value, symbol.Type).IsImplicit:
            {
                PropertyDeclarationSyntax fixedProperty;
                if (MayBeNull(symbol.Type))
                {
                    // `{ get; set; } = x;` becomes `{ get; set; }`: the semicolon's line break moves to the closing brace.
                    var accessors = property.AccessorList!;
                    fixedProperty = property
                        .WithAccessorList(accessors.WithCloseBraceToken(accessors.CloseBraceToken.WithTrailingTrivia(property.SemicolonToken.TrailingTrivia)))
                        .WithInitializer(null)
                        .WithSemicolonToken(default);
                }
                else
                {
                    fixedProperty = property.WithInitializer(initializer.WithValue(DefaultSuppressed().WithTriviaFrom(initializer.Value)));
                }

                return document.WithSyntaxRoot(root.ReplaceNode(property, fixedProperty));
            }

            case ParameterSyntax { Default: { } parameterDefault } parameter
                when model.GetDeclaredSymbol(parameter, cancellationToken) is { } symbol
                    && model.ClassifyConversion(parameterDefault.Value, symbol.Type) is var conversion
                    && (!conversion.IsImplicit || conversion.IsUserDefined):
            {
                // A parameter default must be a constant: a user-defined conversion does not make one.
                ExpressionSyntax value = MayBeNull(symbol.Type) || symbol.Type.IsValueType
                    ? SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword))
                    : DefaultSuppressed();
                return document.WithSyntaxRoot(root.ReplaceNode(parameter, parameter.WithDefault(parameterDefault.WithValue(value.WithTriviaFrom(parameterDefault.Value)))));
            }

            default:
                return document;
        }
    }

    private static ExpressionSyntax DefaultSuppressed() =>
        SyntaxFactory.PostfixUnaryExpression(
            SyntaxKind.SuppressNullableWarningExpression,
            SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword)));

    private static bool MayBeNull(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
        || (!type.IsValueType && type.NullableAnnotation == NullableAnnotation.Annotated);
}
