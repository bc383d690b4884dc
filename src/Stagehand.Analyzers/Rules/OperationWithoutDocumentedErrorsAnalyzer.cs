using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema;
using Stagehand.Schema.Operations;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0014: an operation whose errors are not part of its contract. An HTTP operation with responses but none for a
/// failure (a 4xx or 5xx status, a 4XX or 5XX class, or <c>default</c>), reported at its id; a JSON-RPC method (not a
/// notification) with no error codes, at its name; and, in a file that names an <c>errorEnvelope</c>, an error response
/// written in another contract (at its <c>$ref</c>) or without a body (at its status).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OperationWithoutDocumentedErrorsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0014 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.OperationWithoutDocumentedErrors,
        title: "Operation without documented errors",
        messageFormat: "The operation {0} {1}",
        category: RuleCategories.Operations,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "How an operation fails is part of its contract: an HTTP operation lists its error responses (4xx and 5xx statuses, or default), a JSON-RPC method its error codes, and every error response of an operations file with an errorEnvelope is written in that envelope.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.OperationWithoutDocumentedErrors + ".md");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => SchemaAnalysis.RegisterOperationsFileAction(start, Analyze));
    }

    private static void Analyze(AdditionalFileAnalysisContext context, OperationsSet operations, OperationsFile file)
    {
        var document = file.Document;
        var envelopeReference = document.ErrorEnvelope;
        var envelope = envelopeReference is null ? null : operations.Resolve(file, envelopeReference.Ref);
        foreach (var operation in document.Http)
        {
            if (operation.ResponsesLocation is null)
            {
                // No responses object: the operation does not read, which STH0015 reports.
                continue;
            }

            var name = Name(operation);
            if (!operation.Responses.Any(response => response.IsError))
            {
                Report(context, operation.IdLocation, name, "documents no error response: list how it fails, by status (400, 404, 500), class (4XX, 5XX) or 'default', each with its error body");
            }

            if (envelope is not { } expected)
            {
                continue;
            }

            foreach (var response in operation.Responses.Where(response => response.IsError))
            {
                if (response.Body is null)
                {
                    Report(context, response.StatusLocation, name, $"answers {response.Status} without a body, while the file's errors are written in its errorEnvelope '{envelopeReference!.Ref}'");
                }
                else if (operations.Resolve(file, response.Body.Ref) is { } actual
                    && (actual.File.Path != expected.File.Path || actual.Node.Pointer != expected.Node.Pointer))
                {
                    Report(context, response.Body.RefLocation, name, $"answers {response.Status} with '{response.Body.Ref}', not with the file's errorEnvelope '{envelopeReference!.Ref}'");
                }
            }
        }

        foreach (var method in document.Rpc)
        {
            if (!method.Notification && method.Errors.IsEmpty)
            {
                Report(context, method.NameLocation, "'" + method.Name + "'", "documents no error: list the JSON-RPC error codes it answers with under 'errors' (such as -32602 for invalid params)");
            }
        }
    }

    /// <summary><c>'getLLM' (GET /v4/llms/{id})</c>, or the quoted id alone when the method or path is missing.</summary>
    private static string Name(HttpOperation operation) =>
        operation.Display == operation.Id ? "'" + operation.Id + "'" : "'" + operation.Id + "' (" + operation.Display + ")";

    private static void Report(AdditionalFileAnalysisContext context, LocationInfo location, string name, string message) =>
        context.ReportDiagnostic(Diagnostic.Create(Rule, location.ToLocation(), name, message));
}
