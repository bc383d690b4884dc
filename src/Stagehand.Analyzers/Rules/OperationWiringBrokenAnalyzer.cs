using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema;
using Stagehand.Schema.Operations;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0015: an operations file that does not read, or whose operations are not wired to what they name. What the reader
/// finds (text that is not JSON, a member the format does not have, a method that is not HTTP's, a status that is not
/// one, a path that is not a template, an id or a route used twice, a parameter schema that does not read); a
/// <c>$ref</c> that names no schema of the build; a public operations file that names an internal contract; path
/// parameters that are not the path template's (one the template has and the operation does not declare, or one it
/// declares and the template does not have); and a route another operations file of the build already has.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OperationWiringBrokenAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0015 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.OperationWiringBroken,
        title: "Operation wiring is broken",
        messageFormat: "Broken operation wiring at '{0}': {1}",
        category: RuleCategories.Operations,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An operations file must read as the format says (docs/operations.md) and its operations must hold together: every $ref names a schema of the build, a public file names public contracts only, the path parameters are the path template's, and a method and path belong to one operation of the build.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.OperationWiringBroken + ".md");

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
        foreach (var problem in document.Problems)
        {
            Report(context, problem.Location, problem.Member, problem.Message);
        }

        foreach (var (owner, reference) in document.References())
        {
            CheckReference(context, operations, file, owner, reference.Ref, reference.RefLocation);
        }

        foreach (var (owner, node) in document.ParameterReferences())
        {
            CheckReference(context, operations, file, owner, node.Ref!, node.RefLocation ?? node.Location);
        }

        foreach (var operation in document.Http)
        {
            if (operation.Path is not { } template)
            {
                continue;
            }

            foreach (var name in template.Parameters.Where(name => !operation.PathParameters.Any(parameter => parameter.Name == name)))
            {
                Report(context, operation.PathLocation!, "pathParameters", $"The path '{template.Text}' of '{operation.Id}' has the parameter '{name}', which its 'pathParameters' do not declare.");
            }

            foreach (var parameter in operation.PathParameters.Where(parameter => !template.Parameters.Contains(parameter.Name)))
            {
                Report(context, parameter.NameLocation, "pathParameters", $"'{parameter.Name}' is declared as a path parameter of '{operation.Id}', but its path '{template.Text}' has no '{{{parameter.Name}}}'.");
            }

            if (operations.EarlierRoute(file, operation) is { } earlier)
            {
                Report(context, operation.PathLocation!, "path", $"'{operation.Display}' is also the route of '{earlier.Operation.Id}' in '{SchemaPaths.FileName(earlier.File.Path)}': a method and path belong to one operation of the build.");
            }
        }
    }

    private static void CheckReference(AdditionalFileAnalysisContext context, OperationsSet operations, OperationsFile file, string owner, string reference, LocationInfo location)
    {
        if (operations.Resolve(file, reference) is not { } target)
        {
            Report(context, location, "$ref", $"The $ref '{reference}' of {owner} names no schema of the build{WhyNot(operations, file, reference)}.");
            return;
        }

        if (file.Document.Visibility == SchemaVisibility.Public && target.File.IsInternal)
        {
            Report(context, location, "$ref", $"The public operations file names the internal contract '{target.File.RootTypeName}' ({target.File.RelativePath}) for {owner}: a public operation carries public contracts only.");
        }
    }

    /// <summary>Why a reference names nothing, when the file it names is there: it does not read, or has nothing at the fragment.</summary>
    private static string WhyNot(OperationsSet operations, OperationsFile file, string reference)
    {
        if (UriReferences.IsAbsolute(reference))
        {
            return ": no schema of the build has that URI (its $id, or the StagehandSchemaUri of its file)";
        }

        var (path, fragment) = SchemaPaths.Resolve(file.Path, reference);
        var target = operations.Schemas.Files.FirstOrDefault(f => f.Path == path);
        if (target is null)
        {
            return SchemaPaths.IsSchemaFile(path) ? ": there is no schema file at '" + path + "'" : ": schema files end in " + SchemaPaths.Extension;
        }

        return target.Root is null ? ": the schema file does not read (STH0004 says why)" : $": '{SchemaPaths.FileName(path)}' has no schema at '#{fragment}'";
    }

    private static void Report(AdditionalFileAnalysisContext context, LocationInfo location, string place, string message) =>
        context.ReportDiagnostic(Diagnostic.Create(Rule, location.ToLocation(), place, message));
}
