using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0013: the <c>title</c>, <c>description</c> or a string in the <c>examples</c> of a schema in a public schema file
/// names internal infrastructure: a feature-flag vendor, an observability service, a queue or stream, a database or
/// cache, a hosting or cloud product, an internal host name or a ticket id (<see cref="InfrastructureTerms"/>).
/// Reported once per occurrence, at exactly the characters of the name inside the JSON string.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InfrastructureInPublicTextAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0013 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.InfrastructureNamedInPublicText,
        title: "Internal infrastructure named in public text",
        messageFormat: "{0} names {1} '{2}': a public schema's text reaches every client; describe the behaviour, not the service behind it",
        category: RuleCategories.Schema,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A public schema's titles, descriptions and examples are the contract's documentation (the generated XML docs, the published schema): naming the vendor, queue, database, host or ticket behind a behaviour tells every client how the service is run, and goes stale when that changes. Add terms with stagehand_infrastructure_terms and trim them with stagehand_infrastructure_terms_allowed in a global config.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.InfrastructureNamedInPublicText + ".md");

    /// <summary>The diagnostic property that holds the name as written.</summary>
    public const string TermProperty = "Term";

    /// <summary>The diagnostic property that holds the name's category id (<c>feature-flags</c>, <c>hosts</c>, ...).</summary>
    public const string CategoryProperty = "Category";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var terms = InfrastructureTerms.FromOptions(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            SchemaAnalysis.RegisterSchemaFileAction(start, SchemaAnalysis.GetSchemas(start.Options, start.CancellationToken), (fileContext, _, file) =>
                AnalyzeSchema(fileContext, file, terms));
        });
    }

    private static void AnalyzeSchema(AdditionalFileAnalysisContext context, SchemaFile file, InfrastructureTerms terms)
    {
        if (!file.IsPublic)
        {
            return;
        }

        SourceText? text = null;
        foreach (var node in SchemaWalker.DescendantsAndSelf(file.Root!))
        {
            foreach (var written in node.Texts)
            {
                // An example value shaped like a ticket id (an order number, ORD-10023) is only an example.
                foreach (var finding in terms.Find(written.Value, ticketIds: written.Keyword != "examples"))
                {
                    text ??= context.AdditionalFile.GetText(context.CancellationToken);
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(TermProperty, finding.Text)
                        .Add(CategoryProperty, finding.Category.Id);
                    context.ReportDiagnostic(Diagnostic.Create(Rule, LocationOf(text, written, finding), properties,
                        Place(node, written), finding.Category.Phrase, finding.Text));
                }
            }
        }
    }

    /// <summary>Where the text is, as the message says it: <c>The description of the schema at '#/properties/limit'</c>.</summary>
    private static string Place(SchemaNode node, SchemaText written)
    {
        if (written.Keyword == "examples")
        {
            return "The example at '#" + written.Pointer + "'";
        }

        return "The " + written.Keyword + " of " + (node.Pointer.Length == 0 ? "the root schema" : "the schema at '#" + node.Pointer + "'");
    }

    /// <summary>The characters of the finding inside the string token; the whole token when the file's text does not match it.</summary>
    private static Location LocationOf(SourceText? text, SchemaText written, InfrastructureTerms.Finding finding)
    {
        if (text is not null && JsonStringSpans.Map(text, written.Location.Span, finding.Start, finding.Length) is { } span)
        {
            return Location.Create(written.Location.FilePath, span, text.Lines.GetLinePositionSpan(span));
        }

        return written.Location.ToLocation();
    }
}
